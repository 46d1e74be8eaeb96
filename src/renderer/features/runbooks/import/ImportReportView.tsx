import type { ImportReport } from '../../../../shared/runbooks';
import { ImportProblems, ImportReportPanel } from '../../../components/ImportDialog';

/** What an import did: counts first, then every file that failed or was skipped, with why. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const total = report.imported + report.updated + report.unchanged;
  return (
    <ImportReportPanel
      counts={[
        { count: report.imported, label: 'imported' },
        { count: report.updated, label: 'updated' },
        { count: report.unchanged, label: 'unchanged' },
        { count: report.failed.length, label: 'failed', failures: true },
      ]}
    >
      {total === 0 && report.failed.length === 0 && <p>No Markdown runbooks were found there.</p>}
      {report.failed.length > 0 && (
        <>
          <h3>Failed — not imported, the rest were</h3>
          <ImportProblems problems={report.failed.map((failure) => ({ where: failure.path, why: failure.error }))} />
        </>
      )}
      {report.skipped.length > 0 && (
        <details>
          <summary>{report.skipped.length} skipped</summary>
          <ImportProblems problems={report.skipped.map((skip) => ({ where: skip.path, why: skip.reason }))} />
        </details>
      )}
      {report.groups.length > 0 && (
        <p className="field-hint">
          Groups: {report.groups.map((group) => group.title).join(', ')}
        </p>
      )}
    </ImportReportPanel>
  );
}
