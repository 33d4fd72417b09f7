import { loadCore } from '../../../../src/data/core';
import { answerCommand } from '../../../../src/slack/listeners/commands/answer';
import { fakeClient, fakeDeps, recorder } from '../../../support/listener-fakes';

const deps = fakeDeps(loadCore());

function command(name: string, text: string, rec: ReturnType<typeof recorder>) {
  return {
    command: { command: `/${name}`, text, user_id: 'U0TEST', channel_id: 'C0TEST' },
    ack: rec.fn('ack'),
    client: fakeClient(rec),
    logger: deps.logger,
  } as never;
}

describe('figure command listener', () => {
  it('/stats leeds pay: acks with the answer in the channel, no chart until asked', async () => {
    const rec = recorder();
    await answerCommand('stats', deps)(command('stats', 'leeds pay', rec));
    expect(rec.calls.map((c) => c.name)).toEqual(['ack']);
    const [body] = rec.named('ack')[0] as [{ response_type: string; text: string }];
    expect(body.response_type).toBe('in_channel');
    expect(body.text).toContain('£611');
  });
  it('/compare: the chart follows the ack, as the registry says', async () => {
    const rec = recorder();
    await answerCommand('compare', deps)(command('compare', 'leeds vs reading on pay', rec));
    expect(rec.calls[0].name).toBe('ack');
    expect(rec.named('files.uploadV2')).toHaveLength(1);
  });
  it('/stats help: the command help, only to the person asking', async () => {
    const rec = recorder();
    await answerCommand('stats', deps)(command('stats', 'help', rec));
    const [body] = rec.named('ack')[0] as [{ response_type: string; text: string }];
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('Usage: /stats');
  });
});
