import { useState } from 'react';
import { useOp } from '../../../api/queries';
import { navigate, routeHref } from '../../../app/route';
import { ask } from '../../../components/confirm';
import { changeRunbook } from '../mutations';
import { DiffView } from './DiffView';
import { RevisionList } from './RevisionList';

/** `#/runbooks/:id/history`: every saved revision, what changed between two, and the way back to one. */
export function HistoryScreen({ id }: { id: number }) {
  const listed = useOp('listRunbookRevisions', { id });
  const revisions = listed.data ?? null;
  // The two revisions picked (UI state): the previous and the latest until someone picks, kept while both still exist.
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const numbers = new Set(revisions?.map((revision) => revision.number));
  const latest = revisions?.[0]?.number ?? null;
  const keep = picked !== null && numbers.has(picked.from) && numbers.has(picked.to);
  const from = keep ? picked.from : (revisions?.[1]?.number ?? latest);
  const to = keep ? picked.to : latest;
  const comparing = from !== null && to !== null && from !== to;
  const diffQuery = useOp('diffRunbookRevisions', { id, from: from ?? 0, to: to ?? 0 }, { enabled: comparing, keepPrevious: true });
  const diff = comparing ? (diffQuery.data ?? null) : null;
  const error = restoreError ?? listed.error?.message ?? (comparing ? diffQuery.error?.message : undefined) ?? null;

  const restore = async (number: number) => {
    const latest = revisions?.[0]?.number ?? 0;
    const yes = await ask({
      title: `Restore revision ${number}?`,
      body: (
        <p>
          Its text and details are saved again as a new revision ({latest + 1}). Nothing is lost: every revision,
          including the current one, stays in History.
        </p>
      ),
      confirmLabel: `Restore revision ${number}`,
      cancelLabel: 'Cancel',
      focus: 'cancel',
    });
    if (!yes) return;
    const result = await changeRunbook('restoreRunbookRevision', { id, number });
    if (!result.ok) return setRestoreError(result.error.message);
    navigate({ screen: 'runbook', id: result.value.id });
  };

  const title = revisions?.[0]?.title;
  return (
    <div className="history">
      <header className="history-header">
        <a href={routeHref({ screen: 'runbook', id })} className="back-link">
          ← Back to the runbook
        </a>
        <h1>History{title ? `: ${title}` : ''}</h1>
      </header>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {revisions && (
        <div className="history-panes">
          <RevisionList
            revisions={revisions}
            from={from}
            to={to}
            onChoose={(pick) => setPicked({ from: pick.from ?? from ?? 0, to: pick.to ?? to ?? 0 })}
            onRestore={(number) => void restore(number)}
          />
          <DiffView diff={diff} from={from} to={to} single={revisions.length < 2} />
        </div>
      )}
    </div>
  );
}
