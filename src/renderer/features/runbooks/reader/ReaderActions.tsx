import type { Runbook } from '../../../../shared/runbooks';
import { navigate, routeHref } from '../../../app/route';
import { KEYS } from '../../../app/keymap';
import { useKeyShortcut } from '../../../app/shortcuts';
import { archiveRunbook, duplicateRunbook, unarchiveRunbook } from '../actions';
import { useCanWrite } from '../../session/queries';

/** What can be done to the runbook being read. `e` edits. A viewer's console only offers its history. */
export function ReaderActions({ runbook }: { runbook: Runbook }) {
  useKeyShortcut(KEYS.editRunbook, () => navigate({ screen: 'edit-runbook', id: runbook.id }));
  const history = (
    <a className="button" href={routeHref({ screen: 'history', id: runbook.id })}>
      History
    </a>
  );
  if (!useCanWrite()) {
    return (
      <div className="reader-actions" role="group" aria-label="Runbook actions">
        {history}
      </div>
    );
  }
  return (
    <div className="reader-actions" role="group" aria-label="Runbook actions">
      <a className="button primary" href={routeHref({ screen: 'edit-runbook', id: runbook.id })} aria-keyshortcuts="e">
        Edit <kbd aria-hidden="true">e</kbd>
      </a>
      {history}
      <button type="button" onClick={() => void duplicateRunbook(runbook)}>
        Duplicate
      </button>
      {runbook.archived ? (
        <button type="button" onClick={() => void unarchiveRunbook(runbook)}>
          Unarchive
        </button>
      ) : (
        <button type="button" onClick={() => void archiveRunbook(runbook)}>
          Archive…
        </button>
      )}
    </div>
  );
}
