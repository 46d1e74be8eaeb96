import { formatStamp, systemZone } from '../../shared/zoned-time';

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

/** One moment among an incident's facts, "Resolved 2026-11-27 14:05 GMT+1"; nothing when it has not happened (`iso` null). */
export function TimeFact({ label, iso }: { label: string; iso: string | null | undefined }) {
  if (!iso) return null;
  return (
    <span>
      {label} <LocalTime iso={iso} />
    </span>
  );
}
