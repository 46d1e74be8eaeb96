/**
 * Who may call what. Every operation of the contract is classified here, once:
 * `read` operations only look, `write` operations change the store or write files
 * on the machine Holdfast runs on. A viewer session (the read-only link of
 * `holdfast web`, for a wall display) may call only `read` operations; `dispatch`
 * refuses the rest with FORBIDDEN before it looks at the input.
 *
 * The `satisfies` below makes an operation added to the contract without a class
 * here (or a name here that is not an operation) a compile error.
 */
import type { OperationName } from './contract';

/**
 * `script` operations only look, but at a drill's script (the scenarios, their
 * injects before they fire, the facilitator's notes): responders in a drill must
 * not see what is coming, so a viewer (a wall display in the drill room) may not.
 */
export type Access = 'read' | 'write' | 'script';

export const operationAccess = {
  getSession: 'read',
  getWorkspace: 'read',
  loadDemoWorkspace: 'write',
  updateSettings: 'write',
  clearDemoWorkspace: 'write',

  listRunbooks: 'read',
  searchRunbooks: 'read',
  getRunbook: 'read',
  relatedRunbooks: 'read',
  getRunbookAsset: 'read',
  /**
   * Changes nothing, but only the editor calls it, and reading a large body costs
   * seconds of work: a viewer link must not be able to ask for that.
   */
  previewRunbook: 'write',
  saveRunbook: 'write',
  duplicateRunbook: 'write',
  archiveRunbook: 'write',
  unarchiveRunbook: 'write',
  listRunbookRevisions: 'read',
  getRunbookRevision: 'read',
  diffRunbookRevisions: 'read',
  restoreRunbookRevision: 'write',
  importRunbooks: 'write',
  /** Writes files into a folder on the machine. */
  exportRunbooks: 'write',

  getRoster: 'read',
  importRoster: 'write',
  exportRoster: 'read',
  importPeopleCsv: 'write',
  whoIsOnCall: 'read',
  scheduleShifts: 'read',
  nowBoard: 'read',
  createOverride: 'write',
  deleteOverride: 'write',
  scheduleIcal: 'read',
  loadReport: 'read',

  declareIncident: 'write',
  listIncidents: 'read',
  getIncident: 'read',
  getTimeline: 'read',
  logNote: 'write',
  acknowledgeIncident: 'write',
  changeSeverity: 'write',
  assignRole: 'write',
  attachRunbook: 'write',
  setStepState: 'write',
  changeStatus: 'write',
  postStatusUpdate: 'write',
  /** Fills in a template and returns the text; nothing is logged. */
  draftStatusUpdate: 'read',
  markKey: 'write',
  correctEvent: 'write',
  suggestResponders: 'read',
  suggestRunbooks: 'read',
  searchIncidents: 'read',
  similarIncidents: 'read',
  getIncidentSettings: 'read',
  updateIncidentSettings: 'write',

  /** The first call writes the draft from the incident's record. */
  getPostmortem: 'write',
  regeneratePostmortem: 'write',
  savePostmortem: 'write',
  /** Goes through getPostmortem, so it may write the draft too. */
  exportPostmortem: 'write',
  listActionItems: 'read',
  saveActionItem: 'write',
  incidentMetrics: 'read',

  listDrillScenarios: 'script',
  saveDrillScenario: 'write',
  importDrillScenario: 'write',
  exportDrillScenario: 'script',
  /** A random pick; nothing is recorded until the drill starts. */
  pickDrillScenario: 'script',
  startDrill: 'write',
  /**
   * Fires injects that the drill clock has already made due, exactly as the
   * scheduler does on its next tick; it never starts, stops or changes a drill.
   * A viewer gets it without the script: no facilitator notes, no text of an
   * inject that has not fired.
   */
  getDrill: 'read',
  listDrillRuns: 'read',
  pauseDrill: 'write',
  resumeDrill: 'write',
  stopDrill: 'write',
  drillInject: 'write',
  drillObservation: 'write',
  drillScorecard: 'read',
  drillTrends: 'read',
  importDrillScenarioText: 'write',
  exportDrillScorecard: 'read',

  /** Writes a file on the machine. */
  createBackup: 'write',
  listBackups: 'read',
  /** Writes a file on the machine. */
  exportBreakGlass: 'write',
  recoveryState: 'read',
  /** Replaces the store with a backup. */
  restoreBackup: 'write',
} as const satisfies Record<OperationName, Access>;

/** The operations that change data, which a viewer may not call. */
export type WriteOperationName = { [N in OperationName]: (typeof operationAccess)[N] extends 'write' ? N : never }[OperationName];

export const ROLES = ['responder', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the desktop app, the CLI and the responder link of `holdfast web` are responders. */
export interface Session {
  role: Role;
}

export const RESPONDER: Session = { role: 'responder' };
export const VIEWER: Session = { role: 'viewer' };

export const isWriteOperation = (name: OperationName): boolean => operationAccess[name] === 'write';

/** Whether a session may call an operation. */
export const mayCall = (session: Session, name: OperationName): boolean => session.role === 'responder' || operationAccess[name] === 'read';

/**
 * Why a session may not call an operation (for FORBIDDEN), or null if it may. In
 * words a person reads on a screen: never the operation's internal name.
 */
export function refusal(session: Session, name: OperationName): string | null {
  if (mayCall(session, name)) return null;
  return operationAccess[name] === 'script'
    ? "This console is read-only (viewer link), and a drill's script (its scenarios, the injects before they fire, the facilitator's notes) is for the facilitator. Open the responder link to see it."
    : 'This console is read-only (viewer link): it cannot change anything. Open the responder link to make changes.';
}
