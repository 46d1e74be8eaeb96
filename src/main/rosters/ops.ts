/** On-call rosters' operations (see src/main/operations/op.ts for what a declaration holds). */
import type { ChangeEventBody } from '../../shared/events';
import {
  CreateOverrideInput,
  DeleteOverrideInput,
  IcalInput,
  ImportRosterInput,
  LoadReportInput,
  NowBoardInput,
  removedCount,
  RosterFileInput,
  ScheduleShiftsInput,
  WhoIsOnCallInput,
} from '../../shared/rosters';
import { EmptyInput } from '../../shared/workspace';
import { op } from '../operations/context';
import { backupBeforeRemoval } from '../store/backup';
import { DEMO_ROSTER } from '../workspace/settings';

const rostersChanged = (): ChangeEventBody[] => [{ type: 'rosters.changed' }];

export const rosterOps = {
  getRoster: op({
    input: EmptyInput,
    summary: 'People, teams, schedules, overrides and escalation policies.',
    access: 'read',
    handler: (_input, { rosters }) => rosters.roster(),
  }),
  importRoster: op({
    input: ImportRosterInput,
    summary:
      'Make the roster what a YAML roster file says (a backup first if it removes anything); refused whole if it has any problem. dryRun only reports what it would do.',
    access: 'write',
    handler: async (input, { rosters, store, options, clock, settings }) => {
      const plan = rosters.planImport(input.path);
      if (input.dryRun) return plan.report;
      // Whatever the file no longer has is removed: keep a copy of the store first, so that can be undone.
      const backup = removedCount(plan.report) > 0 ? await backupBeforeRemoval(store, options.dataDir, clock.now(), 'roster-import') : null;
      const report = rosters.apply(plan, backup?.file ?? null);
      settings.delete(DEMO_ROSTER); // the roster is the user's now
      return report;
    },
    emits: (input) => (input.dryRun ? [] : rostersChanged()),
  }),
  exportRoster: op({
    input: EmptyInput,
    summary: 'The roster as a YAML roster file.',
    access: 'read',
    loads: ['rosterFiles'],
    handler: (_input, { rosters }) => ({ yaml: rosters.exportYaml() }),
  }),
  importPeopleCsv: op({
    input: RosterFileInput,
    summary: 'Add or update people from a CSV file.',
    access: 'write',
    handler: async (input, { rosters }) => ({ people: await rosters.importPeopleCsv(input.path) }),
    emits: rostersChanged,
  }),
  whoIsOnCall: op({
    input: WhoIsOnCallInput,
    summary: 'Who is on call at an instant (default now), per schedule.',
    access: 'read',
    handler: (input, { rosters }) => rosters.whoIsOnCall(input),
  }),
  scheduleShifts: op({
    input: ScheduleShiftsInput,
    summary: 'The final shifts of a schedule in a range, and each layer’s.',
    access: 'read',
    handler: (input, { rosters }) => rosters.timeline(input),
  }),
  nowBoard: op({
    input: NowBoardInput,
    summary: 'Per team: who is on call, who is next, and the escalation chain.',
    access: 'read',
    handler: (input, { rosters }) => rosters.nowBoard(input.at),
  }),
  createOverride: op({
    input: CreateOverrideInput,
    summary: 'Someone covers a schedule for a while; refused if it overlaps another override.',
    access: 'write',
    handler: (input, { rosters }) => rosters.createOverride(input),
    emits: rostersChanged,
  }),
  deleteOverride: op({
    input: DeleteOverrideInput,
    summary: 'Remove an override.',
    access: 'write',
    handler: (input, { rosters }) => {
      rosters.deleteOverride(input.id);
      return { deleted: true as const };
    },
    emits: rostersChanged,
  }),
  scheduleIcal: op({
    input: IcalInput,
    summary: 'An iCalendar file of a schedule’s shifts (optionally one person’s).',
    access: 'read',
    handler: async (input, { rosters }) => ({ ics: await rosters.ical(input) }),
  }),
  loadReport: op({
    input: LoadReportInput,
    summary: 'Hours on call per person, split into business, off and sleep hours.',
    access: 'read',
    handler: (input, { rosters }) => rosters.loadReport(input),
  }),
};
