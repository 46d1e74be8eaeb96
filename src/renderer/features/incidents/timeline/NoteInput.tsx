import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { KEYS } from '../../../app/keymap';
import { useKeyShortcut } from '../../../app/shortcuts';
import { LengthHint, textLength } from '../../../components/TextLength';
import { useFormErrors } from '../../../components/form-errors';
import { useDraft } from '../drafts';
import { logEvent } from '../mutations';

export const NOTE_INPUT_ID = 'incident-note-input';

/**
 * A note as typed or pasted, for the timeline: blank lines around it and spaces
 * at its end go, the rest (a log's indentation, its blank lines) stays exactly.
 */
export const noteToLog = (text: string): string => text.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();

/**
 * Type and press Enter. The note shows on the timeline once the store has it; the text stays until then.
 * A pasted log is taken whole up to the limit; over it the note is refused with its length, never cut.
 */
export function NoteInput({ incidentId }: { incidentId: number }) {
  const id = useId();
  const [text, setText] = useDraft(`note.${incidentId}`);
  const [sending, setSending] = useState(false);
  const errors = useFormErrors({ text });
  const error = errors.form;
  const ref = useRef<HTMLTextAreaElement>(null);
  useKeyShortcut(KEYS.note, () => ref.current?.focus());
  const tooLong = textLength(text, LIMITS.noteChars, 'a note').over;

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const note = noteToLog(text);
    if (sending || note === '' || textLength(note, LIMITS.noteChars, 'a note').over) return;
    setSending(true);
    errors.clear();
    const outcome = await logEvent('logNote', { id: incidentId, text: note });
    setSending(false);
    if (outcome.ok) setText('');
    else errors.report({ form: outcome.message });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    } else if (event.key === 'Escape') {
      event.currentTarget.blur();
    }
  };

  return (
    <form className="note-input" onSubmit={(event) => void send(event)}>
      <label htmlFor={NOTE_INPUT_ID} className="visually-hidden">
        Add a note to the timeline
      </label>
      <textarea
        ref={ref}
        id={NOTE_INPUT_ID}
        className="text-input"
        rows={2}
        value={text}
        readOnly={sending}
        placeholder="Add a note… (Enter logs it, Shift+Enter for a new line)"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-hint ${id}-length${error ? ` ${id}-error` : ''}`}
        aria-invalid={error || tooLong ? true : undefined}
        aria-keyshortcuts="n"
      />
      <div className="note-input-row">
        <p id={`${id}-hint`} className="field-hint">
          {sending ? 'Saving…' : <><kbd>n</kbd> to type a note, <kbd>Enter</kbd> logs it.</>}
        </p>
        <button type="submit" className="small-button" disabled={sending || text.trim() === '' || tooLong}>
          Log note
        </button>
      </div>
      <LengthHint id={`${id}-length`} text={text} max={LIMITS.noteChars} what="a note" />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          Not logged: {error}
        </p>
      )}
    </form>
  );
}
