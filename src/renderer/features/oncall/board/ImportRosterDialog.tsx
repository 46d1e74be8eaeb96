import { useId, useState, type FormEvent } from 'react';
import { ok, type Result } from '../../../../shared/result';
import { removedCount, type RosterImportReport } from '../../../../shared/rosters';
import { importPeopleCsv, importRoster } from '../mutations';
import { Dialog } from '../../../components/Dialog';
import { ask } from '../../../components/confirm';
import { ImportActions } from '../../../components/ImportActions';

/** What an import did: a whole roster from YAML, or people added or updated from CSV. */
type Imported = { kind: 'roster'; report: RosterImportReport } | { kind: 'people'; people: number };

/** A CSV file is a list of people (docs/roster-format.md); anything else is read as a YAML roster. */
const isPeopleCsv = (path: string) => /\.csv$/i.test(path);

/** More removals than this are confirmed before the import is committed. */
const CONFIRM_ABOVE = 5;

const KIND_LABELS: Record<keyof RosterImportReport['removed'], [one: string, many: string]> = {
  people: ['person', 'people'],
  teams: ['team', 'teams'],
  schedules: ['schedule', 'schedules'],
  overrides: ['override', 'overrides'],
  escalationPolicies: ['escalation policy', 'escalation policies'],
};

/** "6 people, 3 teams and 2 schedules": what a report removes, by kind. */
function removalSummary(report: RosterImportReport): string {
  const parts = (Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[])
    .filter((kind) => report.removed[kind] > 0)
    .map((kind) => `${report.removed[kind]} ${KIND_LABELS[kind][report.removed[kind] === 1 ? 0 : 1]}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}` : (parts[0] ?? '');
}

/** Every removed entry, by kind, for the report and the confirmation. */
function RemovedList({ report }: { report: RosterImportReport }) {
  const kinds = (Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[]).filter((kind) => report.removedNames[kind].length > 0);
  return (
    <ul className="import-removed">
      {kinds.map((kind) => (
        <li key={kind}>
          <strong>{KIND_LABELS[kind][1]}:</strong> {report.removedNames[kind].join(', ')}
        </li>
      ))}
    </ul>
  );
}

/**
 * Imports a file. A roster file is checked first (a dry run); if importing it
 * would remove more than a handful of entries, the user confirms that removal,
 * with every entry named, before anything changes. Null: they chose not to.
 */
async function importFile(path: string): Promise<Result<Imported> | null> {
  if (isPeopleCsv(path)) {
    const result = await importPeopleCsv(path);
    return result.ok ? ok({ kind: 'people', people: result.value.people }) : result;
  }
  const preview = await importRoster({ path, dryRun: true });
  if (!preview.ok) return preview;
  if (removedCount(preview.value) > CONFIRM_ABOVE) {
    const summary = removalSummary(preview.value);
    const yes = await ask({
      title: `Remove ${summary}?`,
      body: (
        <>
          <p>
            This file no longer has them, so importing it removes {summary} from the roster. A backup of the whole store is
            taken first.
          </p>
          <RemovedList report={preview.value} />
        </>
      ),
      confirmLabel: `Remove ${summary} and import`,
      danger: true,
    });
    if (!yes) return null;
  }
  const result = await importRoster({ path });
  return result.ok ? ok({ kind: 'roster', report: result.value }) : result;
}

/**
 * "Import roster…": a YAML roster file, or a CSV of people, on the machine
 * running Holdfast. A file with any problem is refused whole, and every problem
 * is listed with its line.
 */
export function ImportRosterDialog({ onClose }: { onClose: () => void }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Imported | null>(null);
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
    const file = path.trim();
    const result = await importFile(file);
    setBusy(false);
    if (result === null) {
      setError({ message: 'Not imported: the roster is unchanged.', details: [] });
    } else if (result.ok) {
      setReport(result.value);
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
          Roster file (YAML) or people (CSV)
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
          A path on the machine running Holdfast. The roster becomes what a YAML file says: people, teams and schedules
          it no longer has are removed, and its overrides replace the stored ones. Before anything is removed a backup of
          the store is taken, and removing more than {CONFIRM_ABOVE} entries asks you first. An empty file is refused. A <code>.csv</code> file (columns{' '}
          <code>handle</code>, <code>name</code>, <code>time_zone</code>, then any of <code>phone</code>, <code>sms</code>,{' '}
          <code>email</code>, <code>chat</code>) only adds or updates people.
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
      {report?.kind === 'roster' && <RosterReport report={report.report} />}
      {report?.kind === 'people' && <PeopleReport people={report.people} />}
    </Dialog>
  );
}

function PeopleReport({ people }: { people: number }) {
  return (
    <section className="import-report" aria-label="Import report" aria-live="polite">
      <p>
        <strong>People imported.</strong>
      </p>
      <ul className="import-counts">
        <li>
          <strong>{people}</strong> {people === 1 ? 'person' : 'people'} added or updated
        </li>
      </ul>
      <p className="field-hint">Teams, schedules and overrides are unchanged.</p>
    </section>
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
        <>
          <p className="field-hint">
            Removed because the file no longer has them: {removed.map(([key, count]) => `${count} ${label[key] ?? key}`).join(', ')}.
          </p>
          <RemovedList report={report} />
        </>
      )}
      {report.backup && (
        <p className="field-hint">
          The store as it was before is kept in <code>{report.backup}</code>; restore it from Backups to undo this import.
        </p>
      )}
    </section>
  );
}
