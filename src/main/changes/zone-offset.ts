/**
 * A zone's offset from UTC, as the tz database gives it through Intl: read,
 * never computed by hand. Recurring windows use it to tell the days on which a
 * zone's clocks do not change (most of them) from those on which they do.
 */
import { Memo } from './memo';

const formatters = new Memo<string, Intl.DateTimeFormat>(Infinity);

/** "GMT+05:30", "GMT-03:00", "GMT" (Intl's `longOffset` zone name). */
const LONG_OFFSET = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/;

/** The zone's offset from UTC at instant `t`, in minutes (+60 for Berlin in winter); null when Intl gives none it can read. */
export function offsetMinutes(zone: string, t: number): number | null {
  const format = formatters.get(zone, () => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }));
  const name = format.formatToParts(t).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = LONG_OFFSET.exec(name);
  if (!match) return null;
  const [, sign, hours = '0', minutes = '0'] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * Clock changes are months apart in every zone of the tz database, never two
 * within this: reading the offset this often over a span finds any change in it.
 */
const SAMPLE_MS = 6 * 3_600_000;

const steady = new Memo<string, number | null>(50_000);

/** The zone's offset over [from, to] when it does not change in that span (a day or two), else null. */
export function steadyOffset(zone: string, from: number, to: number): number | null {
  return steady.get(`${zone}\n${from}\n${to}`, () => {
    let found = offsetMinutes(zone, from);
    for (let t = from + SAMPLE_MS; found !== null && t < to + SAMPLE_MS; t += SAMPLE_MS) {
      if (offsetMinutes(zone, Math.min(t, to)) !== found) found = null;
    }
    return found;
  });
}
