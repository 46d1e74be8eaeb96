import type { ImportReport } from '../../../../shared/runbooks';
import { ImportProblems, ImportReportSection } from '../../../components/ImportReport';

/** What an import did: counts first, then every file that failed or was skipped, with why. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const total = report.imported + report.updated + report.unchanged;
  const counts = [
    { count: report.imported, label: 'imported' },
    { count: report.updated, label: 'updated' },
    { count: report.unchanged, label: 'unchanged' },
    { count: report.failed.length, label: 'failed', className: report.failed.length > 0 ? 'count-failed' : undefined },
  ];
  return (
    <ImportReportSection counts={counts}>
      {total === 0 && report.failed.length === 0 && <p>No Markdown runbooks were found there.</p>}
      {report.failed.length > 0 && (
        <>
          <h3>Failed — not imported, the rest were</h3>
          <ImportProblems items={report.failed.map((failure) => ({ path: failure.path, reason: failure.error }))} />
        </>
      )}
      {report.skipped.length > 0 && (
        <details>
          <summary>{report.skipped.length} skipped</summary>
          <ImportProblems items={report.skipped} />
        </details>
      )}
      {report.groups.length > 0 && <p className="field-hint">Groups: {report.groups.map((group) => group.title).join(', ')}</p>}
    </ImportReportSection>
  );
}
