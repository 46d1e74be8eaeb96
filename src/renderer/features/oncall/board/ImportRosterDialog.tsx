import { useId, useState, type FormEvent } from 'react';
import type { RosterImportReport } from '../../../../shared/rosters';
import { api } from '../../../api/client';
import { Dialog } from '../../../components/Dialog';
import { useOnCall } from '../store';
import { ImportActions } from '../../../components/ImportActions';

/**
 * "Import roster…": a YAML roster file on the machine running Holdfast. A file
 * with any problem is refused whole, and every problem is listed with its line.
 */
export function ImportRosterDialog({ onClose }: { onClose: () => void }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<RosterImportReport | null>(null);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (path.trim() === '') {
      setError({ message: 'Type the path of the roster file.', details: [] });
      return;
    }
    setBusy(true);
    setError(null);
    const result = await api.importRoster({ path: path.trim() });
    setBusy(false);
    if (result.ok) {
      setReport(result.value);
      void useOnCall.getState().refresh();
    } else {
      setReport(null);
      setError({ message: result.error.message, details: result.error.details ?? [] });
    }
  };

  return (
    <Dialog
      title="Import a roster"
      className="import-dialog"
      onClose={onClose}
      actions={<ImportActions formId={`${fieldId}-form`} busy={busy} done={report !== null} onClose={onClose} />}
    >
      <form id={`${fieldId}-form`} onSubmit={(event) => void submit(event)}>
        <label htmlFor={fieldId} className="field-label">
          Roster file (YAML)
        </label>
        <input
          id={fieldId}
          className="text-input mono"
          type="text"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="/home/you/oncall/roster.yaml"
          spellCheck={false}
          autoComplete="off"
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
          data-autofocus
        />
        <p id={hintId} className="field-hint">
          A path on the machine running Holdfast. The roster becomes what the file says: people, teams and schedules it
          no longer has are removed, and its overrides replace the stored ones.
        </p>
        {error && (
          <div id={errorId} className="oc-roster-problems" role="alert">
            <p className="field-error">{error.message}</p>
            {error.details.length > 0 && (
              <ul className="import-problems">
                {error.details.map((line, index) => (
                  <li key={index}>
                    <code className="import-reason">{line}</code>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
      {report && <RosterReport report={report} />}
    </Dialog>
  );
}

function RosterReport({ report }: { report: RosterImportReport }) {
  const removed = Object.entries(report.removed).filter(([, count]) => count > 0);
  const label: Record<string, string> = {
    people: 'people',
    teams: 'teams',
    schedules: 'schedules',
    overrides: 'overrides',
    escalationPolicies: 'escalation policies',
  };
  return (
    <section className="import-report" aria-label="Import report" aria-live="polite">
      <p>
        <strong>Roster imported.</strong>
      </p>
      <ul className="import-counts">
        <li>
          <strong>{report.people}</strong> people
        </li>
        <li>
          <strong>{report.teams}</strong> teams
        </li>
        <li>
          <strong>{report.schedules}</strong> schedules
        </li>
        <li>
          <strong>{report.overrides}</strong> overrides
        </li>
        <li>
          <strong>{report.escalationPolicies}</strong> escalation policies
        </li>
      </ul>
      {removed.length > 0 && (
        <p className="field-hint">
          Removed because the file no longer has them: {removed.map(([key, count]) => `${count} ${label[key] ?? key}`).join(', ')}.
        </p>
      )}
    </section>
  );
}
