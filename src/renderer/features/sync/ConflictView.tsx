import { useState } from 'react';
import type { ResolveChoice, SyncConflict } from '../../../shared/sync';
import { Dialog } from '../../components/Dialog';
import { resolveConflict } from './mutations';
import { useSyncConflict } from './queries';

/**
 * One conflicted file: this machine's version, the other machine's, and a
 * merge to edit (starting from this machine's). Keeping one side or saving the
 * merge settles it; the choice goes to the team with the next sync.
 */
export function ConflictView({ path, details, canWrite, onClose }: { path: string; details: readonly SyncConflict[]; canWrite: boolean; onClose: () => void }) {
  const versions = useSyncConflict(path);
  const [merged, setMerged] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = versions.data?.mine ?? null;
  const theirs = versions.data?.theirs ?? null;
  // Until edited, the merge is this machine's version.
  const merge = merged ?? mine ?? theirs ?? '';

  const settle = async (choice: ResolveChoice) => {
    setBusy(true);
    const result = await resolveConflict(path, choice);
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };
  return (
    <Dialog
      title={`Conflict: ${path}`}
      onClose={onClose}
      className="sync-conflict-view"
      actions={
        <>
          {canWrite && (
            <>
              <button type="button" disabled={busy || mine === null} onClick={() => void settle({ take: 'mine' })}>
                Keep mine
              </button>
              <button type="button" disabled={busy || theirs === null} onClick={() => void settle({ take: 'theirs' })}>
                Take theirs
              </button>
              <button type="button" disabled={busy || !versions.data} onClick={() => void settle({ take: 'content', content: merge })}>
                Save the merge
              </button>
            </>
          )}
          <button type="button" className="ghost" onClick={onClose} data-autofocus>
            Back
          </button>
        </>
      }
    >
      <p>{details.map((conflict) => conflict.detail).join(' ')}</p>
      {versions.error && <p className="sync-problem">{versions.error.message}</p>}
      {error && (
        <p className="sync-problem" role="alert">
          {error}
        </p>
      )}
      <div className="sync-sides">
        <section aria-label="Mine">
          <h3>Mine (this machine)</h3>
          <pre>{mine ?? '(removed on this machine)'}</pre>
        </section>
        <section aria-label="Theirs">
          <h3>Theirs (the other machine)</h3>
          <pre>{theirs ?? '(removed on the other machine)'}</pre>
        </section>
      </div>
      <label className="sync-merge">
        <span>The merge (edit it, then save)</span>
        <textarea value={merge} onChange={(event) => setMerged(event.target.value)} rows={12} readOnly={!canWrite} spellCheck={false} />
      </label>
    </Dialog>
  );
}
