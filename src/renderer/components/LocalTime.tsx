import { formatStamp, systemZone } from '../../shared/zoned-time';
import { timesInText } from './times-in-text';

/**
 * A stored instant in the reader's own zone, with the zone named: "2026-11-27
 * 14:05 GMT+1". Hovering (or a screen reader's description) gives it in UTC.
 */
export function LocalTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatStamp(iso, 'UTC')}>
      {formatStamp(iso, systemZone())}
    </time>
  );
}

/** Text from the core (a rule's reason) with each ISO-8601 instant in it shown as a LocalTime. */
export function TextWithTimes({ text }: { text: string }) {
  return (
    <>
      {timesInText(text).map((part, index) => ('iso' in part ? <LocalTime key={index} iso={part.iso} /> : part.text))}
    </>
  );
}

/** One moment among an incident's facts, "Resolved 2026-11-27 14:05 GMT+1"; nothing when it has not happened (`iso` null). */
export function TimeFact({ label, iso }: { label: string; iso: string | null | undefined }) {
  if (!iso) return null;
  return (
    <span>
      {label} <LocalTime iso={iso} />
    </span>
  );
}
