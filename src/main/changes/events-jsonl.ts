import { ChangeEventInput, CHANGE_EVENTS_FILE, type ChangeEvent, type ChangeEventsImport } from '../../shared/changes';
import { HoldfastError } from '../errors';
import { contentUid } from './ids';

/**
 * Change events from JSON Lines: one event a line, in PagerDuty's change-event
 * shape — flat (`{"summary", "timestamp", "source", "links", "custom_details",
 * "services"}`) or as sent to PagerDuty's API (`{"routing_key", "payload":
 * {...}, "links"}`). Blank lines are skipped; a line that is not JSON or not an
 * event is reported with its number and the rest are read. Each event's uid
 * comes from its content, so importing the same file again adds nothing.
 */
export function parseChangeEventsJsonl(text: string): ChangeEventsImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > CHANGE_EVENTS_FILE.lines) {
    throw new HoldfastError('VALIDATION', `${CHANGE_EVENTS_FILE.what} may have at most ${CHANGE_EVENTS_FILE.lines.toLocaleString('en')} lines; this one has ${lines.length.toLocaleString('en')}. Split it and import the parts.`);
  }
  const events: ChangeEvent[] = [];
  const failed: ChangeEventsImport['failed'] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const result = readEvent(line);
    if ('error' in result) failed.push({ line: index + 1, error: result.error });
    else if (!seen.has(result.event.uid)) {
      seen.add(result.event.uid);
      events.push(result.event);
    }
  });
  return { events, failed };
}

/** One event from one line (or one posted JSON body), or what is wrong with it. */
export function readEvent(line: string): { event: ChangeEvent } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON (${error instanceof Error ? error.message : String(error)}); each line must be one JSON object` };
  }
  return eventFrom(value);
}

export function eventFrom(value: unknown): { event: ChangeEvent } | { error: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'not a change event: give a JSON object with at least "summary" and "timestamp"' };
  }
  const flat = flatten(value as Record<string, unknown>);
  const missing = (['summary', 'timestamp'] as const).filter((field) => flat[field] === undefined || flat[field] === null);
  if (missing.length > 0) {
    return { error: `missing ${missing.map((field) => `"${field}"`).join(' and ')}: every event needs a summary (what changed, in words) and a timestamp (ISO-8601, e.g. 2026-11-27T03:00:00Z)` };
  }
  const parsed = ChangeEventInput.safeParse(flat);
  if (!parsed.success) {
    return { error: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.map(String).join('.') || 'event'}: ${issue.message}`).join('; ') };
  }
  const event = { ...parsed.data, timestamp: new Date(Date.parse(parsed.data.timestamp)).toISOString() };
  return { event: { uid: contentUid(Date.parse(event.timestamp), canonical(event)), ...event } };
}

/** PagerDuty's API wraps the event in `payload`; links (and our services) sit beside it. */
function flatten(value: Record<string, unknown>): Record<string, unknown> {
  const payload = value.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return value;
  const { payload: _payload, routing_key: _key, ...rest } = value;
  return { ...rest, ...(payload as Record<string, unknown>) };
}

/** JSON with object keys sorted at every depth: the same event always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
