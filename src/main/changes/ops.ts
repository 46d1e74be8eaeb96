/** Changes' operations: records, the walk, windows, change events, the calendar and "what changed?" (see src/main/operations/op.ts). */
import {
  ChangeCalendarInput,
  ChangeIdInput,
  CreateChangeInput,
  ImportChangeEventsInput,
  ListChangesInput,
  ListWindowsInput,
  OverrideChangeInput,
  PostChangeEventInput,
  RecordGateInput,
  RemoveWindowInput,
  WalkChangeInput,
  WhatChangedInput,
  WindowInput,
} from '../../shared/changes';
import type { ChangeEventBody } from '../../shared/events';
import { op } from '../operations/context';

/** One change changed (its record or log): consoles showing it, the list, the calendar and "what changed?" read again. */
const changed = (_input: unknown, output: { change: { id: number } } | { id: number }): ChangeEventBody[] => [
  { type: 'changes.changed', id: 'change' in output ? output.change.id : output.id },
];
/** Windows or change events changed: every verdict, the calendar and "what changed?" may read differently. */
const allChanged = (): ChangeEventBody[] => [{ type: 'changes.changed' }];

export const changeOps = {
  listChanges: op({
    input: ListChangesInput,
    summary: 'Changes planned in a range (all when none is given), on one service if named, with their verdicts.',
    access: 'read',
    handler: (input, { changes }) => changes.list(input),
  }),
  getChange: op({
    input: ChangeIdInput,
    summary: 'One change with its log, its tiers and gates, its verdict and the steps the walk allows now.',
    access: 'read',
    handler: (input, { changes }) => changes.view(input.id),
  }),
  checkChange: op({
    input: ChangeIdInput,
    summary: 'The five rules’ verdicts on a change now, and the change’s: the worst of them.',
    access: 'read',
    handler: (input, { changes }) => changes.check(input.id),
  }),
  createChange: op({
    input: CreateChangeInput,
    summary: 'Plan a change: its services, type, risk, window, plan and rollback runbooks and tiers.',
    access: 'write',
    handler: (input, { changes }) => changes.create(input),
    emits: changed,
  }),
  walkChange: op({
    input: WalkChangeInput,
    summary: 'Walk a change one step: schedule, start, promote, complete, roll back, cancel or a note.',
    access: 'write',
    handler: (input, { changes }) => changes.walk(input),
    emits: changed,
  }),
  recordGate: op({
    input: RecordGateInput,
    summary: 'Record a tier’s gate: its service checks passed or failed, with the evidence.',
    access: 'write',
    handler: (input, { changes }) => changes.gate(input),
    emits: changed,
  }),
  overrideChange: op({
    input: OverrideChangeInput,
    summary: 'Override a rule’s block on a change, with a reason and a second person who approves it.',
    access: 'write',
    handler: (input, { changes }) => changes.override(input),
    emits: changed,
  }),
  addChangeWindow: op({
    input: WindowInput,
    summary: 'Add a freeze or peak window, one-off or recurring.',
    access: 'write',
    handler: (input, { changes }) => changes.addWindow(input),
    emits: allChanged,
  }),
  listChangeWindows: op({
    input: ListWindowsInput,
    summary: 'Freeze and peak windows, or those in force at an instant.',
    access: 'read',
    handler: (input, { changes }) => changes.listWindows(input.at),
  }),
  removeChangeWindow: op({
    input: RemoveWindowInput,
    summary: 'Remove a freeze or peak window.',
    access: 'write',
    handler: (input, { changes }) => changes.removeWindow(input.id),
    emits: allChanged,
  }),
  importChangeEvents: op({
    input: ImportChangeEventsInput,
    summary: 'Import external change events (deploys, flag flips) from a JSON Lines file.',
    access: 'write',
    handler: (input, { changes }) => changes.importEvents(input.path),
    emits: allChanged,
  }),
  postChangeEvent: op({
    input: PostChangeEventInput,
    summary: 'Record one external change event (PagerDuty’s change-event shape), as a script posts it.',
    access: 'write',
    handler: (input, { changes }) => changes.postEvent(input.event),
    emits: allChanged,
  }),
  changeCalendar: op({
    input: ChangeCalendarInput,
    summary: 'Planned changes and freeze and peak windows per service in a range, with conflicts.',
    access: 'read',
    handler: (input, { changes }) => changes.calendar(input),
  }),
  changeCalendarIcal: op({
    input: ChangeCalendarInput,
    summary: 'The change calendar as an iCal file.',
    access: 'read',
    handler: (input, { changes }) => ({ ics: changes.ical(input) }),
  }),
  whatChanged: op({
    input: WhatChangedInput,
    summary: 'The changes and change events on an incident’s services before and while it ran, each with why.',
    access: 'read',
    handler: (input, { changes }) => changes.whatChanged(input.incidentId, input.lookBackHours),
  }),
};
