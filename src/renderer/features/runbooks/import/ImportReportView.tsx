import type { ImportReport } from '../../../../shared/runbooks';
import { ImportCounts } from '../../../components/ImportDialog';

/** What an import did: counts first, then every file that failed or was skipped, with why. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const total = report.imported + report.updated + report.unchanged;
  return (
    <section className="import-report" aria-label="Import report" aria-live="polite">
      <ImportCounts
        counts={[
          { count: report.imported, label: 'imported' },
          { count: report.updated, label: 'updated' },
          { count: report.unchanged, label: 'unchanged' },
          { count: report.failed.length, label: 'failed', failures: true },
        ]}
      />
      {total === 0 && report.failed.length === 0 && <p>No Markdown runbooks were found there.</p>}
      {report.failed.length > 0 && (
        <>
          <h3>Failed — not imported, the rest were</h3>
          <ul className="import-problems">
            {report.failed.map((failure) => (
              <li key={failure.path}>
                <code className="import-path">{failure.path}</code>
                <span className="import-reason">{failure.error}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.skipped.length > 0 && (
        <details>
          <summary>{report.skipped.length} skipped</summary>
          <ul className="import-problems">
            {report.skipped.map((skip) => (
              <li key={skip.path}>
                <code className="import-path">{skip.path}</code>
                <span className="import-reason">{skip.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.groups.length > 0 && (
        <p className="field-hint">
          Groups: {report.groups.map((group) => group.title).join(', ')}
        </p>
      )}
    </section>
  );
}
