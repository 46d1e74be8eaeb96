/**
 * The contract of every operation Holdfast offers: its name, the zod schema of
 * its input and the type of its output. The core implements it (src/main/api.ts),
 * the Electron preload, the web server and the CLI expose it, and the renderer's
 * client is typed by it. Add an operation here and the compiler asks for the rest
 * (its handler in src/main/api.ts, and whether it reads or writes in ./access.ts).
 */
import { z } from 'zod';
import {
  DiffRunbookInput,
  ExportRunbooksInput,
  GetRunbookInput,
  ImportRunbooksInput,
  ListRunbooksInput,
  PreviewRunbookInput,
  RelatedRunbooksInput,
  RestoreRunbookInput,
  RunbookActionInput,
  RunbookAssetInput,
  RunbookRevisionInput,
  SaveRunbookInput,
  SearchRunbooksInput,
  type ExportReport,
  type ImportReport,
  type Runbook,
  type RunbookAsset,
  type RunbookDiff,
  type RunbookHit,
  type RunbookList,
  type RunbookPreview,
  type RunbookRevision,
  type RunbookRevisionInfo,
  type RunbookSummary,
} from './runbooks';
import {
  CreateOverrideInput,
  DeleteOverrideInput,
  IcalInput,
  LoadReportInput,
  NowBoardInput,
  RosterFileInput,
  ImportRosterInput,
  ScheduleShiftsInput,
  WhoIsOnCallInput,
  type LoadReportRow,
  type OnCallEntry,
  type Override,
  type Roster,
  type RosterImportReport,
  type ScheduleTimeline,
  type TeamBoard,
} from './rosters';
import {
  AcknowledgeInput,
  AssignRoleInput,
  AttachRunbookInput,
  ChangeSeverityInput,
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
  StatusUpdateInput,
  SuggestRunbooksInput,
  TimelineInput,
  UpdateIncidentSettingsInput,
  type Incident,
  type IncidentSettings,
  type IncidentSummary,
  type ResponderSuggestion,
  type TimelineEvent,
} from './incidents';
import {
  ExportPostmortemInput,
  ListActionItemsInput,
  MetricsInput,
  PostmortemInput,
  SaveActionItemInput,
  SavePostmortemInput,
  type ActionItem,
  type IncidentMetrics,
  type Postmortem,
} from './postmortems';
import {
  ExportScorecardInput,
  ImportScenarioInput,
  ImportScenarioTextInput,
  InjectActionInput,
  ObservationInput,
  RunIdInput,
  SaveScenarioInput,
  ScenarioIdInput,
  StartDrillInput,
  StopDrillInput,
  type DrillRun,
  type DrillScenario,
  type ScenarioImport,
  type Scorecard,
  type ScorecardFile,
} from './drills';
import type { Session } from './access';
import { RestoreBackupInput, type RecoveryState, type RestoreReport } from './recovery';
import { ExportBreakGlassInput, type BreakGlassReport } from './breakglass';
import { CreateBackupInput, EmptyInput, UpdateSettingsInput, type BackupInfo, type WorkspaceInfo } from './workspace';

export interface OperationSpec<I extends z.ZodType, O> {
  input: I;
  summary: string;
  /** Never set: carries the output type. */
  readonly output?: O;
}

const returns =
  <O>() =>
  <I extends z.ZodType>(input: I, summary: string): OperationSpec<I, O> => ({ input, summary });

export const contract = {
  getSession: returns<Session>()(EmptyInput, 'Who this console is: a responder (may change things) or a viewer (read-only).'),
  getWorkspace: returns<WorkspaceInfo>()(EmptyInput, 'Where the data lives and what it holds.'),
  loadDemoWorkspace: returns<WorkspaceInfo>()(EmptyInput, 'Add the sample runbooks of the demo workspace.'),
  updateSettings: returns<WorkspaceInfo>()(UpdateSettingsInput, 'Change the default author or the procedure headings (steps are re-extracted).'),
  clearDemoWorkspace: returns<WorkspaceInfo>()(EmptyInput, 'Remove the demo workspace’s sample data, keeping everything else.'),
  listRunbooks: returns<RunbookList>()(ListRunbooksInput, 'List runbooks by tag, service, group, review status or archive, with facet counts.'),
  searchRunbooks: returns<RunbookHit[]>()(SearchRunbooksInput, 'Full-text search over runbooks, best match first; corrects misspellings when nothing matches.'),
  getRunbook: returns<Runbook>()(GetRunbookInput, 'One runbook with its metadata, Markdown, sections and steps.'),
  relatedRunbooks: returns<RunbookSummary[]>()(RelatedRunbooksInput, 'Runbooks sharing services or tags with one runbook.'),
  getRunbookAsset: returns<RunbookAsset>()(RunbookAssetInput, 'An image imported with a runbook, by its relative path.'),
  previewRunbook: returns<RunbookPreview>()(PreviewRunbookInput, 'The sections and steps a Markdown body would have, without saving.'),
  saveRunbook: returns<Runbook>()(SaveRunbookInput, 'Create a runbook, or save a new revision of one.'),
  duplicateRunbook: returns<Runbook>()(RunbookActionInput, 'Copy a runbook into a new one.'),
  archiveRunbook: returns<Runbook>()(RunbookActionInput, 'Archive a runbook: hidden from the library and search, never deleted.'),
  unarchiveRunbook: returns<Runbook>()(RunbookActionInput, 'Bring an archived runbook back.'),
  listRunbookRevisions: returns<RunbookRevisionInfo[]>()(GetRunbookInput, 'Every saved revision of a runbook, newest first.'),
  getRunbookRevision: returns<RunbookRevision>()(RunbookRevisionInput, 'One revision with its full Markdown.'),
  diffRunbookRevisions: returns<RunbookDiff>()(DiffRunbookInput, 'What changed between two revisions.'),
  restoreRunbookRevision: returns<Runbook>()(RestoreRunbookInput, 'Save an old revision again as the newest one.'),
  importRunbooks: returns<ImportReport>()(ImportRunbooksInput, 'Import Markdown runbooks from files or folders (recursively).'),
  exportRunbooks: returns<ExportReport>()(ExportRunbooksInput, 'Write every runbook as Markdown with front matter into a folder, in the layout it came from.'),
  getRoster: returns<Roster>()(EmptyInput, 'People, teams, schedules, overrides and escalation policies.'),
  importRoster: returns<RosterImportReport>()(ImportRosterInput, 'Make the roster what a YAML roster file says (a backup first if it removes anything); refused whole if it has any problem. dryRun only reports what it would do.'),
  exportRoster: returns<{ yaml: string }>()(EmptyInput, 'The roster as a YAML roster file.'),
  importPeopleCsv: returns<{ people: number }>()(RosterFileInput, 'Add or update people from a CSV file.'),
  whoIsOnCall: returns<OnCallEntry[]>()(WhoIsOnCallInput, 'Who is on call at an instant (default now), per schedule.'),
  scheduleShifts: returns<ScheduleTimeline>()(ScheduleShiftsInput, 'The final shifts of a schedule in a range, and each layer’s.'),
  nowBoard: returns<TeamBoard[]>()(NowBoardInput, 'Per team: who is on call, who is next, and the escalation chain.'),
  createOverride: returns<Override>()(CreateOverrideInput, 'Someone covers a schedule for a while; refused if it overlaps another override.'),
  deleteOverride: returns<{ deleted: true }>()(DeleteOverrideInput, 'Remove an override.'),
  scheduleIcal: returns<{ ics: string }>()(IcalInput, 'An iCalendar file of a schedule’s shifts (optionally one person’s).'),
  loadReport: returns<LoadReportRow[]>()(LoadReportInput, 'Hours on call per person, split into business, off and sleep hours.'),
  declareIncident: returns<Incident>()(DeclareIncidentInput, 'Declare an incident: title, severity, affected services.'),
  listIncidents: returns<IncidentSummary[]>()(ListIncidentsInput, 'Incidents, open ones first (drills only when asked).'),
  getIncident: returns<Incident>()(IncidentIdInput, 'One incident: state, roles, attached runbooks with step states.'),
  getTimeline: returns<TimelineEvent[]>()(TimelineInput, 'An incident’s timeline, oldest first, optionally filtered.'),
  logNote: returns<TimelineEvent>()(LogNoteInput, 'Add a note to the timeline.'),
  acknowledgeIncident: returns<TimelineEvent>()(AcknowledgeInput, 'Record that a responder has acknowledged the incident.'),
  changeSeverity: returns<TimelineEvent>()(ChangeSeverityInput, 'Change the severity.'),
  assignRole: returns<TimelineEvent>()(AssignRoleInput, 'Assign a role (commander, operations, communications, scribe or custom); handovers are logged.'),
  attachRunbook: returns<TimelineEvent>()(AttachRunbookInput, 'Attach a runbook; its steps become the incident’s checklist as they are now.'),
  setStepState: returns<TimelineEvent>()(SetStepStateInput, 'Start, finish, skip or fail a step.'),
  changeStatus: returns<TimelineEvent>()(ChangeStatusInput, 'Move through investigating, identified, monitoring and resolved (which needs a summary).'),
  postStatusUpdate: returns<TimelineEvent>()(StatusUpdateInput, 'Log a status update sent to people.'),
  draftStatusUpdate: returns<{ text: string }>()(DraftStatusUpdateInput, 'A status update filled in from the workspace’s template.'),
  markKey: returns<TimelineEvent>()(MarkKeyInput, 'Mark or unmark an event as key.'),
  correctEvent: returns<TimelineEvent>()(CorrectEventInput, 'Correct an event: a new event supersedes it; the original stays in history.'),
  suggestResponders: returns<ResponderSuggestion[]>()(IncidentIdInput, 'Who is on call now for the incident’s services, with escalation chains.'),
  suggestRunbooks: returns<RunbookSummary[]>()(SuggestRunbooksInput, 'Runbooks for the incident’s services, then those tagged with a service or a title word, then matches for a query.'),
  searchIncidents: returns<{ incident: IncidentSummary; snippet: string }[]>()(SearchIncidentsInput, 'Search past incidents and post-mortems by words, service, severity and date.'),
  similarIncidents: returns<IncidentSummary[]>()(IncidentIdInput, 'Earlier incidents sharing a service or words of the title.'),
  getIncidentSettings: returns<IncidentSettings>()(EmptyInput, 'Severity levels and status update templates.'),
  updateIncidentSettings: returns<IncidentSettings>()(UpdateIncidentSettingsInput, 'Change severity descriptions, update cadences or templates.'),
  getPostmortem: returns<Postmortem>()(PostmortemInput, 'The post-mortem draft of an incident, written from its record the first time.'),
  regeneratePostmortem: returns<Postmortem>()(PostmortemInput, 'Refresh the sections drawn from the record that nobody has edited.'),
  savePostmortem: returns<Postmortem>()(SavePostmortemInput, 'Save edited sections, the review status or the authors.'),
  exportPostmortem: returns<{ content: string }>()(ExportPostmortemInput, 'The post-mortem as GitHub-flavoured Markdown or one self-contained HTML file.'),
  listActionItems: returns<ActionItem[]>()(ListActionItemsInput, 'Action items across incidents: open, overdue, by owner.'),
  saveActionItem: returns<ActionItem>()(SaveActionItemInput, 'Add or change an action item of an incident.'),
  incidentMetrics: returns<IncidentMetrics>()(MetricsInput, 'Incidents per week by severity, MTTA and MTTR overall and per service (drills excluded).'),
  listDrillScenarios: returns<DrillScenario[]>()(EmptyInput, 'Drill scenarios, with when each was last run.'),
  saveDrillScenario: returns<DrillScenario>()(SaveScenarioInput, 'Create or change a drill scenario.'),
  importDrillScenario: returns<ScenarioImport>()(ImportScenarioInput, 'Import a scenario from Markdown (docs/drill-format.md); same title updates it, after a backup.'),
  exportDrillScenario: returns<{ markdown: string }>()(ScenarioIdInput, 'A scenario as Markdown with front matter.'),
  pickDrillScenario: returns<DrillScenario>()(EmptyInput, 'Wheel of misfortune: a random scenario, favouring the least recently drilled.'),
  startDrill: returns<DrillRun>()(StartDrillInput, 'Start a drill: opens a DRILL incident and starts the drill clock.'),
  getDrill: returns<DrillRun>()(RunIdInput, 'A drill run: clock, injects, observations.'),
  listDrillRuns: returns<DrillRun[]>()(z.object({ scenarioId: z.number().int().positive().optional() }).strict(), 'Drills running now, or every run of one scenario.'),
  pauseDrill: returns<DrillRun>()(RunIdInput, 'Pause the drill clock.'),
  resumeDrill: returns<DrillRun>()(RunIdInput, 'Resume the drill clock.'),
  stopDrill: returns<DrillRun>()(StopDrillInput, 'Stop the drill (at the clock reading the facilitator confirmed, if given).'),
  drillInject: returns<DrillRun>()(InjectActionInput, 'Fire an inject now, hold it, or release a held one.'),
  drillObservation: returns<DrillRun>()(ObservationInput, 'A timestamped facilitator observation.'),
  drillScorecard: returns<Scorecard>()(RunIdInput, 'Times against the scenario’s targets, steps, injects and observations.'),
  drillTrends: returns<Scorecard[]>()(ScenarioIdInput, 'Every run of a scenario’s scorecard, oldest first.'),
  importDrillScenarioText: returns<ScenarioImport>()(ImportScenarioTextInput, 'Import a scenario from Markdown text (a file chosen in the app); same title updates it, after a backup.'),
  exportDrillScorecard: returns<ScorecardFile>()(ExportScorecardInput, 'A drill’s scorecard as a Markdown or CSV file.'),
  createBackup: returns<BackupInfo>()(CreateBackupInput, 'A consistent copy of the store (SQLite online backup), by default in the backups folder.'),
  listBackups: returns<BackupInfo[]>()(EmptyInput, 'Backups in the data folder, newest first.'),
  exportBreakGlass: returns<BreakGlassReport>()(ExportBreakGlassInput, 'Write the break-glass file (every runbook, the next 30 days on call, escalation and contacts in one offline HTML page) into a folder.'),
  recoveryState: returns<RecoveryState>()(EmptyInput, 'Whether the store’s file is damaged; if so, where it is and every backup, checked, newest first.'),
  restoreBackup: returns<RestoreReport>()(RestoreBackupInput, 'Put one of the data folder’s backups in place of the store (a damaged store is moved aside, never deleted) and open it.'),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
/** What a caller sends (defaults not yet applied). */
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives, after the schema has parsed it. */
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends OperationName> = Contract[N] extends OperationSpec<z.ZodType, infer O> ? O : never;

export const operationNames = Object.keys(contract) as OperationName[];

export const isOperationName = (name: string): name is OperationName => Object.hasOwn(contract, name);

/** The IPC channel an operation travels on in the desktop app. */
export const ipcChannel = (name: OperationName): string => `holdfast:op:${name}`;
export const IPC_EVENT_CHANNEL = 'holdfast:event';
