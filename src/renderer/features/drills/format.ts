import type { ScorecardRow } from '../../../shared/drills';

/** The master clock: "04:05", "75:00" (minutes keep counting past the hour, as a stopwatch does). */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** Drill-clock minutes as the scorecard gives them (to a tenth): "3 min", "2.5 min", "—". */
export function minutesText(minutes: number | null): string {
  if (minutes === null) return '—';
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
}

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
