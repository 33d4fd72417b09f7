import type { AboutIndicator } from '../../answers/about';
import { ELS_INDICATORS_URL } from '../../answers/about';
import { formatDate } from '../../format/number';
import { escapeMrkdwn as e, truncate } from '../escape';
import { context, header, message, type SlackBlock, type SlackMessage, section } from './kit';

// "About this figure" as Block Kit: per indicator, what it measures, its caveat, unit and source, with
// links in Slack's own <url|text> form (never raw markdown), for the person who clicked.

/** A Slack link; only http(s) URLs from the metadata, with the characters Slack's syntax uses removed. */
function link(url: string, text: string): string {
  if (!/^https?:\/\//.test(url)) return e(text);
  return `<${url.replace(/[<>|\s]/g, '')}|${e(text).replace(/[<>|]/g, '')}>`;
}

export function aboutMessage(items: AboutIndicator[]): SlackMessage {
  if (items.length === 0)
    return message(
      [section('This answer has no single statistic to describe; each row of it names its own.')],
      'About this figure',
    );
  const blocks: SlackBlock[] = [header('About this figure')];
  for (const it of items) {
    const body = [
      `*${e(it.label)}*`,
      e(it.subtitle),
      it.description && it.description !== it.subtitle ? e(truncate(it.description, 700)) : '',
      it.caveats ? `_Caveat: ${e(truncate(it.caveats.split('\n')[0], 400))}_` : '',
      it.derivedFrom ? e(it.derivedFrom) : '',
    ].filter(Boolean);
    blocks.push(section(body.join('\n')));
    blocks.push(
      context([
        `Unit: ${e(it.unit || 'as published')} · ${e(it.source.org)}, released ${e(formatDate(it.source.releaseDate))} · ${link(it.source.url, 'source publication')} · ${link(ELS_INDICATORS_URL, 'ONS Explore Local Statistics')}`,
      ]),
    );
  }
  return message(blocks, `About: ${items.map((i) => i.label).join(', ')}`);
}
