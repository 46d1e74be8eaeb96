import { max, min, type Figure } from '../figures';
import type { SearchSummary } from '../measure/search';
import type { WebFigures } from '../measure/web';
import { median, quantile } from '../stats';

export function coreFigures(input: {
  importSeconds: number;
  refusals: number[];
  oncall: { whoIsOnCall: number[]; shifts: { times: number[] }; ical: number[] };
  appends: { times: number[] };
  bareAppends: number[];
  postmortem: { total: number[] };
}): Figure[] {
  const { oncall, appends } = input;
  return [
    { id: 'import', label: 'Import runbooks from a folder', value: input.importSeconds, unit: 's', note: 'importRunbooks through the API, one run' },
    { id: 'markdown.refusal.max', label: 'Refuse 1 MB of pathological Markdown, slowest case', value: Math.max(...input.refusals), unit: 'ms', budget: max(1000), note: 'checkMarkdownBounds on deep nesting and runs of marks' },
    { id: 'oncall.all.p95', label: 'Who is on call, all schedules, p95', value: quantile(oncall.whoIsOnCall, 0.95), unit: 'ms', budget: max(20), note: 'whoIsOnCall at 20 instants across the year' },
    { id: 'oncall.year.p95', label: 'One year of final shifts, p95', value: quantile(oncall.shifts.times, 0.95), unit: 'ms', budget: max(50), note: 'scheduleShifts over 365 days, 10 schedules' },
    { id: 'oncall.ical.p95', label: 'Six-month iCal export, p95', value: quantile(oncall.ical, 0.95), unit: 'ms', note: 'scheduleIcal, 10 schedules' },
    { id: 'append.p50', label: 'Timeline append (synchronous=FULL), p50', value: median(appends.times), unit: 'ms' },
    { id: 'append.p99', label: 'Timeline append (synchronous=FULL), p99', value: quantile(appends.times, 0.99), unit: 'ms', budget: max(3), note: 'logNote through the API on the open incident' },
    { id: 'append.bare.p50', label: 'Bare SQLite insert (WAL, synchronous=FULL), p50', value: median(input.bareAppends), unit: 'ms', note: 'the disk flush alone: the floor under the append' },
    { id: 'append.bare.p99', label: 'Bare SQLite insert (WAL, synchronous=FULL), p99', value: quantile(input.bareAppends, 0.99), unit: 'ms' },
    { id: 'postmortem', label: 'Post-mortem of the long incident, generate + export', value: median(input.postmortem.total), unit: 'ms', budget: max(500), note: 'regeneratePostmortem then exportPostmortem (HTML), median of the runs' },
  ];
}

/** Issue #17's figures: one change checked against 500 windows and 1,000 changes; "what changed?" over 10,000 change events. */
export function changeFigures(input: { check: number[]; whatChanged: number[] }): Figure[] {
  return [
    { id: 'change.check.p95', label: 'Change check, 500 windows + 1,000 changes, p95', value: quantile(input.check, 0.95), unit: 'ms', budget: max(5), note: 'checkChange on the domain core, 100 changes at random times' },
    { id: 'change.what-changed.p95', label: 'What changed?, 10,000 change events on file, p95', value: quantile(input.whatChanged, 0.95), unit: 'ms', budget: max(20), note: 'the store read by service and time, and the ranking' },
  ];
}

export function searchFigures(search: SearchSummary): Figure[] {
  const classes = Object.entries(search.perClass).map(
    ([name, figures]): Figure => ({ id: `search.rg.${name}`, label: `ripgrep ÷ Holdfast, ${name} (${figures.ripgrepP50.toFixed(1)} ms ÷ ${figures.holdfastP50.toFixed(2)} ms)`, value: figures.speedup, unit: '×', budget: min(10) }),
  );
  return [
    { id: 'search.p50', label: 'Search through the API, p50', value: search.holdfastP50, unit: 'ms' },
    { id: 'search.p95', label: 'Search through the API, p95', value: search.holdfastP95, unit: 'ms', budget: max(8) },
    ...Object.entries(search.perClass).map(
      ([name, figures]): Figure => ({ id: `search.p95.${name}`, label: `Search through the API, ${name}, p95`, value: figures.holdfastP95, unit: 'ms', budget: max(8) }),
    ),
    { id: 'search.floor.p50', label: 'Bare FTS5 query, p50', value: search.floorP50, unit: 'ms' },
    { id: 'search.floor.p95', label: 'Bare FTS5 query, p95', value: search.floorP95, unit: 'ms' },
    { id: 'search.floor.ratio', label: 'API ÷ bare FTS5, at p95', value: search.holdfastP95 / search.floorP95, unit: '×', budget: max(1.5) },
    ...classes,
    { id: 'search.rg.median', label: `ripgrep ÷ Holdfast, median query (${search.ripgrepP50.toFixed(1)} ms ÷ ${search.holdfastP50.toFixed(2)} ms)`, value: search.medianSpeedup, unit: '×', budget: min(30) },
  ];
}

export function webFigures(web: WebFigures): Figure[] {
  return [
    { id: 'web.list', label: 'Console: navigation → runbook list painted', value: web.listPaintedMs, unit: 'ms', budget: max(500) },
    { id: 'web.keystroke.p50', label: 'Console: keystroke → search results painted, p50', value: median(web.keystrokeMs), unit: 'ms' },
    { id: 'web.keystroke.p95', label: 'Console: keystroke → search results painted, p95', value: quantile(web.keystrokeMs, 0.95), unit: 'ms', budget: max(35) },
    { id: 'web.timeline', label: 'Console: open the long timeline → interactive', value: web.timelineMs, unit: 'ms', budget: max(1000) },
    { id: 'web.timeline.rows', label: 'Console: timeline rows in the DOM', value: web.timelineRows, unit: 'rows', budget: max(300) },
    { id: 'web.rss', label: 'Web server peak RSS', value: web.serverPeakRssMb, unit: 'MB', budget: max(300) },
  ];
}

/** Issue #20's CLI figure: the start of a read command, as alert hooks and scripts call it. */
export function cliFigures(cliStart: number[]): Figure[] {
  return [
    { id: 'cli.start.p50', label: 'CLI start, `holdfast oncall --json` on an empty store, median', value: median(cliStart), unit: 'ms', budget: max(150), note: 'a new node process per run, wall time from spawn to exit' },
  ];
}
