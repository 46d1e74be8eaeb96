import { formatSpan, since } from './format';

/**
 * Minutes since the last status update (or since the incident started, before
 * the first one), urgent once the severity's cadence has passed.
 */
export function UpdateTimer(props: { lastUpdateAt: string | null; startedAt: string; cadenceMinutes: number | undefined; now: number; large?: boolean }) {
  const elapsed = since(props.lastUpdateAt ?? props.startedAt, props.now);
  const urgent = props.cadenceMinutes !== undefined && elapsed >= props.cadenceMinutes * 60_000;
  const text = props.lastUpdateAt ? `${formatSpan(elapsed)} since last update` : `No update yet · ${formatSpan(elapsed)}`;
  return (
    <span
      className={['update-timer', urgent ? 'update-timer-urgent' : null, props.large ? 'update-timer-large' : null].filter(Boolean).join(' ')}
      data-urgent={urgent}
      title={props.cadenceMinutes !== undefined ? `Post an update at least every ${props.cadenceMinutes} min at this severity` : undefined}
    >
      {urgent && <span className="urgent-mark">Update due: </span>}
      {text}
    </span>
  );
}
