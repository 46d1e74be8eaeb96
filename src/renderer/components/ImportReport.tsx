import type { ReactNode } from 'react';

/** One count of an import report: "12 imported". */
export interface ImportCount {
  count: number;
  label: string;
  /** A class for the item (e.g. `count-failed`, when something failed). */
  className?: string | undefined;
}

/**
 * What an import did, announced as it appears: a headline (when given), the
 * counts in a row, then whatever else the import has to say (`children`).
 */
export function ImportReportSection(props: { headline?: string; counts: readonly ImportCount[]; children?: ReactNode }) {
  return (
    <section className="import-report" aria-label="Import report" aria-live="polite">
      {props.headline && (
        <p>
          <strong>{props.headline}</strong>
        </p>
      )}
      <ul className="import-counts">
        {props.counts.map((item) => (
          <li key={item.label} className={item.className}>
            <strong>{item.count}</strong> {item.label}
          </li>
        ))}
      </ul>
      {props.children}
    </section>
  );
}

/** Files or lines an import passed over, each where it is and why. */
export function ImportProblems({ items, label }: { items: readonly { path: string; reason: string }[]; label?: string }) {
  return (
    <ul className="import-problems" aria-label={label}>
      {items.map((item) => (
        <li key={item.path}>
          <code className="import-path">{item.path}</code>
          <span className="import-reason">{item.reason}</span>
        </li>
      ))}
    </ul>
  );
}
