/** How big the data set is: the numbers for a full run, a twentieth of them for `--quick`. */
export interface Scale {
  name: 'full' | 'quick';
  runbooks: number;
  people: number;
  schedules: number;
  overrides: number;
  resolvedIncidents: number;
  resolvedEvents: number;
  openIncidentEvents: number;
  queries: number;
  appends: number;
  /** Keystrokes timed in the browser. */
  keystrokes: number;
  /** Post-mortem generate + export runs (after a warm-up). */
  postmortemRuns: number;
  /** New `holdfast oncall --json` processes timed. */
  cliStarts: number;
  /** SLOs, and how many of them get 30 days of 1-minute SLI data. */
  slos: number;
  dataSlos: number;
}

export const FULL: Scale = {
  name: 'full',
  runbooks: 10_000,
  people: 2_000,
  schedules: 200,
  overrides: 5_000,
  resolvedIncidents: 1_000,
  resolvedEvents: 100_000,
  openIncidentEvents: 10_000,
  queries: 200,
  appends: 1_000,
  keystrokes: 30,
  postmortemRuns: 5,
  cliStarts: 20,
  slos: 200,
  dataSlos: 20,
};

export const QUICK: Scale = {
  name: 'quick',
  runbooks: 500,
  people: 100,
  schedules: 20,
  overrides: 250,
  resolvedIncidents: 50,
  resolvedEvents: 5_000,
  openIncidentEvents: 2_000,
  queries: 200,
  appends: 200,
  keystrokes: 10,
  postmortemRuns: 3,
  cliStarts: 10,
  slos: 20,
  dataSlos: 2,
};
