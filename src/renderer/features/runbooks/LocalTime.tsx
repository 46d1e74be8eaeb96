import { localDateTime, utcDateTime } from './format';

/** A stored instant shown in local time; hovering (or a screen reader's description) gives UTC. */
export function LocalTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={utcDateTime(iso)}>
      {localDateTime(iso)}
    </time>
  );
}
