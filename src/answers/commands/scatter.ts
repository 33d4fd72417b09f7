import { answerScatter } from '../analyses';
import { clarify } from '../engine';
import type { CommandSpec } from './types';

export const scatter: CommandSpec = {
  name: 'scatter',
  order: 60,
  summary: 'Two indicators against each other across a group of places, with their correlation.',
  usage: '/scatter <indicator> vs <indicator> [among <group>]',
  examples: [
    '/scatter productivity vs skills among local authorities',
    '/scatter pay vs employment among northern cities',
  ],
  chart: 'with-answer',
  answer({ req, core, areas }) {
    if (req.indicators.length < 2)
      return clarify(req, '/scatter productivity vs skills among local authorities', [
        { text: '', kind: 'indicator', suggestions: [] },
      ]);
    const [x, y] = req.indicators;
    const lower = core.geography.englishTier('lower');
    const group = req.group ?? { id: lower.id, label: lower.label, codes: lower.codes };
    const causal =
      req.cues.correlation || /\bgo(es)? with\b/.test(req.indicators.map((i) => i.matched).join(' '));
    return answerScatter(core, x.id, y.id, group, areas[0] ?? null, causal);
  },
};
