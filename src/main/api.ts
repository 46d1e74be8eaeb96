/**
 * The API table: one handler per operation of the contract (src/shared/contract.ts).
 * The Electron shell, the web server and the CLI all call `dispatch`, which parses
 * the input with the operation's zod schema, runs the handler and returns a Result.
 */
import path from 'node:path';
import {
  contract,
  isOperationName,
  operationNames,
  type InputOf,
  type OperationName,
  type OutputOf,
  type ParsedInputOf,
} from '../shared/contract';
import { refusal, RESPONDER, type Session } from '../shared/access';
import { fail, ok, type Result } from '../shared/result';
import { READABLE } from '../shared/issue-words';
import type { ScenarioImport } from '../shared/drills';
import type { TimelineEvent } from '../shared/incidents';
import type { WorkspaceInfo } from '../shared/workspace';
import type { Core } from './core/core';
import { APP_VERSION } from './core/version';
import { HoldfastError, internalMessage, toApiError, validationError } from './errors';
import { writeBreakGlass } from './breakglass/write';
import { backupBeforeRemoval, createBackup, listBackups } from './store/backup';
import { removedCount } from '../shared/rosters';
import { schemaVersion } from './store/migrate';
import { incidentSettings, updateIncidentSettings } from './incidents/settings';
import { incidentMetrics } from './postmortems/metrics';
import { exportScorecard } from './drills/scorecard-export';
import { runFor, scorecardFor } from './drills/viewer';
import { exportRunbooks } from './runbooks/export';
import { importRunbooks } from './runbooks/import';
import { clearDemo, DEMO_ROSTER, hasDemo, loadDemo } from './workspace/demo';
import { writeTransaction } from './store/transaction';

type Handler<N extends OperationName> = (input: ParsedInputOf<N>, core: Core, session: Session) => OutputOf<N> | Promise<OutputOf<N>>;

export const handlers: { [N in OperationName]: Handler<N> } = {
  getSession: (_input, _core, session) => ({ role: session.role }),
  getWorkspace: (_input, core) => workspaceInfo(core),
  loadDemoWorkspace: (_input, core) => {
    loadDemo(core);
    core.events.emit({ type: 'runbooks.changed' });
    core.events.emit({ type: 'rosters.changed' });
    return workspaceInfo(core);
  },
  updateSettings: (input, core) => {
    // First: the only change that can fail on the machine (the folder must take the file), before anything is saved.
    if (input.breakGlassPath !== undefined) core.breakGlass.setFolder(input.breakGlassPath);
    if (input.author !== undefined) {
      core.settings.setAuthor(input.author);
      core.events.emit({ type: 'workspace.changed' });
    }
    if (input.procedureHeadings !== undefined) {
      writeTransaction(core.store, () => {
        core.settings.setProcedureHeadings(input.procedureHeadings ?? []);
        core.runbooks.reindex();
      });
      core.events.emit({ type: 'runbooks.changed' });
    }
    return workspaceInfo(core);
  },
  clearDemoWorkspace: (_input, core) => {
    clearDemo(core);
    core.events.emit({ type: 'runbooks.changed' });
    core.events.emit({ type: 'rosters.changed' });
    return workspaceInfo(core);
  },
  listRunbooks: (input, core) => core.runbooks.list(input),
  searchRunbooks: (input, core) => core.runbooks.search(input),
  getRunbook: (input, core) => core.runbooks.get(input.id),
  relatedRunbooks: (input, core) => core.runbooks.related(input.id, input.limit),
  getRunbookAsset: (input, core) => core.runbooks.asset(input.id, input.path),
  previewRunbook: (input, core) => core.runbooks.preview(input.body),
  saveRunbook: async (input, core) => changed(core, await core.runbooks.save(input)),
  duplicateRunbook: async (input, core) => changed(core, await core.runbooks.duplicate(input.id, input.author)),
  archiveRunbook: (input, core) => changed(core, core.runbooks.setArchived(input.id, true)),
  unarchiveRunbook: (input, core) => changed(core, core.runbooks.setArchived(input.id, false)),
  listRunbookRevisions: (input, core) => core.runbooks.listRevisions(input.id),
  getRunbookRevision: (input, core) => core.runbooks.revision(input.id, input.number),
  diffRunbookRevisions: (input, core) => core.runbooks.diff(input.id, input.from, input.to),
  restoreRunbookRevision: async (input, core) => changed(core, await core.runbooks.restore(input.id, input.number, input.author)),
  importRunbooks: async (input, core) => {
    const report = await importRunbooks(core.runbooks, input.paths, input.author ?? core.settings.author());
    if (report.imported + report.updated + report.groups.length > 0) core.events.emit({ type: 'runbooks.changed' });
    return report;
  },
  exportRunbooks: (input, core) => exportRunbooks(core.runbooks, input.dir, input.includeArchived),
  getRoster: (_input, core) => core.rosters.roster(),
  importRoster: async (input, core) => {
    const plan = core.rosters.planImport(input.path);
    if (input.dryRun) return plan.report;
    // Whatever the file no longer has is removed: keep a copy of the store first, so that can be undone.
    const backup = removedCount(plan.report) > 0 ? await backupBeforeRemoval(core.store, core.options.dataDir, core.clock.now(), 'roster-import') : null;
    const report = core.rosters.apply(plan, backup?.file ?? null);
    core.settings.delete(DEMO_ROSTER); // the roster is the user's now
    return rosterChanged(core, report);
  },
  exportRoster: (_input, core) => ({ yaml: core.rosters.exportYaml() }),
  importPeopleCsv: (input, core) => rosterChanged(core, { people: core.rosters.importPeopleCsv(input.path) }),
  whoIsOnCall: (input, core) => core.rosters.whoIsOnCall(input),
  scheduleShifts: (input, core) => core.rosters.timeline(input),
  nowBoard: (input, core) => core.rosters.nowBoard(input.at),
  createOverride: (input, core) => rosterChanged(core, core.rosters.createOverride(input)),
  deleteOverride: (input, core) => {
    core.rosters.deleteOverride(input.id);
    return rosterChanged(core, { deleted: true as const });
  },
  scheduleIcal: (input, core) => ({ ics: core.rosters.ical(input) }),
  loadReport: (input, core) => core.rosters.loadReport(input),
  declareIncident: (input, core) => {
    const incident = core.incidents.declare(input);
    core.events.emit({ type: 'incident.changed', id: incident.id });
    return incident;
  },
  listIncidents: (input, core) => core.incidents.list(input.open, input.includeDrills),
  getIncident: (input, core) => core.incidents.get(input.id),
  getTimeline: (input, core) => core.incidents.timeline(input.id, input.filter),
  logNote: (input, core) => logged(core, core.incidents.note(input.id, input.text, input.actor)),
  acknowledgeIncident: (input, core) => logged(core, core.incidents.acknowledge(input.id, input.actor)),
  changeSeverity: (input, core) => logged(core, core.incidents.changeSeverity(input.id, input.severity, input.actor)),
  assignRole: (input, core) => logged(core, core.incidents.assignRole(input)),
  attachRunbook: (input, core) => logged(core, core.incidents.attachRunbook(input.id, input.runbookId, input.actor)),
  setStepState: (input, core) => logged(core, core.incidents.setStepState(input)),
  changeStatus: (input, core) => logged(core, core.incidents.changeStatus(input)),
  postStatusUpdate: (input, core) => logged(core, core.incidents.postStatusUpdate(input)),
  draftStatusUpdate: (input, core) => ({ text: core.incidents.draftStatusUpdate(input) }),
  markKey: (input, core) => logged(core, core.incidents.markKey(input)),
  correctEvent: (input, core) => logged(core, core.incidents.correct(input)),
  suggestResponders: (input, core) => core.incidents.suggestResponders(input.id),
  suggestRunbooks: (input, core) => core.incidents.suggestRunbooks(input.id, input.query),
  searchIncidents: (input, core) => core.incidents.search(input),
  similarIncidents: (input, core) => core.incidents.similar(input.id),
  getIncidentSettings: (_input, core) => incidentSettings(core.settings),
  getPostmortem: (input, core) => core.postmortems.get(input.incidentId),
  regeneratePostmortem: (input, core) => core.postmortems.regenerate(input.incidentId),
  savePostmortem: (input, core) => core.postmortems.save(input),
  exportPostmortem: (input, core) => ({
    content: input.format === 'md' ? core.postmortems.markdown(input.incidentId) : core.postmortems.html(input.incidentId),
  }),
  listActionItems: (input, core) => core.postmortems.actionItems(input),
  saveActionItem: (input, core) => core.postmortems.saveActionItem(input),
  incidentMetrics: (input, core) => incidentMetrics(core.store, input, core.postmortems.repo.openActionItems()),
  listDrillScenarios: (_input, core) => core.drills.scenarios(),
  saveDrillScenario: (input, core) => core.drills.saveScenario(input),
  importDrillScenario: (input, core) => importScenario(core, core.drills.readScenarioFile(input.path), path.basename(input.path)),
  exportDrillScenario: (input, core) => ({ markdown: core.drills.exportScenario(input.id) }),
  pickDrillScenario: (_input, core) => core.drills.pickScenario(),
  startDrill: (input, core) => core.drills.start(input.scenarioId, input.actor),
  getDrill: (input, core, session) => runFor(session, core.drills.tick(input.id)),
  listDrillRuns: (input, core, session) => core.drills.runs(input.scenarioId).map((run) => runFor(session, run)),
  pauseDrill: (input, core) => core.drills.pause(input.id),
  resumeDrill: (input, core) => core.drills.resume(input.id),
  stopDrill: (input, core) => core.drills.stop(input.id, input.atSeconds),
  drillInject: (input, core) => core.drills.injectAction(input),
  drillObservation: (input, core) => core.drills.observe(input.id, input.text),
  drillScorecard: (input, core, session) => scorecardFor(session, core.drills.scorecard(input.id)),
  drillTrends: (input, core, session) =>
    core.drills
      .runs(input.id)
      .filter((run) => run.state === 'stopped')
      .map((run) => scorecardFor(session, core.drills.scorecard(run.id))),
  importDrillScenarioText: (input, core) => importScenario(core, input.markdown, input.fileName),
  exportDrillScorecard: (input, core, session) => exportScorecard(scorecardFor(session, core.drills.scorecard(input.id)), input.format),
  createBackup: (input, core) => createBackup(core.store, core.options.dataDir, core.clock.now(), input.file),
  listBackups: (_input, core) => listBackups(core.options.dataDir),
  exportBreakGlass: (input, core) => writeBreakGlass(core, input.dir),
  recoveryState: () => ({ damaged: false }),
  restoreBackup: () => {
    // Only the keeper of a running app can swap the store under its core (src/main/core/keeper.ts).
    throw new HoldfastError('CONFLICT', 'The store is open here: restore from the app’s Backups screen, or stop Holdfast and run holdfast backup restore FILE.');
  },
  updateIncidentSettings: (input, core) => {
    updateIncidentSettings(core.settings, input);
    // Other consoles' declare dialogs and update timers read these.
    core.events.emit({ type: 'workspace.changed' });
    return incidentSettings(core.settings);
  },
};

/** Imports a drill scenario; one that overwrites a stored scenario of the same title is preceded by a backup of the store. */
async function importScenario(core: Core, markdown: string, fileName: string): Promise<ScenarioImport> {
  const plan = core.drills.planScenarioImport(markdown, fileName);
  const backup = plan.overwrites ? await backupBeforeRemoval(core.store, core.options.dataDir, core.clock.now(), 'drill-import') : null;
  const scenario = core.drills.saveScenario({ ...plan.document, id: plan.replaces?.id });
  return { ...scenario, replaced: plan.overwrites ? { removedInjects: plan.removedInjects, backup: backup?.file ?? null } : null };
}

/** Announces a new event on an incident's timeline, and passes it through. */
function logged(core: Core, event: TimelineEvent): TimelineEvent {
  core.events.emit({ type: 'incident.changed', id: event.incidentId, eventId: event.id });
  return event;
}

/** Announces that the roster changed, and passes the operation's result through. */
function rosterChanged<T>(core: Core, value: T): T {
  core.events.emit({ type: 'rosters.changed' });
  return value;
}

/** Announces that runbooks changed, and passes the operation's result through. */
function changed<T>(core: Core, value: T): T {
  core.events.emit({ type: 'runbooks.changed' });
  return value;
}

function workspaceInfo(core: Core): WorkspaceInfo {
  return {
    appVersion: APP_VERSION,
    dataDir: core.options.dataDir,
    databaseFile: core.databaseFile,
    schemaVersion: schemaVersion(core.store),
    runbookCount: core.runbooks.repo.count(),
    hasDemo: hasDemo(core),
    author: core.settings.author(),
    procedureHeadings: [...core.settings.procedureHeadings()],
    breakGlass: core.breakGlass.status(),
  };
}

/**
 * Runs one operation by name on untrusted input for a session (a responder unless
 * told otherwise; see src/shared/access.ts). Never throws.
 */
export async function dispatch(core: Core, name: string, rawInput: unknown, session: Session = RESPONDER): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name;
    return fail('UNKNOWN_OPERATION', `Unknown operation "${shown}". Known operations: ${operationNames.join(', ')}.`);
  }
  const refused = refusal(session, name);
  if (refused) return fail('FORBIDDEN', refused);
  const parsed = contract[name].input.safeParse(rawInput ?? {}, READABLE);
  if (!parsed.success) return { ok: false, error: toApiError(validationError(parsed.error)) };
  try {
    const handler = handlers[name] as Handler<OperationName>;
    return ok(await handler(parsed.data as ParsedInputOf<OperationName>, core, session));
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code !== 'INTERNAL') return { ok: false, error: apiError };
    console.error(`[holdfast] ${name} failed:`, error);
    return { ok: false, error: { ...apiError, message: internalMessage(error instanceof Error ? error.message : String(error), contract[name].summary) } };
  }
}

/** `dispatch` with the types of the contract, for callers inside the core process. */
export function call<N extends OperationName>(core: Core, name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>> {
  return dispatch(core, name, input) as Promise<Result<OutputOf<N>>>;
}
