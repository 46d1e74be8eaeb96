import { useEffect } from 'react';
import { navigate, routeHref } from '../../../app/route';
import { ask } from '../../../components/confirm';
import { useRunbooks } from '../store';
import { DiffView } from './DiffView';
import { RevisionList } from './RevisionList';
import { useHistory } from './store';

/** `#/runbooks/:id/history`: every saved revision, what changed between two, and the way back to one. */
export function HistoryScreen({ id }: { id: number }) {
  const revisions = useHistory((state) => (state.runbookId === id ? state.revisions : null));
  const error = useHistory((state) => state.error);
  const from = useHistory((state) => state.from);
  const to = useHistory((state) => state.to);
  const diff = useHistory((state) => state.diff);

  useEffect(() => {
    void useHistory.getState().load(id);
  }, [id]);

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
    const runbook = await useHistory.getState().restore(number);
    if (!runbook) return;
    useRunbooks.getState().showRunbook(runbook);
    navigate({ screen: 'runbook', id: runbook.id });
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
            onChoose={(pick) => void useHistory.getState().choose(pick)}
            onRestore={(number) => void restore(number)}
          />
          <DiffView diff={diff} from={from} to={to} single={revisions.length < 2} />
        </div>
      )}
    </div>
  );
}
