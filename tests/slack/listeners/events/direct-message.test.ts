import type { types } from '@slack/bolt';
import { loadCore } from '../../../../src/data/core';
import { onMessage } from '../../../../src/slack/listeners/events/direct-message';
import { fakeClient, fakeDeps, recorder } from '../../../support/listener-fakes';

const deps = fakeDeps(loadCore());

const dm = (extra: Partial<types.GenericMessageEvent>): types.MessageEvent =>
  ({
    type: 'message',
    channel: 'D0DM',
    channel_type: 'im',
    user: 'U0TEST',
    text: 'gap in income',
    ts: '1.0',
    event_ts: '1.0',
    ...extra,
  }) as types.GenericMessageEvent;

describe('direct message listener', () => {
  it("answers a person's DM in the DM", async () => {
    const rec = recorder();
    await onMessage(dm({}), fakeClient(rec) as never, deps);
    const [post] = rec.named('chat.postMessage')[0] as [{ channel: string; text: string }];
    expect(post.channel).toBe('D0DM');
    expect(post.text).toContain('household income');
  });
  it('ignores the bot’s own posts and messages outside DMs', async () => {
    const rec = recorder();
    await onMessage(dm({ bot_id: 'B0BOT' }), fakeClient(rec) as never, deps);
    await onMessage(dm({ channel_type: 'channel' }), fakeClient(rec) as never, deps);
    expect(rec.calls).toHaveLength(0);
  });
});
