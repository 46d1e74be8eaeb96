import { useId, useState, type FormEvent } from 'react';
import type { TimelineEvent } from '../../../../shared/incidents';
import { LIMITS } from '../../../../shared/limits';
import { Dialog } from '../../../components/Dialog';
import { LengthHint, textLength } from '../../../components/TextLength';
import { useFormErrors } from '../../../components/form-errors';
import { LocalTime } from '../../runbooks/LocalTime';
import { logEvent } from '../mutations';
import { noteToLog } from './NoteInput';

/** Correcting adds an event that supersedes the original; the original stays in the history, struck through. */
export function CorrectDialog({ event, onClose }: { event: TimelineEvent; onClose: () => void }) {
  const id = useId();
  const [text, setText] = useState(event.text);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors({ text });
  const error = errors.errorFor('text') ?? errors.form;
  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault();
    if (busy) return;
    const corrected = noteToLog(text);
    if (corrected === '' || corrected === noteToLog(event.text)) {
      errors.report({ fields: { text: 'Write what the event should say instead.' } });
      return;
    }
    if (textLength(corrected, LIMITS.noteChars, 'a correction').over) return;
    setBusy(true);
    const outcome = await logEvent('correctEvent', { id: event.incidentId, eventId: event.id, text: corrected });
    setBusy(false);
    if (outcome.ok) onClose();
    else errors.report({ form: outcome.message });
  };
  return (
    <Dialog
      title="Correct an event"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={busy}>
            Log correction
          </button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={(submitted) => void submit(submitted)} noValidate>
        <p className="field-hint">
          Original, by {event.actor} at <LocalTime iso={event.at} /> — it stays visible, struck through:
        </p>
        {/* Focusable: a long original scrolls in its box, by keyboard too. */}
        <blockquote className="correct-original" tabIndex={0}>
          {event.text}
        </blockquote>
        <div className="field">
          <label htmlFor={`${id}-text`} className="field-label">
            Corrected text
          </label>
          <textarea
            id={`${id}-text`}
            className="text-input"
            rows={4}
            value={text}
            onChange={(changed) => setText(changed.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-length${error ? ` ${id}-error` : ''}`}
            data-autofocus
          />
          <LengthHint id={`${id}-length`} text={text} max={LIMITS.noteChars} what="a correction" />
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      </form>
    </Dialog>
  );
}
