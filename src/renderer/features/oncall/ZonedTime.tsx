import type { ReactNode } from 'react';
import { viewerZone, formatInZone, sameWallClock, zoneCity } from './time';

/**
 * An instant on the schedule's wall clock, with the viewer's own beside it:
 * "Mon 9 Nov 09:00 New York · Mon 9 Nov 15:00 your time". `stacked` puts the
 * viewer's time on a line of its own; `after` follows the schedule's time on its line.
 */
export function ZonedTime(props: { iso: string; zone: string; year?: boolean; stacked?: boolean; after?: ReactNode }) {
  const { iso, zone, year = false, stacked = false } = props;
  const mine = viewerZone();
  const same = sameWallClock(iso, zone, mine);
  return (
    <span className={stacked ? 'oc-zoned-time oc-zoned-time-stacked' : 'oc-zoned-time'}>
      <time dateTime={iso} className="oc-zoned-time-main" title={`${iso.replace('T', ' ').replace(/:\d\dZ$/, '')} UTC`}>
        {formatInZone(iso, zone, { year })}
      </time>{' '}
      <span className="oc-zoned-time-zone">{zoneCity(zone)}</span>
      {props.after}
      {same ? (
        <span className="oc-zoned-time-local"> (your time too)</span>
      ) : (
        <span className="oc-zoned-time-local">
          {stacked ? ' ' : ' · '}
          {formatInZone(iso, mine, { year })} your time
        </span>
      )}
    </span>
  );
}
