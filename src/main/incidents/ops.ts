/** Incidents' operations (see src/main/operations/op.ts for what a declaration holds). */
import type { ChangeEventBody } from '../../shared/events';
import {
  AcknowledgeInput,
  AssignRoleInput,
  AttachRunbookInput,
  ChangeSeverityInput,
  SetImpactInput,
  ChangeStatusInput,
  CorrectEventInput,
  DeclareIncidentInput,
  DraftStatusUpdateInput,
  IncidentIdInput,
  ListIncidentsInput,
  LogNoteInput,
  MarkKeyInput,
  SearchIncidentsInput,
  SetStepStateInput,
  SettleConcurrentInput,
  StatusUpdateInput,
  SuggestRunbooksInput,
  TimelineInput,
  UpdateIncidentSettingsInput,
  type TimelineEvent,
} from '../../shared/incidents';
import { EmptyInput } from '../../shared/workspace';
import { op } from '../operations/context';
import { incidentSettings, updateIncidentSettings } from './settings';

/** A new event on an incident's timeline: consoles showing the incident fetch that event. */
const logged = (_input: unknown, event: TimelineEvent): ChangeEventBody[] => [{ type: 'incident.changed', id: event.incidentId, eventId: event.id }];

export const incidentOps = {
  declareIncident: op({
    input: DeclareIncidentInput,
    summary: 'Declare an incident: title, severity, affected services.',
    access: 'write',
    handler: (input, { incidents }) => incidents.declare(input),
    emits: (_input, incident) => [{ type: 'incident.changed', id: incident.id }],
  }),
  listIncidents: op({
    input: ListIncidentsInput,
    summary: 'Incidents, open ones first (drills only when asked).',
    access: 'read',
    handler: (input, { incidents }) => incidents.list(input.open, input.includeDrills),
  }),
  getIncident: op({
    input: IncidentIdInput,
    summary: 'One incident: state, roles, attached runbooks with step states.',
    access: 'read',
    handler: (input, { incidents }) => incidents.get(input.id),
  }),
  getTimeline: op({
    input: TimelineInput,
    summary: 'An incident’s timeline, oldest first, optionally filtered.',
    access: 'read',
    handler: (input, { incidents }) => incidents.timeline(input.id, input.filter),
  }),
  logNote: op({
    input: LogNoteInput,
    summary: 'Add a note to the timeline.',
    access: 'write',
    handler: (input, { incidents }) => incidents.note(input.id, input.text, input.actor),
    emits: logged,
  }),
  acknowledgeIncident: op({
    input: AcknowledgeInput,
    summary: 'Record that a responder has acknowledged the incident.',
    access: 'write',
    handler: (input, { incidents }) => incidents.acknowledge(input.id, input.actor),
    emits: logged,
  }),
  changeSeverity: op({
    input: ChangeSeverityInput,
    summary: 'Change the severity.',
    access: 'write',
    handler: (input, { incidents }) => incidents.changeSeverity(input.id, input.severity, input.actor),
    emits: logged,
  }),
  setIncidentImpact: op({
    input: SetImpactInput,
    summary: 'Record when users were first hurt and how much (a partial impact in %), as the services’ SLOs count it.',
    access: 'write',
    handler: (input, { incidents }) => incidents.setImpact(input),
    emits: logged,
  }),
  assignRole: op({
    input: AssignRoleInput,
    summary: 'Assign a role (commander, operations, communications, scribe or custom); handovers are logged.',
    access: 'write',
    handler: (input, { incidents }) => incidents.assignRole(input),
    emits: logged,
  }),
  attachRunbook: op({
    input: AttachRunbookInput,
    summary: 'Attach a runbook; its steps become the incident’s checklist as they are now.',
    access: 'write',
    handler: (input, { incidents }) => incidents.attachRunbook(input.id, input.runbookId, input.actor),
    emits: logged,
  }),
  setStepState: op({
    input: SetStepStateInput,
    summary: 'Start, finish, skip or fail a step.',
    access: 'write',
    handler: (input, { incidents }) => incidents.setStepState(input),
    emits: logged,
  }),
  changeStatus: op({
    input: ChangeStatusInput,
    summary: 'Move through investigating, identified, monitoring and resolved (which needs a summary).',
    access: 'write',
    handler: (input, { incidents }) => incidents.changeStatus(input),
    emits: logged,
  }),
  settleConcurrentChange: op({
    input: SettleConcurrentInput,
    summary: 'Choose between a status or severity changed on two machines at once: the chosen change is recorded after both, settling it.',
    access: 'write',
    handler: (input, { incidents }) => incidents.settleConcurrent(input),
    emits: logged,
  }),
  postStatusUpdate: op({
    input: StatusUpdateInput,
    summary: 'Log a status update sent to people.',
    access: 'write',
    handler: (input, { incidents }) => incidents.postStatusUpdate(input),
    emits: logged,
  }),
  draftStatusUpdate: op({
    input: DraftStatusUpdateInput,
    summary: 'A status update filled in from the workspace’s template.',
    // Fills in a template and returns the text; nothing is logged.
    access: 'read',
    handler: (input, { incidents }) => ({ text: incidents.draftStatusUpdate(input) }),
  }),
  markKey: op({
    input: MarkKeyInput,
    summary: 'Mark or unmark an event as key.',
    access: 'write',
    handler: (input, { incidents }) => incidents.markKey(input),
    emits: logged,
  }),
  correctEvent: op({
    input: CorrectEventInput,
    summary: 'Correct an event: a new event supersedes it; the original stays in history.',
    access: 'write',
    handler: (input, { incidents }) => incidents.correct(input),
    emits: logged,
  }),
  suggestResponders: op({
    input: IncidentIdInput,
    summary: 'Who is on call now for the incident’s services, with escalation chains.',
    access: 'read',
    handler: (input, { incidents }) => incidents.suggestResponders(input.id),
  }),
  suggestRunbooks: op({
    input: SuggestRunbooksInput,
    summary: 'Runbooks for the incident’s services, then those tagged with a service or a title word, then matches for a query.',
    access: 'read',
    handler: (input, { incidents }) => incidents.suggestRunbooks(input.id, input.query),
  }),
  searchIncidents: op({
    input: SearchIncidentsInput,
    summary: 'Search past incidents and post-mortems by words, service, severity and date.',
    access: 'read',
    handler: (input, { incidents }) => incidents.search(input),
  }),
  similarIncidents: op({
    input: IncidentIdInput,
    summary: 'Earlier incidents sharing a service or words of the title.',
    access: 'read',
    handler: (input, { incidents }) => incidents.similar(input.id),
  }),
  getIncidentSettings: op({
    input: EmptyInput,
    summary: 'Severity levels and status update templates.',
    access: 'read',
    handler: (_input, { settings }) => incidentSettings(settings),
  }),
  updateIncidentSettings: op({
    input: UpdateIncidentSettingsInput,
    summary: 'Change severity descriptions, update cadences or templates.',
    access: 'write',
    handler: (input, { settings }) => {
      updateIncidentSettings(settings, input);
      return incidentSettings(settings);
    },
    // Other consoles' declare dialogs and update timers read these.
    emits: () => [{ type: 'workspace.changed' }],
  }),
};
