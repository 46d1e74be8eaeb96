import { useId, useState } from 'react';
import { runWrite } from '../../api/mutations';
import { useOp } from '../../api/queries';
import { ask } from '../../components/confirm';
import { BreakGlassPanel } from '../breakglass/BreakGlassPanel';
import { LocalTime } from '../runbooks/LocalTime';
import { restoreAndStartAfresh } from '../recovery/restored';
import { useWorkspaceInfo } from '../workspace/queries';
import { BackupTable, fileName } from './BackupTable';
import './backups.css';
import { useCanWrite } from '../session/queries';

/** `#/backups`: where the data lives, its backups (made now or daily), putting one back, and the break-glass file. */
export function BackupsScreen() {
  const info = useWorkspaceInfo().data;
  const listed = useOp('listBackups', {});
  const backups = listed.data ?? null;
  // What the last action did or why it failed (UI state: the backups themselves are read above).
  const [outcome, setOutcome] = useState<{ message: string | null; error: string | null }>({ message: null, error: null });
  const [busy, setBusy] = useState(false);
  const error = outcome.error ?? listed.error?.message ?? null;
  const message = outcome.message;
  const titleId = useId();
  const canWrite = useCanWrite();

  const create = async () => {
    if (busy) return;
    setBusy(true);
    setOutcome({ message: null, error: null });
    // A backup announces no change event (it changes no data): the list is read again here.
    const result = await runWrite('createBackup', {}, { refresh: [['listBackups']] });
    setBusy(false);
    setOutcome(result.ok ? { message: `Backed up to ${result.value.file}.`, error: null } : { message: null, error: result.error.message });
  };

  const restore = async (file: string, createdAt: string) => {
    const yes = await ask({
      title: 'Restore this backup?',
      body: (
        <>
          <p>
            The data goes back to how it was at <LocalTime iso={createdAt} /> (<code>{fileName(file)}</code>). Runbooks,
            incidents and roster changes made since are not in it.
          </p>
          <p>The data as it is now is kept as a backup first, so this can be undone. Every open console starts afresh.</p>
        </>
      ),
      confirmLabel: 'Restore backup',
      danger: true,
    });
    if (!yes || busy) return;
    setBusy(true);
    setOutcome({ message: null, error: null });
    const failed = await restoreAndStartAfresh(file);
    setBusy(false);
    setOutcome({ message: null, error: failed.message });
  };

  return (
    <div className="backups-screen">
      <h1 id={titleId}>Data &amp; backups</h1>
      {info && (
        <p>
          Everything Holdfast holds is in one file: <code>{info.databaseFile}</code>.
        </p>
      )}
      <section aria-labelledby={`${titleId}-backups`}>
        <div className="backups-head">
          <h2 id={`${titleId}-backups`}>Backups</h2>
          {canWrite && (
            <button type="button" className="primary" aria-disabled={busy} onClick={() => void create()}>
              Back up now
            </button>
          )}
        </div>
        <p className="muted">
          Holdfast backs up once a day while it runs, keeping the newest seven, and before every upgrade of its data. Backups are
          consistent copies made while it works.
        </p>
        <p className="muted" role="status">
          {message}
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {backups && backups.length === 0 && <p>No backups yet.</p>}
        {backups && backups.length > 0 && (
          <BackupTable
            backups={backups}
            caption="Backups, newest first"
            action={(backup) =>
              canWrite && (
                <button type="button" aria-disabled={busy} onClick={() => void restore(backup.file, backup.createdAt)}>
                  Restore…
                </button>
              )
            }
          />
        )}
      </section>
      <BreakGlassPanel />
    </div>
  );
}
