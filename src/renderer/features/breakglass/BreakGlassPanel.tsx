import { useId, useState } from 'react';
import { Field } from '../runbooks/editor/Field';
import { LocalTime } from '../runbooks/LocalTime';
import { useWorkspace } from '../workspace/store';
import { useBreakGlass } from './store';
import { ForResponders } from '../session/ForResponders';

/**
 * Where the break-glass file is kept: one HTML page with every runbook, the
 * next 30 days on call, escalation chains and contacts, that opens in any
 * browser when Holdfast itself cannot run.
 */
export function BreakGlassPanel() {
  const status = useWorkspace((state) => state.info?.breakGlass);
  const message = useBreakGlass((state) => state.message);
  const titleId = useId();

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
        <FolderForm key={status?.folder ?? ''} saved={status?.folder ?? null} />
      </ForResponders>
      <p className="muted" role="status">
        {message}
      </p>
    </section>
  );
}

function FolderForm({ saved }: { saved: string | null }) {
  const busy = useBreakGlass((state) => state.busy);
  const error = useBreakGlass((state) => state.error);
  const [folder, setFolder] = useState(saved ?? '');
  return (
    <form
      className="breakglass-form"
      onSubmit={(event) => {
        event.preventDefault();
        void useBreakGlass.getState().keepIn(folder);
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
            <button type="button" aria-disabled={busy} onClick={() => void useBreakGlass.getState().writeNow(saved)}>
              Write it now
            </button>
            <button type="button" aria-disabled={busy} onClick={() => void useBreakGlass.getState().keepIn('')}>
              Stop keeping it
            </button>
          </>
        )}
      </div>
    </form>
  );
}
