import type { RunbookRevisionInfo } from '../../../../shared/runbooks';
import { LocalTime } from '../LocalTime';
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
      <table className="revision-table">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Revision</th>
            <th scope="col">Saved</th>
            <th scope="col">Message</th>
            <th scope="col">
              <span className="visually-hidden">Restore</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.revisions.map((revision) => (
            <tr
              key={revision.number}
              data-revision={revision.number}
              aria-selected={revision.number === props.from || revision.number === props.to}
            >
              <td>
                <input
                  type="radio"
                  name="diff-from"
                  checked={props.from === revision.number}
                  onChange={() => props.onChoose({ from: revision.number })}
                  aria-label={`Compare from revision ${revision.number}`}
                />
              </td>
              <td>
                <input
                  type="radio"
                  name="diff-to"
                  checked={props.to === revision.number}
                  onChange={() => props.onChoose({ to: revision.number })}
                  aria-label={`Compare to revision ${revision.number}`}
                />
              </td>
              <th scope="row" className="revision-number">
                {revision.number}
                {revision.number === latest && <span className="latest-mark">latest</span>}
              </th>
              <td>
                <LocalTime iso={revision.createdAt} />
                <span className="revision-author">{revision.author}</span>
              </td>
              <td className="revision-message">{revision.message || <span className="muted">—</span>}</td>
              <td>
                {revision.number !== latest && canWrite && (
                  <button type="button" onClick={() => props.onRestore(revision.number)}>
                    Restore<span className="visually-hidden"> revision {revision.number}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
