import { clock } from '../clock';
import { startOfDay, Temporal, todayIn, viewerZone } from '../time';

export interface LoadPeriod {
  /** First and last day counted (YYYY-MM-DD on the viewer's wall clock), both included. */
  from: string;
  to: string;
  /** A team's name, or '' for every team. */
  team: string;
}

/** The last 30 days, today included. */
export function lastDays(days: number): Pick<LoadPeriod, 'from' | 'to'> {
  const today = todayIn(viewerZone(), clock.now());
  return { from: today.subtract({ days: days - 1 }).toString(), to: today.toString() };
}

/** A period as the instants the core counts between: from the first day's start to the end of the last. */
export function periodInstants(period: LoadPeriod): { from: string; to: string } | { error: string } {
  const zone = viewerZone();
  let first: Temporal.PlainDate;
  let last: Temporal.PlainDate;
  try {
    first = Temporal.PlainDate.from(period.from);
    last = Temporal.PlainDate.from(period.to);
  } catch {
    return { error: 'Give both dates.' };
  }
  if (Temporal.PlainDate.compare(last, first) < 0) return { error: 'The last day must not be before the first.' };
  if (first.until(last).days >= 400) return { error: 'A period can be at most 400 days.' };
  return { from: startOfDay(first, zone).toString(), to: startOfDay(last.add({ days: 1 }), zone).toString() };
}
