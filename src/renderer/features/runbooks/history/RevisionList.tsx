import type { RunbookRevisionInfo } from '../../../../shared/runbooks';
import { DataTable } from '../../../components/DataTable';
import { LocalTime } from '../../../components/LocalTime';
import { useCanWrite } from '../../session/queries';

/** The revisions, newest first; two radio columns pick what to compare. */
export function RevisionList(props: {
  revisions: RunbookRevisionInfo[];
  from: number | null;
  to: number | null;
  onChoose: (pick: { from?: number; to?: number }) => void;
  onRestore: (number: number) => void;
}) {
  const latest = props.revisions[0]?.number;
  const canWrite = useCanWrite();
  return (
    <section className="revisions" aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">
        Revisions <span className="count">({props.revisions.length})</span>
      </h2>
      <DataTable
        className="revision-table"
        rows={props.revisions}
        rowKey={(revision) => revision.number}
        rowHeader={2}
        rowProps={(revision) => ({ 'data-revision': revision.number, 'aria-selected': revision.number === props.from || revision.number === props.to })}
        columns={[
          { header: 'From', cell: (revision) => <Pick end="from" chosen={props.from} revision={revision.number} onChoose={props.onChoose} /> },
          { header: 'To', cell: (revision) => <Pick end="to" chosen={props.to} revision={revision.number} onChoose={props.onChoose} /> },
          {
            header: 'Revision',
            className: 'revision-number',
            cell: (revision) => (
              <>
                {revision.number}
                {revision.number === latest && <span className="latest-mark">latest</span>}
              </>
            ),
          },
          {
            header: 'Saved',
            cell: (revision) => (
              <>
                <LocalTime iso={revision.createdAt} />
                <span className="revision-author">{revision.author}</span>
              </>
            ),
          },
          { header: 'Message', className: 'revision-message', cell: (revision) => revision.message || <span className="muted">—</span> },
          {
            header: 'Restore',
            hideHeader: true,
            cell: (revision) =>
              revision.number !== latest &&
              canWrite && (
                <button type="button" onClick={() => props.onRestore(revision.number)}>
                  Restore<span className="visually-hidden"> revision {revision.number}</span>
                </button>
              ),
          },
        ]}
      />
    </section>
  );
}

/** One end of the comparison: a radio per revision, in the column of that end. */
function Pick(props: { end: 'from' | 'to'; chosen: number | null; revision: number; onChoose: (pick: { from?: number; to?: number }) => void }) {
  return (
    <input
      type="radio"
      name={`diff-${props.end}`}
      checked={props.chosen === props.revision}
      onChange={() => props.onChoose({ [props.end]: props.revision })}
      aria-label={`Compare ${props.end} revision ${props.revision}`}
    />
  );
}
