/** The on-call reads, cached by operation and input (src/renderer/api/queries.ts). */
import { useOp } from '../../api/queries';
import { periodInstants, type LoadPeriod } from './load/period';
import type { TimelineRequest } from './schedule/store';

/** People, teams, schedules, overrides and escalation policies. */
export const useRoster = () => useOp('getRoster', {});

/** Who is on call at `at`, per team; the last answer stays while someone scrubs through time. */
export const useNowBoard = (at: string) => useOp('nowBoard', { at }, { keepPrevious: true });

/** Shifts are fetched this much beyond what is shown, so a shift that began before the range keeps its true start. */
const PADDING_MS = 14 * 86_400_000;

/** A schedule's shifts around the shown range; the last range's stay on screen while the next one's come. */
export function useScheduleShifts(request: TimelineRequest) {
  return useOp(
    'scheduleShifts',
    {
      schedule: request.schedule,
      from: new Date(Date.parse(request.from) - PADDING_MS).toISOString(),
      to: new Date(Date.parse(request.to) + PADDING_MS).toISOString(),
    },
    { keepPrevious: true },
  );
}

/** Hours on call per person over a period (none asked for while the period cannot be counted). */
export function useLoadReport(period: LoadPeriod) {
  const range = periodInstants(period);
  const valid = !('error' in range);
  const query = useOp('loadReport', valid ? { ...range, ...(period.team ? { team: period.team } : {}) } : { from: '', to: '' }, { enabled: valid, keepPrevious: true });
  return { query, problem: 'error' in range ? range.error : null };
}
