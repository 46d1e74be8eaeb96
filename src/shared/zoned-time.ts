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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${zone}|${withYear}`;
  let found = formatters.get(key);
  if (!found) {
    // en-GB: day before month and a 24-hour clock, so "Mon 9 Nov 09:00" reads the same to everyone.
    found = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, found);
  }
  return found;
}

function parts(iso: string | number, zone: string, withYear: boolean): Record<string, string> {
  const date = new Date(iso);
  const out: Record<string, string> = {};
  if (Number.isNaN(date.getTime())) return out;
  for (const part of formatter(zone, withYear).formatToParts(date)) out[part.type] = part.value;
  return out;
}

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

const stampFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the wall clock in `zone` reads it, in parts: `date` "2026-11-26",
 * `time` "22:02" (24-hour), `zoneName` "EST" ("GMT+1" where the zone has no
 * common abbreviation, "UTC" for UTC).
 */
export function zonedParts(iso: string | number, zone: string): { date: string; time: string; zoneName: string } | null {
  let format = stampFormatters.get(zone);
  if (!format) {
    // en-US for its short zone names (EST, PDT); the parts are assembled here, so its month/day order never shows.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    stampFormatters.set(zone, format);
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const p: Record<string, string> = {};
  for (const part of format.formatToParts(date)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, zoneName: p.timeZoneName ?? zone };
}

/** "2026-11-26 22:02 EST": the one way the console writes an instant, always with its zone. */
export function formatStamp(iso: string | number, zone: string): string {
  const parts = zonedParts(iso, zone);
  return parts ? `${parts.date} ${parts.time} ${parts.zoneName}` : String(iso);
}
