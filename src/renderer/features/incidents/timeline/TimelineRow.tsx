import type { TimelineEvent } from '../../../../shared/incidents';
import { LocalTime } from '../../runbooks/LocalTime';
import { EVENT_LABELS } from '../format';
import { isMark, supersedes } from './events';
import { TimerText } from './TimerText';
import { StarIcon } from '../../../components/icons';
import { useCanWrite } from '../../session/store';

/** One event: when (local, UTC on hover), who, what; its star and its correction. */
export function TimelineRow(props: {
  event: TimelineEvent;
  /** The correction that replaced this event, when there is one. */
  correction: TimelineEvent | undefined;
  onToggleKey: (event: TimelineEvent) => void;
  onCorrect: (event: TimelineEvent) => void;
}) {
  const { event, correction } = props;
  const superseded = event.supersededBy !== null;
  const corrects = supersedes(event);
  const mark = isMark(event);
  const canWrite = useCanWrite();
  return (
    <article
      className="tl-event"
      data-type={event.type}
      data-key={event.key || undefined}
      data-superseded={superseded || undefined}
      data-event-id={event.id}
      aria-label={`${EVENT_LABELS[event.type]} by ${event.actor}`}
    >
      <div className="tl-meta">
        <LocalTime iso={event.at} />
        <span className="tl-type">{EVENT_LABELS[event.type]}</span>
        <span className="tl-actor">{event.actor}</span>
        <span className="tl-id">#{event.id}</span>
        {!mark && !canWrite && event.key && (
          <span className="tl-key-mark" title="Key event (leads the post-mortem timeline)">
            <StarIcon filled label="Key event" />
          </span>
        )}
        {!mark && canWrite && (
          <span className="tl-actions">
            <button
              type="button"
              className="tl-star"
              aria-pressed={event.key}
              aria-label={event.key ? `Unmark event ${event.id} as key` : `Mark event ${event.id} as key`}
              title={event.key ? 'Key event (leads the post-mortem timeline); click to unmark' : 'Mark as key'}
              onClick={() => props.onToggleKey(event)}
            >
              <StarIcon filled={event.key} />
            </button>
            {!superseded && (
              <button type="button" className="tl-correct" onClick={() => props.onCorrect(event)} aria-label={`Correct event ${event.id}`}>
                Correct…
              </button>
            )}
          </span>
        )}
      </div>
      {superseded ? (
        <del className="tl-text">
          <TimerText text={event.text} />
        </del>
      ) : (
        <p className="tl-text">
          <TimerText text={event.text} />
        </p>
      )}
      {superseded && (
        <p className="tl-note">
          Corrected by {correction ? correction.actor : 'a later event'}
          {correction && (
            <>
              {' '}
              at <LocalTime iso={correction.at} /> (#{correction.id})
            </>
          )}
          {correction && <span className="tl-correction-text">: {correction.text}</span>}
        </p>
      )}
      {corrects !== null && <p className="tl-note">Correction of #{corrects}</p>}
    </article>
  );
}
