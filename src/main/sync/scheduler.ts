import type { Clock } from '../core/clock';
import { GitError } from './git';

/**
 * When the workspace syncs, apart from on demand: a while after a change
 * (debounced, so a burst of notes is one sync) and every few minutes. One sync
 * at a time; a change during a sync gets a sync of its own after it. A sync
 * runs beside incident work and never holds it up: its failures become the
 * indicator's state, never an error thrown at whoever wrote a note.
 */
export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'refused' | 'failed';

/** What the console's sync indicator shows. */
export interface SyncIndicator {
  phase: SyncPhase;
  /** When the last sync finished (UTC ISO-8601), or null. */
  lastSync: string | null;
  /** Open conflicts after the last sync. */
  conflicts: number;
  /** Why the last sync did not finish, in words; null when it did. */
  problem: string | null;
}

export interface SchedulerOptions {
  /** Quiet time after a change before syncing. */
  debounceMs?: number;
  /** Time between syncs with no change. */
  intervalMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 5_000;
export const DEFAULT_INTERVAL_MS = 3 * 60_000;

/** One run of a sync: resolves with the number of open conflicts after it, throws why it failed. */
export type SyncRun = () => Promise<{ conflicts: number }>;

export class SyncScheduler {
  private indicator: SyncIndicator = { phase: 'idle', lastSync: null, conflicts: 0, problem: null };
  private running: Promise<void> | null = null;
  private again = false;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private interval: ReturnType<typeof setInterval> | null = null;
  private readonly listeners = new Set<(indicator: SyncIndicator) => void>();
  private readonly debounceMs: number;
  private readonly intervalMs: number;

  constructor(
    private readonly run: SyncRun,
    private readonly clock: Clock,
    options: SchedulerOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  }

  state(): SyncIndicator {
    return { ...this.indicator };
  }

  /** Called with the indicator each time it changes; returns the unsubscribe. */
  subscribe(listener: (indicator: SyncIndicator) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the periodic sync. */
  start(): void {
    this.interval ??= setInterval(() => void this.syncNow(), this.intervalMs);
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
    if (this.debounce) clearTimeout(this.debounce);
    this.interval = this.debounce = null;
  }

  /** Something shared changed: sync once things have been quiet for a while. */
  changed(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.syncNow();
    }, this.debounceMs);
  }

  /** Syncs now; while a sync runs, one more follows it (for what changed meanwhile). Never rejects. */
  syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.once();
    } while (this.again);
  }

  private async once(): Promise<void> {
    this.set({ phase: 'syncing' });
    try {
      const { conflicts } = await this.run();
      this.set({ phase: 'idle', lastSync: this.clock.now().toISOString(), conflicts, problem: null });
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      const phase: SyncPhase = error instanceof GitError ? (error.kind === 'unreachable' ? 'offline' : error.kind === 'refused' ? 'refused' : 'failed') : 'failed';
      this.set({ phase, problem });
    }
  }

  private set(change: Partial<SyncIndicator>): void {
    this.indicator = { ...this.indicator, ...change };
    for (const listener of this.listeners) listener(this.state());
  }
}
