import type { Scorecard } from '../../../../shared/drills';
import { plainInline } from '../../../../shared/step-text';
import { verdict, type Verdict } from '../format';

/** One row of the scorecard's timeline chart: a bar from `start` for `span` minutes, and the marks on it. */
export interface TimelineRow {
  label: string;
  kind: 'measure' | 'step' | 'inject';
  start: number | null;
  span: number | null;
  /** The measure's target (drawn as a tick on its row). */
  target: number | null;
  /** When the inject fired (drawn as a diamond). */
  firedAt: number | null;
  verdict: Verdict | null;
  /** A step started but never finished: its bar runs to the end of the drill. */
  unfinished: boolean;
}

const SHORT_MEASURES: Record<string, string> = {
  'Time to acknowledge': 'Acknowledged',
  'Time to first status update': 'First update',
  'Time to mitigate': 'Mitigated',
};

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The chart's rows, top to bottom: the measures against their targets, the steps worked, then the injects. */
export function timelineRows(scorecard: Scorecard): TimelineRow[] {
  const blank = { start: null, span: null, target: null, firedAt: null, verdict: null, unfinished: false };
  const measures = scorecard.rows.map<TimelineRow>((row) => ({
    ...blank,
    label: SHORT_MEASURES[row.measure] ?? row.measure,
    kind: 'measure',
    start: row.actualMinutes === null ? null : 0,
    span: row.actualMinutes,
    target: row.targetMinutes,
    verdict: verdict(row),
  }));
  const steps = scorecard.steps
    .filter((step) => step.startMinutes !== null || step.endMinutes !== null)
    .map<TimelineRow>((step) => {
      const start = step.startMinutes ?? step.endMinutes ?? 0;
      const end = step.endMinutes ?? scorecard.durationMinutes;
      return { ...blank, label: clip(`Step ${step.step}: ${plainInline(step.text)}`, 34), kind: 'step', start, span: Math.max(end - start, 0.05), unfinished: step.endMinutes === null };
    });
  const injects = scorecard.injects
    .map((inject, index) => ({ inject, index }))
    .filter(({ inject }) => inject.firedAtMinutes !== null)
    .map<TimelineRow>(({ inject, index }) => ({ ...blank, label: clip(`Inject ${index + 1}: ${inject.title}`, 34), kind: 'inject', firedAt: inject.firedAtMinutes }));
  return [...measures, ...steps, ...injects];
}
