import { useState, type FormEvent, type RefObject } from 'react';
import type { DrillRun } from '../../../../shared/drills';
import { LIMITS } from '../../../../shared/limits';
import { FoldedText } from '../../../components/FoldedText';
import { LengthHint, textLength } from '../../../components/TextLength';
import { LocalTime } from '../../runbooks/LocalTime';
import { clockText } from '../format';
import { drillAction } from '../mutations';
import { ForResponders } from '../../session/ForResponders';

/** The facilitator's timestamped observations: written here (Enter logs it), listed newest first with their drill-clock time. */
export function ObservationLog({ run, inputRef, onError }: { run: DrillRun; inputRef: RefObject<HTMLTextAreaElement | null>; onError: (message: string) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const tooLong = textLength(text.trim(), LIMITS.noteChars, 'an observation').over;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || text.trim() === '' || tooLong) return;
    setBusy(true);
    const message = await drillAction('drillObservation', { id: run.id, text: text.trim() });
    setBusy(false);
    if (message) onError(message);
    else setText('');
  };

  const observations = [...run.observations].reverse();
  return (
    <section className="drill-panel observations" aria-labelledby="observations-heading">
      <h2 id="observations-heading">
        Observations <span className="count">({run.observations.length})</span>
      </h2>
      <ForResponders>
        <form className="observation-form" onSubmit={(event) => void submit(event)}>
          <label htmlFor="drill-observation" className="visually-hidden">
            Observation
          </label>
          <textarea
            id="drill-observation"
            ref={inputRef}
            className="text-input"
            rows={2}
            value={text}
            placeholder="What you saw, e.g. “Commander named within a minute” (Enter logs it, Shift+Enter for a new line)"
            onChange={(event) => setText(event.target.value)}
            aria-describedby="drill-observation-length"
            aria-invalid={tooLong || undefined}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                event.preventDefault();
                void submit();
              } else if (event.key === 'Escape') event.currentTarget.blur();
            }}
          />
          <button type="submit" disabled={busy || text.trim() === '' || tooLong}>
            Log observation
          </button>
          <LengthHint id="drill-observation-length" text={text.trim()} max={LIMITS.noteChars} what="an observation" />
        </form>
      </ForResponders>
      {observations.length > 0 && (
        <ol className="observation-list" reversed>
          {observations.map((observation, index) => (
            <li key={`${observation.at}-${index}`}>
              <span className="observation-clock">{clockText(observation.elapsedSeconds)}</span>
              <span className="observation-text">
                <FoldedText text={observation.text} />
              </span>
              <span className="observation-at muted">
                <LocalTime iso={observation.at} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
