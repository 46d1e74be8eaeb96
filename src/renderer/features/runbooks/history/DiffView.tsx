import type { RunbookDiff } from '../../../../shared/runbooks';

const SIGN = { add: '+', remove: '-', context: ' ', hunk: '' } as const;

/** A unified diff, coloured, with +/- kept so it reads without colour too. */
export function DiffView(props: { diff: RunbookDiff | null; from: number | null; to: number | null; single: boolean }) {
  if (props.single) {
    return (
      <section className="diff-pane" aria-label="Changes">
        <p className="muted">Only one revision so far. Each save adds one, and you can compare any two here.</p>
      </section>
    );
  }
  if (props.from !== null && props.from === props.to) {
    return (
      <section className="diff-pane" aria-label="Changes">
        <p className="muted">Pick two different revisions to compare.</p>
      </section>
    );
  }
  const { diff } = props;
  if (!diff) return <section className="diff-pane" aria-label="Changes" />;
  const added = diff.lines.filter((line) => line.kind === 'add').length;
  const removed = diff.lines.filter((line) => line.kind === 'remove').length;
  return (
    <section className="diff-pane" aria-labelledby="diff-heading">
      <h2 id="diff-heading">
        Revision {diff.from} → revision {diff.to}{' '}
        <span className="diff-stats">
          <span className="diff-stat-add">+{added}</span> <span className="diff-stat-remove">−{removed}</span>
        </span>
      </h2>
      {diff.lines.length === 0 ? (
        <p className="muted">No differences: these revisions have the same text.</p>
      ) : (
        <pre className="diff" aria-label={`Changes from revision ${diff.from} to revision ${diff.to}`}>
          {diff.lines.map((line, index) => (
            <span key={index} className={`diff-line diff-${line.kind}`}>
              {withSign(line.kind, line.text)}
              {'\n'}
            </span>
          ))}
        </pre>
      )}
    </section>
  );
}

/** The core may or may not keep the unified-diff marker in `text`; show it exactly once. */
function withSign(kind: keyof typeof SIGN, text: string): string {
  const sign = SIGN[kind];
  if (sign === '' || text.startsWith(sign)) return text;
  return `${sign}${text}`;
}
