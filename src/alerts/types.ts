// Alerts (issue 12): a channel asks to be told when a refresh brings new data. Plain data, stored as
// JSON and rebuilt into messages from whichever statistics core is serving.

/** "new data on pay for leeds, bradford": posts when a refresh brings a new period. */
export interface ReleaseAlert {
  kind: 'release';
  /** One indicator, or every indicator of a theme. */
  indicators: string[];
  /** What the person typed the indicators as ("pay", "the health theme"), for list and messages. */
  label: string;
  /** Area codes; empty means the three northern regions. */
  places: string[];
}

/** "claimant count in leeds above 4%": posts once each time the figure crosses the line. */
export interface ThresholdAlert {
  kind: 'threshold';
  indicator: string;
  label: string;
  place: string;
  op: 'above' | 'below';
  value: number;
}

/** "when leeds unemployment rises": posts when a new period moves the figure that way. */
export interface DirectionAlert {
  kind: 'direction';
  indicator: string;
  label: string;
  place: string;
  direction: 'rises' | 'falls';
}

export type AlertSpec = ReleaseAlert | ThresholdAlert | DirectionAlert;
