import { useEffect, useId } from 'react';
import { ask } from '../../components/confirm';
import { BreakGlassPanel } from '../breakglass/BreakGlassPanel';
import { LocalTime } from '../runbooks/LocalTime';
import { useWorkspace } from '../workspace/store';
import { BackupTable, fileName } from './BackupTable';
import { useBackups } from './store';
import './backups.css';
import { useCanWrite } from '../session/store';

/** `#/backups`: where the data lives, its backups (made now or daily), putting one back, and the break-glass file. */
export function BackupsScreen() {
  const info = useWorkspace((state) => state.info);
  const backups = useBackups((state) => state.backups);
  const error = useBackups((state) => state.error);
  const message = useBackups((state) => state.message);
  const busy = useBackups((state) => state.busy);
  const titleId = useId();
  const canWrite = useCanWrite();

  useEffect(() => {
    void useBackups.getState().load();
  }, []);

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
    if (yes) await useBackups.getState().restore(file);
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
            <button type="button" className="primary" aria-disabled={busy} onClick={() => void useBackups.getState().create()}>
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
