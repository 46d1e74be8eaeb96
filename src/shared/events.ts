/** Pushed from the core to every open console when stored data changes. */
export type ChangeEvent = ChangeEventBody & {
  /** The id the console gave the request that caused this change (its own echo), if any. */
  requestId?: string;
};

export type ChangeEventBody =
  | { type: 'runbooks.changed' }
  | { type: 'rosters.changed' }
  | { type: 'workspace.changed' }
  /** The break-glass file was rewritten in the background, or a rewrite failed: its status changed. */
  | { type: 'breakglass.changed' }
  /** Something happened in one incident (a new event, a state change). */
  | { type: 'incident.changed'; id: number; eventId?: number }
  /** A drill run changed: clock state, an inject fired, an observation. */
  | { type: 'drill.changed'; id: number }
  /** Drill scenarios changed: one was written, changed or imported. */
  | { type: 'scenarios.changed' }
  /** An incident's post-mortem or its action items changed. */
  | { type: 'postmortem.changed'; incidentId: number }
  /** SLO definitions, SLI data or exclusions changed: budgets may have moved. */
  | { type: 'slos.changed' }
  /** Changes, their logs, freeze and peak windows or external change events changed; `id` names the one change when one did. */
  | { type: 'changes.changed'; id?: number }
  /** A sync of the team workspace started, finished or failed, or a conflict was settled: the sync indicator changed. */
  | { type: 'sync.changed' }
  /** A backup was made in the data folder. */
  | { type: 'backups.changed' }
  /** A backup was restored in place of the store: everything a console holds is stale. */
  | { type: 'store.replaced' };

/** The HTTP header (web mode) carrying the id a console gives each request; change events it causes carry the id back. */
export const REQUEST_ID_HEADER = 'X-Holdfast-Request';
