import type { TimelineEvent } from '../../../../shared/incidents';
import { plainInline } from '../../../../shared/step-text';
import { FoldedText } from '../../../components/FoldedText';
import { Markdown } from '../../../components/Markdown';
import { LocalTime } from '../../runbooks/LocalTime';
import { EVENT_LABELS } from '../format';
import { isMark } from './events';
import { TimerText } from './TimerText';
import { StarIcon } from '../../../components/icons';
import { useCanWrite } from '../../session/queries';

/** One event: when (local, UTC on hover), who, what; its star and its correction. */
export function TimelineRow(props: {
  event: TimelineEvent;
  /** The correction that replaced this event, when there is one. */
  correction: TimelineEvent | undefined;
  /** The event this one corrects, when it is a correction. */
  original: TimelineEvent | undefined;
  onToggleKey: (event: TimelineEvent) => void;
  onCorrect: (event: TimelineEvent) => void;
  /** Whether a long text (a pasted log) is unfolded; kept by the list, so it survives scrolling. */
  expanded: boolean;
  onToggleFold: (event: TimelineEvent) => void;
}) {
  const { event, correction } = props;
  const superseded = event.supersededBy !== null;
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
        <span className="tl-id" title="The event’s number in this incident">
          #{event.seq}
        </span>
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
              aria-label={event.key ? `Unmark event ${event.seq} as key` : `Mark event ${event.seq} as key`}
              title={event.key ? 'Key event (leads the post-mortem timeline); click to unmark' : 'Mark as key'}
              onClick={() => props.onToggleKey(event)}
            >
              <StarIcon filled={event.key} />
            </button>
            {!superseded && (
              <button type="button" className="tl-correct" onClick={() => props.onCorrect(event)} aria-label={`Correct event ${event.seq}`}>
                Correct…
              </button>
            )}
          </span>
        )}
      </div>
      {superseded ? (
        <del className="tl-text">
          <EventText event={event} expanded={props.expanded} onToggle={() => props.onToggleFold(event)} />
        </del>
      ) : (
        <p className="tl-text">
          <EventText event={event} expanded={props.expanded} onToggle={() => props.onToggleFold(event)} />
        </p>
      )}
      {superseded && (
        <p className="tl-note">
          Corrected by {correction ? correction.actor : 'a later event'}
          {correction && (
            <>
              {' '}
              at <LocalTime iso={correction.at} /> (#{correction.seq})
            </>
          )}
          {correction && (
            <span className="tl-correction-text">
              : <FoldedText text={correction.text} />
            </span>
          )}
        </p>
      )}
      {props.original && <p className="tl-note">Correction of #{props.original.seq}</p>}
    </article>
  );
}

const timerText = (text: string) => <TimerText text={text} />;

/**
 * An event's words, folded when long. A step event's text is plain (for search,
 * the CLI and the post-mortem); its step, kept as Markdown in `data.step`, is
 * rendered in place of its plain words, so `#inc-checkout` reads as code, not backticks.
 */
function EventText({ event, expanded, onToggle }: { event: TimelineEvent; expanded: boolean; onToggle: () => void }) {
  const step = typeof event.data.step === 'string' ? event.data.step : null;
  const newline = event.text.indexOf('\n');
  const head = newline === -1 ? event.text : event.text.slice(0, newline);
  const plain = step === null ? '' : plainInline(step);
  if (step === null || plain === '' || !head.endsWith(plain)) {
    return <FoldedText text={event.text} expanded={expanded} onToggle={onToggle} render={timerText} />;
  }
  return (
    <>
      {head.slice(0, head.length - plain.length)}
      <Markdown source={step} variant="inline" />
      {newline !== -1 && (
        <>
          {'\n'}
          <FoldedText text={event.text.slice(newline + 1)} expanded={expanded} onToggle={onToggle} render={timerText} />
        </>
      )}
    </>
  );
}
