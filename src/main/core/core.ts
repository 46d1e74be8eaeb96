import path from 'node:path';
import { ChangeService } from '../changes/service';
import { DrillService } from '../drills/service';
import { IncidentService } from '../incidents/service';
import { PostmortemService } from '../postmortems/service';
import { RosterService } from '../rosters/service';
import { RunbookLibrary } from '../runbooks/library';
import { SloService } from '../slos/service';
import { createBackup, listBackups, pruneBackups } from '../store/backup';
import { closeStore, DATABASE_FILE, openStore, type CreatePolicy, type Store } from '../store/open';

const KEEP_BACKUPS = 7;
import { loadDemo } from '../workspace/demo';
import { RUNBOOKS_READ_BORROWED_KEYS, RUNBOOKS_REINDEX, Settings, WORKSPACE_CREATED_AT } from '../workspace/settings';
import { systemClock, type Clock } from './clock';
import { EventBus } from './events';
import type { ChangeEventBody } from '../../shared/events';
import { refreshed } from '../sync/ops';
import { SyncScheduler } from '../sync/scheduler';
import { isConnected, runSync, statusOfSync } from '../sync/service';
import { BreakGlassRefresher } from '../breakglass/refresher';
import { writeTransaction } from '../store/transaction';

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

/** The composition root: one open store and the domain services over it, the context of every operation's handler (OpContext). */
export class Core {
  readonly events = new EventBus();
  readonly settings: Settings;
  readonly runbooks: RunbookLibrary;
  readonly rosters: RosterService;
  readonly incidents: IncidentService;
  readonly postmortems: PostmortemService;
  readonly drills: DrillService;
  readonly slos: SloService;
  readonly changes: ChangeService;
  /** Keeps the break-glass file current in the folder the settings name. */
  readonly breakGlass: BreakGlassRefresher;
  readonly databaseFile: string;

  constructor(
    readonly store: Store,
    readonly options: Required<Pick<CoreOptions, 'dataDir' | 'assetsDir' | 'clock'>>,
  ) {
    this.databaseFile = store.name;
    this.settings = new Settings(store);
    this.runbooks = new RunbookLibrary(store, {
      clock: options.clock,
      procedureHeadings: () => this.settings.procedureHeadings(),
      defaultAuthor: () => this.settings.actor().name,
    });
    this.rosters = new RosterService(store, options.clock);
    this.incidents = new IncidentService(store, { clock: options.clock, settings: this.settings, runbooks: this.runbooks, rosters: this.rosters });
    this.drills = new DrillService(store, {
      clock: options.clock,
      incidents: this.incidents,
      runbooks: this.runbooks,
      // The drill clock fired injects: the run changed, and its DRILL incident's timeline.
      injectsFired: (runId, incidentId) => {
        this.events.emit({ type: 'drill.changed', id: runId });
        this.events.emit({ type: 'incident.changed', id: incidentId });
      },
    });
    this.slos = new SloService(store, { clock: options.clock, incidents: this.incidents, author: () => this.settings.actor().name });
    // The peak-windows rule reads the error budgets of the change's services.
    this.changes = new ChangeService(store, { clock: options.clock, settings: this.settings, runbooks: this.runbooks, rosters: this.rosters, incidents: this.incidents, budgets: (service) => this.slos.budgetStatuses(service) });
    this.postmortems = new PostmortemService(store, {
      clock: options.clock,
      incidents: this.incidents,
      dataDir: options.dataDir,
      assetsDir: options.assetsDir,
      errorBudget: (incidentId) => this.slos.errorBudgetMarkdown(incidentId),
      changesBefore: (incidentId) => this.changes.whatChanged(incidentId),
    });
    this.breakGlass = new BreakGlassRefresher(this);
    this.events.subscribe((event) => this.breakGlass.changed(event));
    const readBorrowedKeys = this.settings.get(RUNBOOKS_READ_BORROWED_KEYS) !== undefined;
    if (this.settings.get(RUNBOOKS_REINDEX) !== undefined || readBorrowedKeys) {
      this.runbooks.reindex({ readBorrowedKeys });
      this.settings.delete(RUNBOOKS_REINDEX);
      this.settings.delete(RUNBOOKS_READ_BORROWED_KEYS);
    }
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
      if (demo && this.runbooks.count() === 0) loadDemo(this);
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
    this.breakGlass.flush();
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
