import type * as Docx from 'docx';
import { relativeChartInput } from '../answers/chart-relative';
import { RANK_ORDER_NOTE } from '../answers/phrases';
import type { Answer, ProfileAnswer } from '../answers/types';
import { buildAltText } from '../charts/spec';
import { renderPng } from '../charts/render-local';
import { formatDate } from '../format/number';
import {
  LICENCE,
  missingNotes,
  OGL_LINE,
  profileRow,
  profileSources,
  sourceText,
  themeTitle,
} from './profile-parts';

// "Download Word": a briefing note for board papers, which are written in Word. The same figures and
// words as the text answer (profile-parts.ts), a chart per theme from the local renderer, the
// sources and the licence. `docx` is loaded only when a note is asked for, never at start-up.

type DocxModule = typeof Docx;

/** Chart images in the note: 6.25 in wide at 96 dpi fits an A4 page's text width. */
const IMAGE_WIDTH = 600;
/** Rendered smaller than Slack's 1000 x 600 (PNG encoding is most of a render's cost); same 5:3 shape. */
const RENDER = { width: 900, height: 540 };

const COLUMNS = [
  'Indicator',
  'Value',
  'Period',
  'Rank',
  'Against the South East',
  'Against England',
  'Trend',
];
/** Column widths in % of the table: the comparison sentences need the room. */
const WIDTHS = [20, 12, 10, 8, 20, 20, 10];

function cell(D: DocxModule, text: string, width: number, bold = false): Docx.TableCell {
  return new D.TableCell({
    width: { size: width, type: D.WidthType.PERCENTAGE },
    children: [new D.Paragraph({ children: [new D.TextRun({ text, bold, size: 16 })] })],
  });
}

function themeTable(D: DocxModule, items: ProfileAnswer['themes'][number]['items']): Docx.Table {
  const header = new D.TableRow({
    tableHeader: true,
    children: COLUMNS.map((c, i) => cell(D, c, WIDTHS[i], true)),
  });
  const rows = items.map((item) => {
    const r = profileRow(item);
    const cells = [r.indicator, r.value, r.period, r.rank, r.vsSouthEast, r.vsEngland, r.trend];
    return new D.TableRow({ children: cells.map((c, i) => cell(D, c, WIDTHS[i])) });
  });
  return new D.Table({ width: { size: 100, type: D.WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

function para(D: DocxModule, text: string, opts: { italics?: boolean; size?: number } = {}): Docx.Paragraph {
  return new D.Paragraph({
    spacing: { after: 120 },
    children: [new D.TextRun({ text, italics: opts.italics, size: opts.size })],
  });
}

/** The theme's chart as an inline image with its alt text, or a sentence saying why there is none. */
async function themeChart(
  D: DocxModule,
  answer: ProfileAnswer,
  theme: ProfileAnswer['themes'][number],
): Promise<Docx.Paragraph> {
  const input = relativeChartInput(
    answer.area,
    theme.items,
    `${answer.area.name}: ${themeTitle(theme.theme).toLowerCase()} against England`,
  );
  if (!input)
    return para(D, 'No chart: no indicator in this theme is compared with England.', { italics: true });
  const png = await renderPng(input, RENDER);
  return new D.Paragraph({
    spacing: { before: 120, after: 240 },
    children: [
      new D.ImageRun({
        type: 'png',
        data: png,
        transformation: {
          width: IMAGE_WIDTH,
          height: Math.round((IMAGE_WIDTH * RENDER.height) / RENDER.width),
        },
        altText: { name: input.title, title: input.title, description: buildAltText(input) },
      }),
    ],
  });
}

function lead(answer: ProfileAnswer): string {
  const count = answer.themes.reduce((n, t) => n + t.items.length, 0);
  return `This note gives the ${count} indicators Northstat holds for ${answer.area.name} from ONS Explore Local Statistics, by theme, each at its latest period against the South East and England. A figure is called higher or lower than another only where the 95% confidence intervals allow it; totals are compared per head of population. Charts show ${answer.area.name} and the South East as an index, England = 100.`;
}

/** The profile as a Word briefing note. `now` is the date printed on it (today by default). */
export async function profileDocx(answer: ProfileAnswer, now: Date = new Date()): Promise<Buffer> {
  const D = await import('docx');
  const body: (Docx.Paragraph | Docx.Table)[] = [
    new D.Paragraph({
      heading: D.HeadingLevel.TITLE,
      children: [new D.TextRun(`${answer.area.name}: area profile`)],
    }),
    para(D, `Briefing note, ${formatDate(now.toISOString())}. Northstat, official UK local statistics.`, {
      italics: true,
    }),
    para(D, lead(answer)),
  ];
  // Charts are drawn one after another (drawing is synchronous) but their PNG encodings, most of a
  // render's cost, run together on libuv's threads; a note has at most ten, so memory stays small.
  const charts = await Promise.all(answer.themes.map((t) => themeChart(D, answer, t)));
  answer.themes.forEach((t, i) => {
    body.push(
      new D.Paragraph({ heading: D.HeadingLevel.HEADING_1, children: [new D.TextRun(themeTitle(t.theme))] }),
    );
    body.push(themeTable(D, t.items));
    body.push(charts[i]);
  });
  body.push(new D.Paragraph({ heading: D.HeadingLevel.HEADING_1, children: [new D.TextRun('Notes')] }));
  for (const n of [
    `${RANK_ORDER_NOTE} Ranks are among each indicator's comparison set. Arrows show the direction over the last five periods (a direction, not a judgement).`,
    ...missingNotes(answer),
    ...answer.notes,
  ])
    body.push(para(D, n, { size: 18 }));
  body.push(new D.Paragraph({ heading: D.HeadingLevel.HEADING_1, children: [new D.TextRun('Sources')] }));
  for (const s of profileSources(answer)) body.push(para(D, sourceText(s), { size: 18 }));
  body.push(para(D, `Data from ONS Explore Local Statistics. ${LICENCE}`, { size: 18 }));
  const doc = new D.Document({
    creator: 'Northstat',
    title: `${answer.area.name}: area profile`,
    description: `Area profile briefing note. ${OGL_LINE}.`,
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [{ children: body }],
  });
  return D.Packer.toBuffer(doc);
}

/** A Word note for answers that have one (profiles), else null. */
export async function answerDocx(answer: Answer): Promise<Buffer | null> {
  return answer.kind === 'profile' ? profileDocx(answer) : null;
}
