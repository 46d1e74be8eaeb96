import { formatStamp, systemZone } from '../../../shared/zoned-time';

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
