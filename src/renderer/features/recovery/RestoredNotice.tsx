import { useState } from 'react';
import { dismissRestore, takeRestore } from './restored';

/** Once, after a restore: which backup the console now shows, and where the store it replaced is kept. */
export function RestoredNotice() {
  const [report, setReport] = useState(takeRestore);
  if (!report) return null;
  const kept = report.previous
    ? report.previousDamaged
      ? `The damaged file was moved aside to ${report.previous}; nothing was deleted.`
      : `The data it replaced is kept at ${report.previous}.`
    : '';
  return (
    <div className="banner" role="status">
      <span>
        <strong>Restored</strong> the backup {report.backup}. {kept}
      </span>
      <button
        type="button"
        onClick={() => {
          dismissRestore();
          setReport(null);
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
