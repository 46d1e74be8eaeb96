import { useId } from 'react';
import { errorAt, type FieldErrors } from './draft';
import type { SaveProblem } from './store';

/** Save and Cancel, the revision message, and what is wrong when a save did not go through. */
export function EditorToolbar(props: {
  heading: string;
  dirty: boolean;
  saving: boolean;
  message: string;
  errors: FieldErrors;
  problem: SaveProblem | null;
  historyHref: string | null;
  onMessage: (message: string) => void;
  onSave: () => void;
  onSaveOverNewer: () => void;
  onCancel: () => void;
}) {
  const messageId = useId();
  const messageError = errorAt(props.errors, 'message');
  return (
    <header className="editor-toolbar">
      <div className="editor-toolbar-row">
        <h1>{props.heading}</h1>
        <span className="editor-state" aria-live="polite">
          {props.saving ? 'Saving…' : props.dirty ? 'Unsaved changes' : 'No changes'}
        </span>
        <span className="spacer" />
        <label htmlFor={messageId} className="inline-label">
          What changed
        </label>
        <input
          id={messageId}
          className="text-input message-input"
          value={props.message}
          placeholder="Optional note for the history"
          onChange={(event) => props.onMessage(event.target.value)}
          aria-invalid={messageError ? true : undefined}
        />
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={props.onSave} disabled={props.saving} aria-keyshortcuts="Control+S Meta+S">
          Save <kbd aria-hidden="true">Ctrl+S</kbd>
        </button>
      </div>
      {messageError && <p className="field-error">{messageError}</p>}
      {props.problem && (
        <div className="save-problem" role="alert">
          <p>
            <strong>{props.problem.conflict ? 'Not saved: someone else saved first.' : 'Not saved.'}</strong>{' '}
            {props.problem.message}
            {!props.problem.conflict && ' Everything you typed is still here.'}
          </p>
          {props.problem.conflict && (
            <p className="save-problem-actions">
              {props.historyHref && <a href={props.historyHref}>See their changes in History</a>}
              <button type="button" onClick={props.onSaveOverNewer}>
                Save mine on top (theirs stays in History)
              </button>
            </p>
          )}
        </div>
      )}
    </header>
  );
}
