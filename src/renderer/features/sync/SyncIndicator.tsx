import { useState } from 'react';
import type { SyncConflict } from '../../../shared/sync';
import { routeHref } from '../../app/route';
import { Dialog } from '../../components/Dialog';
import { LocalTime } from '../../components/LocalTime';
import { ConflictView } from './ConflictView';
import { syncNow } from './mutations';
import { useSyncStatus } from './queries';
import './sync.css';

const PHASES: Record<string, string> = { syncing: 'Syncing…', offline: 'Offline', refused: 'Refused', failed: 'Sync failed', 'no-git': 'Git not found' };

/**
 * The team sync's state in the top bar (docs/sync.md): when this folder last
 * synced, commits not yet pushed or pulled, offline or refused, and open
 * conflicts. Nothing shows for a folder not connected to a remote.
 */
export function SyncIndicator({ canWrite }: { canWrite: boolean }) {
  const status = useSyncStatus();
  const [open, setOpen] = useState(false);
  const value = status.data;
  if (!value || value.remote === null) return null;
  const phase = 'phase' in value && typeof value.phase === 'string' ? value.phase : 'idle';
  const conflicts = value.conflicts.length;
  const state = conflicts > 0 ? 'conflicts' : phase === 'idle' ? 'ok' : phase === 'no-git' ? 'failed' : phase;
  const label = conflicts > 0 ? `${conflicts} conflict${conflicts === 1 ? '' : 's'}` : (PHASES[phase] ?? 'Synced');
  return (
    <>
      <button type="button" className="ghost sync-indicator" data-state={state} onClick={() => setOpen(true)} title="Team sync: open for details">
        <span className="sync-dot" aria-hidden="true" />
        <span>{label}</span>
        {value.ahead + value.behind > 0 && <span className="sync-counts">{`↑${value.ahead} ↓${value.behind}`}</span>}
      </button>
      {open && <SyncDialog status={value} phase={phase} canWrite={canWrite} onClose={() => setOpen(false)} />}
    </>
  );
}

type Status = NonNullable<ReturnType<typeof useSyncStatus>['data']>;

function SyncDialog({ status, phase, canWrite, onClose }: { status: Status; phase: string; canWrite: boolean; onClose: () => void }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = 'problem' in status && typeof status.problem === 'string' ? status.problem : null;
  const paths = [...new Set(status.conflicts.map((conflict) => conflict.path))];
  if (chosen && paths.includes(chosen)) return <ConflictView path={chosen} details={status.conflicts.filter((conflict) => conflict.path === chosen)} canWrite={canWrite} onClose={() => setChosen(null)} />;
  const run = async () => {
    setBusy(true);
    const result = await syncNow();
    setBusy(false);
    setError(result.ok ? null : result.error.message);
  };
  return (
    <Dialog
      title="Team sync"
      onClose={onClose}
      className="sync-dialog"
      actions={
        <>
          {canWrite && (
            <button type="button" onClick={() => void run()} disabled={busy}>
              {busy ? 'Syncing…' : 'Sync now'}
            </button>
          )}
          <button type="button" className="ghost" onClick={onClose} data-autofocus>
            Close
          </button>
        </>
      }
    >
      <dl className="sync-facts">
        <dt>Remote</dt>
        <dd>
          <code>{status.remote}</code>
        </dd>
        <dt>Last synced</dt>
        <dd>{status.lastSync ? <LocalTime iso={status.lastSync} /> : 'never'}</dd>
        <dt>Not yet pushed</dt>
        <dd>{`${status.ahead} commit(s)`}</dd>
        <dt>Not yet taken in</dt>
        <dd>{`${status.behind} commit(s), as of the last fetch`}</dd>
        {phase !== 'idle' && (
          <>
            <dt>Now</dt>
            <dd>{PHASES[phase] ?? phase}</dd>
          </>
        )}
      </dl>
      {problem && phase !== 'idle' && <p className="sync-problem">{problem}</p>}
      {phase === 'no-git' && (
        <p>
          <a href={routeHref({ screen: 'settings', section: 'git' })} onClick={onClose}>
            Set the path to git in Settings
          </a>
        </p>
      )}
      {error && (
        <p className="sync-problem" role="alert">
          {error}
        </p>
      )}
      {paths.length > 0 ? (
        <>
          <h3>Conflicts</h3>
          <p>Both machines changed these; this machine’s version is kept until someone chooses. Nothing is lost: both versions stay in the history.</p>
          <ul className="sync-conflicts">
            {paths.map((file) => (
              <li key={file}>
                <button type="button" className="link" onClick={() => setChosen(file)}>
                  {file}
                </button>
                <span>{describe(status.conflicts.filter((conflict) => conflict.path === file))}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>No conflicts.</p>
      )}
    </Dialog>
  );
}

const describe = (conflicts: readonly SyncConflict[]): string => conflicts.map((conflict) => conflict.detail).join(' ');
