/**
 * Instants as a wall clock in a zone reads them, for people: "Mon 9 Nov 09:00".
 * Display goes through Intl with an explicit `timeZone`, never by adding offsets
 * by hand. Shared by the console's on-call screens and the break-glass file.
 */

/** A zone as people say it: "America/New_York" → "New York", "UTC" → "UTC". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').at(-1) ?? zone;
  return last.replaceAll('_', ' ');
}

/**
 * The formats, by name. en-GB for the day and time: day before month and a
 * 24-hour clock, so "Mon 9 Nov 09:00" reads the same to everyone. en-US for the
 * stamp, for its short zone names (EST, PDT); its parts are assembled here, so
 * its month/day order never shows.
 */
const FORMATS = {
  day: ['en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }],
  dayWithYear: ['en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }],
  stamp: ['en-US', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }],
} as const satisfies Record<string, [string, Intl.DateTimeFormatOptions]>;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One Intl formatter per format and zone, made once and reused (making one is slow). */
function formatter(name: keyof typeof FORMATS, zone: string): Intl.DateTimeFormat {
  const key = `${name}|${zone}`;
  let found = formatters.get(key);
  if (!found) {
    const [locale, options] = FORMATS[name];
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, found);
  }
  return found;
}

/** An instant's parts as a formatter gives them ({} for an instant that is not one). */
function partsOf(iso: string | number, format: Intl.DateTimeFormat): Record<string, string> {
  const date = new Date(iso);
  const out: Record<string, string> = {};
  if (Number.isNaN(date.getTime())) return out;
  for (const part of format.formatToParts(date)) out[part.type] = part.value;
  return out;
}

const parts = (iso: string | number, zone: string, withYear: boolean): Record<string, string> => partsOf(iso, formatter(withYear ? 'dayWithYear' : 'day', zone));

/** "Mon 9 Nov 09:00" (with `year`, "Mon 9 Nov 2026 09:00") as the wall clock reads in `zone`. */
export function formatInZone(iso: string | number, zone: string, options: { year?: boolean } = {}): string {
  const p = parts(iso, zone, options.year === true);
  if (!p.hour) return String(iso);
  return `${p.weekday} ${p.day} ${p.month}${p.year ? ` ${p.year}` : ''} ${p.hour}:${p.minute}`;
}

/** "Mon 9 Nov" (with `year`, "Mon 9 Nov 2026") in `zone`. */
export function formatDayInZone(iso: string | number, zone: string, options: { year?: boolean } = {}): string {
  const p = parts(iso, zone, options.year === true);
  return `${p.weekday} ${p.day} ${p.month}${p.year ? ` ${p.year}` : ''}`;
}

/** "09:00" in `zone`. */
export function formatClockInZone(iso: string | number, zone: string): string {
  const p = parts(iso, zone, false);
  return `${p.hour}:${p.minute}`;
}

/** The zone of the machine the code runs on (the reader's, in the console). */
export const systemZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * An instant as the wall clock in `zone` reads it, in parts: `date` "2026-11-26",
 * `time` "22:02" (24-hour), `zoneName` "EST" ("GMT+1" where the zone has no
 * common abbreviation, "UTC" for UTC).
 */
export function zonedParts(iso: string | number, zone: string): { date: string; time: string; zoneName: string } | null {
  const p = partsOf(iso, formatter('stamp', zone));
  if (!p.hour) return null;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, zoneName: p.timeZoneName ?? zone };
}

/** "2026-11-26 22:02 EST": the one way the console writes an instant, always with its zone. */
export function formatStamp(iso: string | number, zone: string): string {
  const parts = zonedParts(iso, zone);
  return parts ? `${parts.date} ${parts.time} ${parts.zoneName}` : String(iso);
}
