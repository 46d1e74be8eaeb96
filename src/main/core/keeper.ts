import fs from 'node:fs';
import path from 'node:path';
import { RESPONDER, type Session } from '../../shared/access';
import type { RecoveryState, RestoreReport } from '../../shared/recovery';
import type { Result } from '../../shared/result';
import { serve, type Serving } from '../api';
import { HoldfastError, toApiError } from '../errors';
import type { RecoveryContext } from '../recovery/context';
import { listBackups } from '../store/backup';
import { lockDataFolder, type FolderLock } from '../store/lock';
import { DATABASE_FILE } from '../store/open';
import { checkedBackups, removeInterruptedRestores, restoreBackup } from '../store/restore';
import { systemClock } from './clock';
import { openCore, type Core, type CoreOptions } from './core';
import { loadDomains } from './domains';
import { EventBus } from './events';
import { asRequest } from './request-context';

export interface KeeperOptions extends CoreOptions {
  /** On the first start of a new data folder, fill it with the demo workspace. */
  demo: boolean;
  /** Run the drill clock and the daily backup while the store is open (the long-running app). */
  scheduler: boolean;
  /**
   * The app this keeper serves, which holds the data folder's lock while it
   * runs: a second app on the folder, and a CLI restore, are refused while it
   * does. Unset for a keeper around a core opened elsewhere (tests).
   */
  app?: 'web' | 'desktop';
}

type State =
  | { kind: 'open'; core: Core; stop: () => void }
  /** The store's file is damaged (or could not be opened again after a restore): only recovery is served. */
  | { kind: 'damaged'; problem: string }
  | { kind: 'closed' };

/**
 * Keeps the core of a long-running app (`holdfast web`, the desktop app's core
 * process). It opens the store; when the store's file is damaged it stays up in
 * recovery mode instead of exiting, serving only the recovery operations
 * (src/main/recovery/ops.ts), which need no store, so the console can show its
 * recovery screen. It is their context: `restoreBackup` closes the core, puts the
 * backup in place (a damaged store is moved aside, never deleted) and opens the
 * store again; consoles hear `store.replaced` and start afresh.
 */
export class CoreKeeper {
  /** Change events of whichever core is open, on one bus that outlives them. */
  readonly events = new EventBus();
  private state: State = { kind: 'closed' };
  private lock: FolderLock | undefined;
  /** What the recovery operations work with, whether the store is open or damaged. */
  private readonly recovery: RecoveryContext;

  private constructor(private readonly options: KeeperOptions) {
    this.recovery = { dataDir: options.dataDir, state: () => this.recoveryState(), restore: (file) => this.restore(file) };
  }

  /**
   * The app's start: takes the data folder's lock (refused with CONFLICT when
   * another app holds it), then opens the store, creating it on a new folder
   * (the explicit first start), or enters recovery mode if its file is damaged
   * or missing beside its backups. Any other failure to open is thrown.
   */
  static async open(options: KeeperOptions): Promise<CoreKeeper> {
    // The app serves every domain, and its start prepares the workspace and starts the scheduler over them.
    await loadDomains();
    const keeper = new CoreKeeper(options);
    if (options.app) {
      fs.mkdirSync(options.dataDir, { recursive: true });
      keeper.lock = lockDataFolder(options.dataDir, options.app, (options.clock ?? systemClock).now(), options.nativeBinding);
      removeInterruptedRestores(options.dataDir);
    }
    try {
      keeper.openCore(() => openCore({ ...options, create: 'always' }));
    } catch (error) {
      keeper.close();
      throw error;
    }
    return keeper;
  }

  /** A keeper for a core opened elsewhere (tests, embedders); it runs no scheduler and prepares nothing. */
  static around(core: Core): CoreKeeper {
    const keeper = new CoreKeeper({ ...core.options, demo: false, scheduler: false });
    keeper.openCore(() => core);
    return keeper;
  }

  /** The open core; undefined in recovery mode. */
  get core(): Core | undefined {
    return this.state.kind === 'open' ? this.state.core : undefined;
  }

  get databaseFile(): string {
    return path.join(this.options.dataDir, DATABASE_FILE);
  }

  recoveryState(): RecoveryState {
    if (this.state.kind !== 'damaged') return { damaged: false };
    return {
      damaged: true,
      dataDir: this.options.dataDir,
      databaseFile: this.databaseFile,
      problem: this.state.problem,
      backups: checkedBackups(this.options.dataDir, this.options.nativeBinding),
    };
  }

  /**
   * Runs one operation for a console on whatever the keeper holds: the open
   * core, or in recovery mode only the recovery operations (anything else is
   * answered STORE_UNREADABLE). Change events it causes carry `requestId`. Never throws.
   */
  dispatch(name: string, rawInput: unknown, session: Session = RESPONDER, requestId?: string): Promise<Result<unknown>> {
    const core = this.core;
    const serving: Serving = {
      core: core ? { context: core, events: core.events } : undefined,
      recovery: { context: this.recovery, events: this.events },
      unavailable: () => this.unavailableMessage(),
    };
    return asRequest(requestId, () => serve(serving, name, rawInput, session));
  }

  /**
   * Puts one of the data folder's backups in place of the store, whether the
   * store is open or damaged, and opens it. If the restore fails, the store that
   * was there is opened again.
   */
  restore(file: string): RestoreReport {
    const backup = listBackups(this.options.dataDir).find((candidate) => path.resolve(candidate.file) === path.resolve(file));
    if (!backup) {
      throw new HoldfastError('VALIDATION', `${file} is not one of the backups in ${path.join(this.options.dataDir, 'backups')}; pick one from the list.`, 'file');
    }
    this.closeCore();
    let report: RestoreReport;
    try {
      report = restoreBackup(this.options.dataDir, backup.file, (this.options.clock ?? systemClock).now(), this.options.nativeBinding);
    } finally {
      this.reopen();
    }
    return report;
  }

  close(): void {
    this.closeCore();
    this.lock?.release();
    this.lock = undefined;
  }

  private openCore(open: () => Core): void {
    let core: Core;
    try {
      core = open();
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code !== 'STORE_UNREADABLE') throw error;
      this.state = { kind: 'damaged', problem: apiError.message };
      return;
    }
    try {
      core.prepareWorkspace({ demo: this.options.demo });
    } catch (error) {
      core.close();
      throw error;
    }
    const unsubscribe = core.events.subscribe((event) => this.events.emit(event));
    const stopScheduler = this.options.scheduler ? core.startScheduler() : () => undefined;
    this.state = {
      kind: 'open',
      core,
      stop: () => {
        stopScheduler();
        unsubscribe();
        core.close();
      },
    };
  }

  /** After a restore: whatever is in place now is opened; if it cannot be, the keeper stays in recovery mode. */
  private reopen(): void {
    try {
      this.openCore(() => openCore({ ...this.options, create: 'never' }));
    } catch (error) {
      this.state = { kind: 'damaged', problem: toApiError(error).message };
    }
  }

  private closeCore(): void {
    if (this.state.kind === 'open') this.state.stop();
    this.state = { kind: 'closed' };
  }

  private unavailableMessage(): string {
    const problem = this.state.kind === 'damaged' ? this.state.problem : `The data file ${this.databaseFile} is not open.`;
    return `${problem} Restore a backup from the recovery screen.`;
  }
}
