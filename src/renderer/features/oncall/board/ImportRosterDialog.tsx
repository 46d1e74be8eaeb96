import { useId, useState } from 'react';
import { fail, ok, type Result } from '../../../../shared/result';
import { removedCount, type RosterImportReport } from '../../../../shared/rosters';
import { importPeopleCsv, importRoster } from '../mutations';
import { ask } from '../../../components/confirm';
import { ImportDialog, describedBy, useImportForm } from '../../../components/ImportDialog';
import { PathInput } from '../../../components/Field';
import { ImportReportSection } from '../../../components/ImportReport';

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
 * with every entry named, before anything changes; if they choose not to, nothing is imported.
 */
async function importFile(path: string): Promise<Result<Imported>> {
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
    if (!yes) return fail('CONFLICT', 'Not imported: the roster is unchanged.');
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
  const form = useImportForm(async () => (path.trim() === '' ? fail('VALIDATION', 'Type the path of the roster file.') : importFile(path.trim())));
  const report = form.result;
  const fieldId = useId();
  const hintId = useId();

  return (
    <ImportDialog
      title="Import a roster"
      form={form}
      onClose={onClose}
      report={
        <>
          {report?.kind === 'roster' && <RosterReport report={report.report} />}
          {report?.kind === 'people' && <PeopleReport people={report.people} />}
        </>
      }
    >
      <label htmlFor={fieldId} className="field-label">
        Roster file (YAML) or people (CSV)
      </label>
      <PathInput id={fieldId} value={path} onChange={setPath} placeholder="/home/you/oncall/roster.yaml" {...describedBy(form, hintId)} autoFocus />
      <p id={hintId} className="field-hint">
        A path on the machine running Holdfast. The roster becomes what a YAML file says: people, teams and schedules
        it no longer has are removed, and its overrides replace the stored ones. Before anything is removed a backup of
        the store is taken, and removing more than {CONFIRM_ABOVE} entries asks you first. An empty file is refused. A <code>.csv</code> file (columns{' '}
        <code>handle</code>, <code>name</code>, <code>time_zone</code>, then any of <code>phone</code>, <code>sms</code>,{' '}
        <code>email</code>, <code>chat</code>) only adds or updates people.
      </p>
    </ImportDialog>
  );
}

function PeopleReport({ people }: { people: number }) {
  return (
    <ImportReportSection headline="People imported." counts={[{ count: people, label: `${people === 1 ? 'person' : 'people'} added or updated` }]}>
      <p className="field-hint">Teams, schedules and overrides are unchanged.</p>
    </ImportReportSection>
  );
}

function RosterReport({ report }: { report: RosterImportReport }) {
  const kinds = Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[];
  const removed = kinds.filter((kind) => report.removed[kind] > 0);
  return (
    <ImportReportSection headline="Roster imported." counts={kinds.map((kind) => ({ count: report[kind], label: KIND_LABELS[kind][1] }))}>
      {removed.length > 0 && (
        <>
          <p className="field-hint">Removed because the file no longer has them: {removed.map((kind) => `${report.removed[kind]} ${KIND_LABELS[kind][1]}`).join(', ')}.</p>
          <RemovedList report={report} />
        </>
      )}
      {report.backup && (
        <p className="field-hint">
          The store as it was before is kept in <code>{report.backup}</code>; restore it from Backups to undo this import.
        </p>
      )}
    </ImportReportSection>
  );
}
