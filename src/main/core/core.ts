import path from 'node:path';
import type { BreakGlassRefresher } from '../breakglass/refresher';
import type { ChangeService } from '../changes/service';
import type { DrillService } from '../drills/service';
import type { IncidentService } from '../incidents/service';
import type { PostmortemService } from '../postmortems/service';
import type { RosterService } from '../rosters/service';
import type { RunbookLibrary } from '../runbooks/library';
import type { SloService } from '../slos/service';
import { createBackup, listBackups, pruneBackups } from '../store/backup';
import { closeStore, DATABASE_FILE, openStore, type CreatePolicy, type Store } from '../store/open';
import type { SyncScheduler } from '../sync/scheduler';
import { RUNBOOKS_READ_BORROWED_KEYS, RUNBOOKS_REINDEX, Settings, WORKSPACE_CREATED_AT } from '../workspace/settings';
import { systemClock, type Clock } from './clock';
import { domainModule, isLoaded } from './domains';
import { EventBus } from './events';
import type { ChangeEventBody } from '../../shared/events';
import { writeTransaction } from '../store/transaction';

const KEEP_BACKUPS = 7;

/** Changes to what the team workspace shares: each starts a background sync once things are quiet. */
const SHARED_CHANGES = new Set<ChangeEventBody['type']>(['runbooks.changed', 'rosters.changed', 'incident.changed', 'scenarios.changed', 'slos.changed', 'changes.changed']);

export interface CoreOptions {
  dataDir: string;
  /** The app's `assets` folder (demo workspace, templates). */
  assetsDir: string;
  nativeBinding?: string | undefined;
  clock?: Clock;
  /** Whether a missing store may be created (src/main/store/open.ts); only an app's first start or `init` says `always`. */
  create?: CreatePolicy;
}

/**
 * The composition root: one open store and the domain services over it, the
 * context of every operation's handler (OpContext). Each service is built on
 * first use from its domain's code, which is loaded on demand
 * (./domains.ts: the dispatcher loads what an operation needs, the app all).
 */
export class Core {
  readonly events = new EventBus();
  readonly settings: Settings;
  readonly databaseFile: string;

  constructor(
    readonly store: Store,
    readonly options: Required<Pick<CoreOptions, 'dataDir' | 'assetsDir' | 'clock'>>,
  ) {
    this.databaseFile = store.name;
    this.settings = new Settings(store);
    // Only writes announce changes, and the dispatcher loads every domain before a write (src/main/api.ts).
    this.events.subscribe((event) => this.breakGlass.changed(event));
    // Where the library's code is loaded (the app, which loads every domain first), a re-index a migration asked for
    // runs at the start, as it always did; a command that never reads the library leaves it to the next that does.
    if (isLoaded('runbooks')) void this.runbooks;
  }

  #runbooks: RunbookLibrary | undefined;
  get runbooks(): RunbookLibrary {
    if (this.#runbooks) return this.#runbooks;
    const runbooks = new (domainModule('runbooks').RunbookLibrary)(this.store, {
      clock: this.clock,
      procedureHeadings: () => this.settings.procedureHeadings(),
      defaultAuthor: () => this.settings.actor().name,
    });
    this.#runbooks = runbooks;
    // A migration or a settings change asked for the library to be read again: done before its first use.
    const readBorrowedKeys = this.settings.get(RUNBOOKS_READ_BORROWED_KEYS) !== undefined;
    if (this.settings.get(RUNBOOKS_REINDEX) !== undefined || readBorrowedKeys) {
      runbooks.reindex({ readBorrowedKeys });
      this.settings.delete(RUNBOOKS_REINDEX);
      this.settings.delete(RUNBOOKS_READ_BORROWED_KEYS);
    }
    return runbooks;
  }

  #rosters: RosterService | undefined;
  get rosters(): RosterService {
    return (this.#rosters ??= new (domainModule('rosters').RosterService)(this.store, this.clock, () => domainModule('rosterFiles')));
  }

  #incidents: IncidentService | undefined;
  get incidents(): IncidentService {
    return (this.#incidents ??= new (domainModule('incidents').IncidentService)(this.store, {
      clock: this.clock,
      settings: this.settings,
      runbooks: this.runbooks,
      rosters: this.rosters,
    }));
  }

  #drills: DrillService | undefined;
  get drills(): DrillService {
    return (this.#drills ??= new (domainModule('drills').DrillService)(this.store, {
      clock: this.clock,
      incidents: this.incidents,
      runbooks: this.runbooks,
      // The drill clock fired injects: the run changed, and its DRILL incident's timeline.
      injectsFired: (runId, incidentId) => {
        this.events.emit({ type: 'drill.changed', id: runId });
        this.events.emit({ type: 'incident.changed', id: incidentId });
      },
    }));
  }

  #slos: SloService | undefined;
  get slos(): SloService {
    return (this.#slos ??= new (domainModule('slos').SloService)(this.store, { clock: this.clock, incidents: this.incidents, author: () => this.settings.actor().name }));
  }

  #changes: ChangeService | undefined;
  get changes(): ChangeService {
    // The peak-windows rule reads the error budgets of the change's services.
    return (this.#changes ??= new (domainModule('changes').ChangeService)(this.store, {
      clock: this.clock,
      settings: this.settings,
      runbooks: this.runbooks,
      rosters: this.rosters,
      incidents: this.incidents,
      budgets: (service) => this.slos.budgetStatuses(service),
    }));
  }

  #postmortems: PostmortemService | undefined;
  get postmortems(): PostmortemService {
    return (this.#postmortems ??= new (domainModule('postmortems').PostmortemService)(this.store, {
      clock: this.clock,
      incidents: this.incidents,
      dataDir: this.options.dataDir,
      assetsDir: this.options.assetsDir,
      errorBudget: (incidentId) => this.slos.errorBudgetMarkdown(incidentId),
      changesBefore: (incidentId) => this.changes.whatChanged(incidentId),
    }));
  }

  #breakGlass: BreakGlassRefresher | undefined;
  /** Keeps the break-glass file current in the folder the settings name. */
  get breakGlass(): BreakGlassRefresher {
    return (this.#breakGlass ??= new (domainModule('app').BreakGlassRefresher)(this));
  }

  get clock(): Clock {
    return this.options.clock;
  }

  /**
   * On the first start of a new data folder, fills it with the demo workspace
   * unless asked not to. Later starts leave it as the user left it, even empty.
   */
  prepareWorkspace({ demo }: { demo: boolean }): void {
    if (this.settings.get(WORKSPACE_CREATED_AT) !== undefined) return;
    writeTransaction(this.store, () => {
      this.settings.set(WORKSPACE_CREATED_AT, this.clock.now().toISOString());
      if (demo && this.runbooks.count() === 0) domainModule('app').loadDemo(this);
    });
  }

  /**
   * While the app runs: fires due drill injects every second, backs the store
   * up once a day (keeping the newest seven), and rewrites the break-glass file
   * at least daily (its schedule looks days ahead). Returns the function that stops it.
   */
  startScheduler(): () => void {
    const stopSync = this.startBackgroundSync();
    const drills = setInterval(() => {
      try {
        this.drills.tickAll();
      } catch (error) {
        console.error('[holdfast] drill clock:', error);
      }
    }, 1000);
    const daily = setInterval(() => {
      void this.backUpIfDue();
      this.breakGlass.refreshIfStale();
    }, 60_000);
    drills.unref();
    daily.unref();
    void this.backUpIfDue();
    this.breakGlass.refreshIfStale();
    return () => {
      stopSync();
      clearInterval(drills);
      clearInterval(daily);
    };
  }

  /** The background sync of the team workspace while the app runs (null until started, and in the CLI). */
  backgroundSync: SyncScheduler | null = null;

  /**
   * Syncs the team workspace in the background (docs/sync.md): a few seconds
   * after shared data changes, and every few minutes. A folder not connected to
   * a remote does nothing. It never holds up incident work: its failures only
   * change the sync indicator, which every console is told about.
   */
  private startBackgroundSync(): () => void {
    const { SyncScheduler, isConnected, refreshed, runSync, statusOfSync } = domainModule('app');
    let announcing = false;
    const announce = (events: readonly ChangeEventBody[]) => {
      announcing = true;
      try {
        for (const event of events) this.events.emit(event);
      } finally {
        announcing = false;
      }
    };
    const scheduler = new SyncScheduler(async () => {
      if (!isConnected(this.options.dataDir)) return { conflicts: 0 };
      const outcome = await runSync(this);
      announce(refreshed(outcome.refresh));
      return { conflicts: (await statusOfSync(this)).conflicts.length };
    }, this.clock);
    this.backgroundSync = scheduler;
    const connected = () => isConnected(this.options.dataDir);
    const unsubscribeIndicator = scheduler.subscribe(() => {
      if (connected()) announce([{ type: 'sync.changed' }]);
    });
    const unsubscribeChanges = this.events.subscribe((event) => {
      if (!announcing && SHARED_CHANGES.has(event.type) && connected()) scheduler.changed();
    });
    scheduler.start();
    if (connected()) void scheduler.syncNow();
    return () => {
      scheduler.stop();
      unsubscribeIndicator();
      unsubscribeChanges();
      this.backgroundSync = null;
    };
  }

  private async backUpIfDue(): Promise<void> {
    const [latest] = listBackups(this.options.dataDir);
    const now = this.clock.now();
    if (latest && now.getTime() - Date.parse(latest.createdAt) < 86_400_000) return;
    try {
      await createBackup(this.store, this.options.dataDir, now);
      pruneBackups(this.options.dataDir, KEEP_BACKUPS, now);
    } catch (error) {
      console.error('[holdfast] daily backup failed:', error);
    }
  }

  close(): void {
    this.#breakGlass?.flush();
    closeStore(this.store);
  }
}

export function openCore(options: CoreOptions): Core {
  const store = openStore(path.join(options.dataDir, DATABASE_FILE), {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.create ? { create: options.create } : {}),
  });
  return new Core(store, {
    dataDir: options.dataDir,
    assetsDir: options.assetsDir,
    clock: options.clock ?? systemClock,
  });
}
