import type { Runbook } from '../../../../shared/runbooks';
import { unarchiveRunbook } from '../actions';
import { LocalTime } from '../LocalTime';
import { ForResponders } from '../../session/ForResponders';

/** An archived runbook still reads normally, with a plain note of its state and the way back. */
export function ArchivedNotice({ runbook }: { runbook: Runbook }) {
  return (
    <div className="notice notice-archived" role="status">
      <span>
        <strong>Archived</strong>
        {runbook.archivedAt && (
          <>
            {' '}
            on <LocalTime iso={runbook.archivedAt} />
          </>
        )}
        . It is hidden from the library and search, and kept with its full history.
      </span>
      <ForResponders>
        <button type="button" onClick={() => void unarchiveRunbook(runbook)}>
          Unarchive
        </button>
      </ForResponders>
    </div>
  );
}
