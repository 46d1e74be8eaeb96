import type { ScorecardRow } from '../../../shared/drills';
import { clockText, formatDuration } from '../../../shared/durations';

export { clockText };

/** Drill-clock minutes (the scorecard gives them to a tenth) as people say them: "24 s", "2 min 30 s", "—"; never "0.4 min". */
export function minutesText(minutes: number | null): string {
  if (minutes === null) return '—';
  return formatDuration(minutes * 60);
}

/** A moment on the drill clock given in minutes, as the master clock shows it: "04:20", "—". */
export const clockAtMinutes = (minutes: number | null): string => (minutes === null ? '—' : clockText(Math.round(minutes * 60)));

/** When an inject is due: "at 02:00", or "manual". */
export const offsetText = (seconds: number | null): string => (seconds === null ? 'manual' : `at ${clockText(seconds)}`);

export type Verdict = 'met' | 'missed' | 'not-reached' | 'no-target';

export function verdict(row: Pick<ScorecardRow, 'met' | 'actualMinutes'>): Verdict {
  if (row.met === null) return 'no-target';
  if (row.met) return 'met';
  return row.actualMinutes === null ? 'not-reached' : 'missed';
}

/** Never colour alone: each verdict has a mark and words. */
export const VERDICT_LABELS: Record<Verdict, { mark: string; text: string }> = {
  met: { mark: '✓', text: 'Met' },
  missed: { mark: '✗', text: 'Missed' },
  'not-reached': { mark: '✗', text: 'Not reached' },
  'no-target': { mark: '–', text: 'No target' },
};
