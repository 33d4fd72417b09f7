import { ask } from '../../../../src/answers/ask';
import { encodeSpec, specOf } from '../../../../src/answers/replay';
import { loadCore } from '../../../../src/data/core';
import { handler } from '../../../../src/slack/listeners/actions/show-chart';
import { fakeClient, fakeDeps, recorder } from '../../../support/listener-fakes';

const core = loadCore();
const deps = fakeDeps(core);

function click(value: string, rec: ReturnType<typeof recorder>) {
  return {
    ack: rec.fn('ack'),
    respond: rec.fn('respond'),
    action: { type: 'button', action_id: 'show_chart', value, block_id: 'answer_actions', action_ts: '1' },
    body: { user: { id: 'U0TEST' }, channel: { id: 'C0TEST' }, container: { is_ephemeral: false } },
    client: fakeClient(rec),
  } as never;
}

describe('show chart listener', () => {
  it('acks first, then uploads the chart of the rebuilt answer to the channel', async () => {
    const rec = recorder();
    const spec = specOf(ask('/stats leeds pay', core));
    await handler(deps)(click(encodeSpec(spec!), rec));
    expect(rec.calls[0].name).toBe('ack');
    const [upload] = rec.named('files.uploadV2')[0] as [{ channel_id: string; alt_text?: string }];
    expect(upload.channel_id).toBe('C0TEST');
  });
  it('a button whose value no longer decodes says it has expired', async () => {
    const rec = recorder();
    await handler(deps)(click('{"k":"nonsense"}', rec));
    expect(rec.calls.map((c) => c.name)).toEqual(['ack', 'respond']);
    expect(JSON.stringify(rec.named('respond')[0])).toContain('expired');
  });
});
