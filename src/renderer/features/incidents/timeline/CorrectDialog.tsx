import { useState } from 'react';
import type { TimelineEvent } from '../../../../shared/incidents';
import { LIMITS } from '../../../../shared/limits';
import { FormDialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { LengthHint, textLength } from '../../../components/TextLength';
import { useFormErrors } from '../../../components/form-errors';
import { LocalTime } from '../../../components/LocalTime';
import { logEvent } from '../mutations';
import { noteToLog } from './NoteInput';

/** Correcting adds an event that supersedes the original; the original stays in the history, struck through. */
export function CorrectDialog({ event, onClose }: { event: TimelineEvent; onClose: () => void }) {
  const [text, setText] = useState(event.text);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors({ text });
  const error = errors.errorFor('text') ?? errors.form;
  const submit = async () => {
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
    <FormDialog
      title="Correct an event"
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      submit="Log correction"
    >
      <p className="field-hint">
        Original, by {event.actor} at <LocalTime iso={event.at} /> — it stays visible, struck through:
      </p>
      {/* Focusable: a long original scrolls in its box, by keyboard too. */}
      <blockquote className="correct-original" tabIndex={0}>
        {event.text}
      </blockquote>
      <Field
        label="Corrected text"
        error={error ?? undefined}
        alert
        below={(lengthId) => <LengthHint id={lengthId} text={text} max={LIMITS.noteChars} what="a correction" />}
      >
        {(control) => <textarea {...control} className="text-input" rows={4} value={text} onChange={(changed) => setText(changed.target.value)} data-autofocus />}
      </Field>
    </FormDialog>
  );
}
