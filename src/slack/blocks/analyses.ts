import {
  benchmarkLines,
  catchingUpLines,
  changeHeadline,
  changeLines,
  lackingLine,
} from '../../answers/render-analyses';
import { scatterLines } from '../../answers/render-analyses';
import { sourceLine, spanText } from '../../answers/phrases';
import type { BenchmarkAnswer, CatchingUpAnswer, ChangeAnswer, ScatterAnswer } from '../../answers/types';
import { escapeMrkdwn as e } from '../escape';
import { context, header, section, type SlackBlock } from './kit';

// Block Kit for the analyst answers: the same sentences as the plain text (render-analyses.ts), escaped.

export function changeBlocks(a: ChangeAnswer): SlackBlock[] {
  const lines = changeLines(a).map((l) => `• ${e(l)}`);
  const blocks: SlackBlock[] = [
    header(`${a.indicator.label}: change ${spanText(a.startPeriod, a.endPeriod)}`),
  ];
  blocks.push(section(`*${e(changeHeadline(a))}*\n${lines.join('\n')}`));
  const lacking = lackingLine(a);
  const foot = [e(sourceLine(a.source, spanText(a.startPeriod, a.endPeriod)))];
  if (lacking) foot.unshift(e(lacking));
  blocks.push(context(foot));
  return blocks;
}

export function catchingUpBlocks(a: CatchingUpAnswer): SlackBlock[] {
  return [
    header(`${a.areaName} against the South East · ${a.indicator.label}`),
    section(catchingUpLines(a).map(e).join('\n')),
    context([e(sourceLine(a.source, spanText(a.points[0]?.period, a.points.at(-1)?.period)))]),
  ];
}

export function scatterBlocks(a: ScatterAnswer): SlackBlock[] {
  return [
    header(`${a.y.label} against ${a.x.label}`),
    section(scatterLines(a).map(e).join('\n')),
    context([e(sourceLine(a.ySource, a.yPeriod.label)), e(sourceLine(a.xSource, a.xPeriod.label))]),
  ];
}

export function benchmarkBlocks(a: BenchmarkAnswer): SlackBlock[] {
  return [
    header(`${a.group.label} against ${a.against.areaName} · ${a.indicator.label}`),
    section(benchmarkLines(a).map(e).join('\n')),
    context([e(sourceLine(a.source, a.period.label))]),
  ];
}
