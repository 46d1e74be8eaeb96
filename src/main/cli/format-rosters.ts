import type { LoadReportRow, OnCallEntry, RosterImportReport, Shift } from '../../shared/rosters';

/** Plain-text renderings of roster answers. Instants are UTC, as in the JSON. */

const who = (person: { name: string; handle: string } | null) => (person ? `${person.name} (${person.handle})` : 'nobody (gap)');

export function formatOnCall(entries: OnCallEntry[]): string {
  if (entries.length === 0) return 'No schedules.\n';
  return entries
    .map((entry) => {
      if (entry.problem) return `${entry.team} / ${entry.schedule}: unknown. ${entry.problem}\n`;
      const next = entry.next ? `; next ${who(entry.next.person)} from ${entry.next.start}` : '';
      const source = entry.source === 'override' ? ' [override]' : '';
      const boundaries = entry.boundaries ? ` (${entry.boundaries})` : '';
      return `${entry.team} / ${entry.schedule}: ${who(entry.person)}${source} ${entry.start ?? 'no start'} → ${entry.end ?? 'no end'}${next}${boundaries}\n`;
    })
    .join('');
}

export function formatShifts(shifts: Shift[]): string {
  return shifts.map((shift) => `${shift.start}  ${shift.end}  ${who(shift.person)}${shift.source === 'override' ? ' [override]' : ''}\n`).join('');
}

const KIND_NAMES: Record<keyof RosterImportReport['removed'], string> = {
  people: 'people',
  teams: 'teams',
  schedules: 'schedules',
  overrides: 'overrides',
  escalationPolicies: 'escalation policies',
};

export function formatRosterImport(report: RosterImportReport): string {
  const counts = `${report.people} people, ${report.teams} teams, ${report.schedules} schedules, ${report.overrides} overrides, ${report.escalationPolicies} escalation policies`;
  const removed = (Object.keys(KIND_NAMES) as (keyof typeof KIND_NAMES)[])
    .filter((kind) => report.removedNames[kind].length > 0)
    .map((kind) => `  ${KIND_NAMES[kind]}: ${report.removedNames[kind].join('; ')}\n`)
    .join('');
  if (report.dryRun) {
    return `Checked, nothing changed. Importing it would make the roster ${counts}.\n${removed ? `It would remove (no longer in the file):\n${removed}` : 'It would remove nothing.\n'}`;
  }
  return (
    `Roster: ${counts}.\n` +
    (removed ? `Removed (no longer in the file):\n${removed}` : '') +
    (report.backup ? `The store as it was before is kept in ${report.backup} (holdfast backup restore FILE puts it back).\n` : '')
  );
}

export function formatLoadReport(rows: LoadReportRow[]): string {
  if (rows.length === 0) return 'Nobody was on call in that range.\n';
  const header = 'person                     business   off-hours   sleep   total\n';
  return (
    header +
    rows
      .map(
        (row) =>
          `${who(row.person).padEnd(26)} ${row.businessHours.toFixed(1).padStart(8)} ${row.offHours.toFixed(1).padStart(11)} ${row.sleepHours.toFixed(1).padStart(7)} ${row.totalHours.toFixed(1).padStart(7)}\n`,
      )
      .join('')
  );
}
