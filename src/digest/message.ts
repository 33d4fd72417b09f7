import type { StatsCore } from '../data/stats';
import { digestMessage } from '../slack/blocks/digest';
import type { SlackMessage } from '../slack/blocks/kit';
import type { DigestState } from '../store/types';
import { type BuildOptions, type DigestModel, type DigestSubject, digestModel } from './content';

// The digest as the scheduler posts it: the model (content.ts) with its Slack message (slack/blocks/digest.ts).

export type DigestContent = DigestModel & SlackMessage;

/** Builds and renders the digest for `slot`. Pure: same inputs, same output. */
export function buildDigest(
  core: StatsCore,
  sub: DigestSubject,
  previous: DigestState | null,
  slot: Date,
  options: BuildOptions = {},
): DigestContent {
  const model = digestModel(core, sub, previous, slot, options);
  return { ...model, ...digestMessage(model) };
}
