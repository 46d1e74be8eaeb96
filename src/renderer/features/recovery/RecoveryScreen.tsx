import { useId, useState } from 'react';
import { formatBytes } from '../../../shared/limits';
import type { RecoveryState } from '../../../shared/recovery';
import { CopyButton } from '../../components/CopyButton';
import { BackupTable } from '../backups/BackupTable';
import { LocalTime } from '../runbooks/LocalTime';
import { useCanWrite } from '../session/queries';
import { refreshRecoveryState } from './queries';
import { restoreAndStartAfresh } from './restored';
import '../backups/backups.css';
import './recovery.css';

type Damaged = Extract<RecoveryState, { damaged: true }>;

/**
 * What the console shows instead of everything else when the store's file is
 * damaged: that it is, where it is, and the backups that can replace it, the
 * latest good one a single click away. Restoring never deletes the damaged file.
 */
export function RecoveryScreen({ state }: { state: Damaged }) {
  // The backup being restored, while it is, and why the last restore failed (UI state).
  const [restoring, setRestoring] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const restore = async (file: string) => {
    if (restoring) return;
    setRestoring(file);
    setError(null);
    const failed = await restoreAndStartAfresh(file);
    setRestoring(null);
    setError(failed.message);
    void refreshRecoveryState();
  };
  const titleId = useId();
  const canWrite = useCanWrite();
  const latest = state.backups.find((backup) => backup.sound);
  const fileName = state.databaseFile.split(/[\\/]/).pop() ?? 'holdfast.db';

  return (
    <main className="recovery" aria-labelledby={titleId}>
      <h1 id={titleId}>Holdfast’s data file is damaged</h1>
      <p className="recovery-lead">
        Holdfast cannot open its data file, so it cannot show your runbooks, rosters or incidents. The file has not been changed
        or deleted.
      </p>
      <dl className="recovery-facts">
        <dt>Data file</dt>
        <dd>
          <code>{state.databaseFile}</code> <CopyButton text={state.databaseFile} label="Copy path" inline />
        </dd>
        <dt>What is wrong</dt>
        <dd>{state.problem}</dd>
      </dl>

      <section className="recovery-restore" aria-labelledby={`${titleId}-restore`}>
        <h2 id={`${titleId}-restore`}>Restore a backup</h2>
        {latest ? (
          <div className="recovery-latest">
            <p>
              The latest good backup was made <LocalTime iso={latest.createdAt} /> ({formatBytes(latest.bytes)}). Anything changed
              after it is not in it.
            </p>
            {canWrite ? (
              <button type="button" className="primary" aria-disabled={restoring !== null} onClick={() => void restore(latest.file)}>
                {restoring === latest.file ? 'Restoring…' : 'Restore latest good backup'}
              </button>
            ) : (
              <p>This console is read-only (viewer link): restore it from the responder link.</p>
            )}
          </div>
        ) : (
          <p className="recovery-none">
            There is no good backup in <code>{state.dataDir}</code>. Copy the damaged file somewhere safe before trying anything
            else; SQLite’s own tools (<code>sqlite3 {fileName} .recover</code>) may save part of it.
          </p>
        )}
        <p className="muted">
          Restoring moves the damaged file aside, in the same folder, as <code>{fileName}.damaged-</code>
          <em>time</em> (with its <code>-wal</code> and <code>-shm</code> files), and never deletes it. Then the console opens the
          restored data.
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {state.backups.length > 0 && (
          <>
            <h3>Every backup, newest first</h3>
            <BackupTable
              backups={state.backups}
              caption="Backups in the data folder, newest first"
              status={(backup) => (backup.sound ? 'Good' : <span className="field-error">Damaged: {backup.problem}</span>)}
              action={(backup) =>
                backup.sound && canWrite ? (
                  <button type="button" aria-disabled={restoring !== null} onClick={() => void restore(backup.file)}>
                    {restoring === backup.file ? 'Restoring…' : 'Restore this one'}
                  </button>
                ) : null
              }
            />
          </>
        )}
      </section>
    </main>
  );
}
