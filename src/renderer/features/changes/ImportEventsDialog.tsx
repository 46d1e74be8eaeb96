import { useId, useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { fail } from '../../../shared/result';
import { PathInput } from '../../components/Field';
import { ImportDialog, describedBy, useImportForm } from '../../components/ImportDialog';
import { ImportProblems, ImportReportSection } from '../../components/ImportReport';
import { importChangeEvents } from './mutations';

/**
 * "Import change events…": deploys and flag flips from a JSON Lines file (one
 * event a line, PagerDuty's change-event shape), as `holdfast change
 * import-events` reads it. Good lines are kept; each bad line is listed with
 * its number and what is wrong, so it can be fixed and the file imported again.
 */
export function ImportEventsDialog({ onClose }: { onClose: () => void }) {
  const [path, setPath] = useState('');
  const form = useImportForm(async () => (path.trim() === '' ? fail('VALIDATION', 'Type the path of the change events file (.jsonl).') : importChangeEvents(path.trim())));
  const fieldId = useId();
  const hintId = useId();

  return (
    <ImportDialog title="Import change events" form={form} onClose={onClose} report={form.result && <EventsReport report={form.result} />}>
      <label htmlFor={fieldId} className="field-label">
        Change events file (JSON Lines)
      </label>
      <PathInput id={fieldId} value={path} onChange={setPath} placeholder="/home/you/deploys/events.jsonl" {...describedBy(form, hintId)} autoFocus />
      <p id={hintId} className="field-hint">
        A path on the machine running Holdfast. One event a line, as PagerDuty takes change events:{' '}
        <code>{'{"summary": "Deploy checkout v2.14", "timestamp": "2026-11-27T02:40:00Z", "services": ["checkout"]}'}</code>, with{' '}
        <code>source</code>, <code>links</code> and <code>custom_details</code> if you have them (docs/changes.md). An event already on file is not added
        twice.
      </p>
    </ImportDialog>
  );
}

function EventsReport({ report }: { report: OutputOf<'importChangeEvents'> }) {
  const refused = report.failed.length;
  return (
    <ImportReportSection
      counts={[
        { count: report.imported, label: 'imported' },
        { count: report.unchanged, label: 'already on file' },
        { count: refused, label: refused === 1 ? 'line refused' : 'lines refused', className: refused > 0 ? 'count-failed' : undefined },
      ]}
    >
      {refused > 0 && (
        <>
          <h3>Refused — not imported, the other lines were</h3>
          <ImportProblems label="Refused lines" items={report.failed.map((failure) => ({ path: `line ${failure.line}`, reason: failure.error }))} />
        </>
      )}
      {report.imported + report.unchanged === 0 && refused === 0 && <p>The file holds no change events.</p>}
    </ImportReportSection>
  );
}
