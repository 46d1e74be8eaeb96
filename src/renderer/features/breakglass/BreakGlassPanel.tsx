import { useId, useState } from 'react';
import { Field } from '../runbooks/editor/Field';
import { LocalTime } from '../runbooks/LocalTime';
import { useWorkspaceInfo } from '../workspace/queries';
import { keepBreakGlassIn, writeBreakGlassNow } from './mutations';
import { ForResponders } from '../session/ForResponders';

/**
 * Where the break-glass file is kept: one HTML page with every runbook, the
 * next 30 days on call, escalation chains and contacts, that opens in any
 * browser when Holdfast itself cannot run.
 */
export function BreakGlassPanel() {
  const status = useWorkspaceInfo().data?.breakGlass;
  // What the last action did (UI state): the status itself lives in the workspace info.
  const [action, setAction] = useState<Action>({ busy: false, message: null, error: null });
  const titleId = useId();

  const keepIn = async (folder: string) => {
    if (action.busy) return;
    setAction({ busy: true, message: null, error: null });
    const result = await keepBreakGlassIn(folder);
    if (!result.ok) return setAction({ busy: false, message: null, error: result.error.message });
    const file = result.value.breakGlass.file;
    setAction({ busy: false, error: null, message: file ? `Wrote ${file}; it will be kept up to date there.` : 'The break-glass file is no longer kept up to date.' });
  };
  const writeNow = async (folder: string) => {
    if (action.busy) return;
    setAction({ busy: true, message: null, error: null });
    const result = await writeBreakGlassNow(folder);
    setAction(
      result.ok
        ? { busy: false, error: null, message: `Wrote ${result.value.file} (${result.value.runbooks} runbooks, ${result.value.schedules} schedules).` }
        : { busy: false, message: null, error: result.error.message },
    );
  };

  return (
    <section className="breakglass" aria-labelledby={titleId}>
      <h2 id={titleId}>Break-glass file</h2>
      <p>
        One web page with every runbook, who is on call for the next 30 days, escalation chains and contacts. It opens in any
        browser with no Holdfast and no network: keep it where you can reach it when everything else is down, such as a synced
        folder or a USB stick.
      </p>
      {status?.file && status.error ? (
        // Never "kept up to date" while it is not: the file on disk is as old as its last good write.
        <p className="field-error" role="alert">
          Not up to date: <code>{status.file}</code> could not be rewritten. {status.error}{' '}
          {status.writtenAt ? (
            <>
              It was last written <LocalTime iso={status.writtenAt} />.
            </>
          ) : (
            'This run of Holdfast has not written it yet.'
          )}{' '}
          Fix the cause, then use Write it now.
        </p>
      ) : status?.file ? (
        <p>
          Kept up to date at <code>{status.file}</code>
          {status.writtenAt && (
            <>
              , last written <LocalTime iso={status.writtenAt} />
            </>
          )}
          .
        </p>
      ) : (
        <p className="muted">Not kept anywhere yet.</p>
      )}
      {/* A new chosen folder starts the field afresh from it. */}
      <ForResponders>
        <FolderForm key={status?.folder ?? ''} saved={status?.folder ?? null} busy={action.busy} error={action.error} onKeep={(folder) => void keepIn(folder)} onWrite={(folder) => void writeNow(folder)} />
      </ForResponders>
      <p className="muted" role="status">
        {action.message}
      </p>
    </section>
  );
}

interface Action {
  busy: boolean;
  /** What the last action did, for the status line. */
  message: string | null;
  /** Why the last action failed, shown under the folder field. */
  error: string | null;
}

function FolderForm(props: { saved: string | null; busy: boolean; error: string | null; onKeep: (folder: string) => void; onWrite: (folder: string) => void }) {
  const { saved, busy, error } = props;
  const [folder, setFolder] = useState(saved ?? '');
  return (
    <form
      className="breakglass-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onKeep(folder);
      }}
    >
      <Field
        label="Folder to keep it in"
        hint="A full path on the machine Holdfast runs on. The file is rewritten a moment after runbooks or the roster change, and daily."
        error={error ?? undefined}
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="text-input mono"
            value={folder}
            onChange={(event) => setFolder(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            placeholder="/media/usb/holdfast"
            spellCheck={false}
            autoComplete="off"
          />
        )}
      </Field>
      <div className="breakglass-actions">
        <button type="submit" className="primary" aria-disabled={busy}>
          Keep it here
        </button>
        {saved && (
          <>
            <button type="button" aria-disabled={busy} onClick={() => props.onWrite(saved)}>
              Write it now
            </button>
            <button type="button" aria-disabled={busy} onClick={() => props.onKeep('')}>
              Stop keeping it
            </button>
          </>
        )}
      </div>
    </form>
  );
}
