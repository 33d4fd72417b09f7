import { loadCore } from '../../../../src/data/core';
import { EXPIRED_TEXT } from '../../../../src/slack/listeners/actions/button';
import { handler } from '../../../../src/slack/listeners/actions/expired';
import { fakeClient, fakeDeps, recorder } from '../../../support/listener-fakes';

const deps = fakeDeps(loadCore());

describe('expired action listener', () => {
  it('acks an unknown action id at once, then tells the person what to type instead', async () => {
    const rec = recorder();
    await handler(deps)({
      ack: rec.fn('ack'),
      respond: rec.fn('respond'),
      action: { type: 'button', action_id: 'old_button_from_v0', block_id: 'b', action_ts: '1' },
      client: fakeClient(rec),
    } as never);
    expect(rec.calls.map((c) => c.name)).toEqual(['ack', 'respond']);
    const [reply] = rec.named('respond')[0] as [
      { response_type: string; replace_original: boolean; text: string },
    ];
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.replace_original).toBe(false);
    expect(reply.text).toContain(EXPIRED_TEXT.slice(0, 30));
    expect(reply.text).toContain('/stats leeds pay');
  });
});
