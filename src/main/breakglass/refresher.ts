import { asBackground } from '../core/request-context';
import path from 'node:path';
import { BREAK_GLASS_FILE, type BreakGlassStatus } from '../../shared/breakglass';
import type { ChangeEvent } from '../../shared/events';
import type { Core } from '../core/core';
import { HoldfastError } from '../errors';
import { writeBreakGlass } from './write';

/** The settings key of the folder the break-glass file is kept in. */
const FOLDER_SETTING = 'breakglass.folder';
/** Changes come in bursts (an import, a roster load): one write after they settle. */
const SETTLE_MS = 2000;
/** The file lists the next days' shifts, so it is rewritten at least this often while Holdfast runs. */
const MAX_AGE_MS = 86_400_000;

const REFRESHING: ReadonlySet<ChangeEvent['type']> = new Set(['runbooks.changed', 'rosters.changed', 'workspace.changed']);

/**
 * Keeps the break-glass file current in the folder the user chose (a synced
 * folder, a USB stick): rewritten a moment after runbooks or the roster change,
 * once a day for the moving schedule window, and on close if a write is due.
 */
export class BreakGlassRefresher {
  private timer: NodeJS.Timeout | undefined;
  private writtenAt: string | null = null;
  private error: string | null = null;

  constructor(private readonly core: Core) {}

  folder(): string | null {
    return this.core.settings.get(FOLDER_SETTING) ?? null;
  }

  status(): BreakGlassStatus {
    const folder = this.folder();
    return { folder, file: folder ? path.join(folder, BREAK_GLASS_FILE) : null, writtenAt: this.writtenAt, error: this.error };
  }

  /**
   * Chooses the folder (null or '' stops keeping the file). The file is written
   * there at once; if it cannot be, the setting is not changed.
   */
  setFolder(folder: string | null): void {
    if (!folder) {
      this.core.settings.delete(FOLDER_SETTING);
      this.cancel();
      this.writtenAt = null;
      this.error = null;
      return;
    }
    if (!path.isAbsolute(folder)) {
      throw new HoldfastError('VALIDATION', `The break-glass folder must be a full path (for example /media/usb/holdfast), not "${folder.slice(0, 200)}".`, 'breakGlassPath');
    }
    const resolved = path.resolve(folder);
    writeBreakGlass(this.core, resolved);
    this.core.settings.set(FOLDER_SETTING, resolved);
    this.written();
  }

  /** A change event: rewrite the file once changes settle, if a folder is chosen. */
  changed(event: ChangeEvent): void {
    if (REFRESHING.has(event.type)) this.schedule();
  }

  /** For the app's minute tick: a file older than a day (or not yet written by this run) is rewritten. */
  refreshIfStale(): void {
    if (!this.folder() || this.timer) return;
    if (this.writtenAt === null || this.core.clock.now().getTime() - Date.parse(this.writtenAt) >= MAX_AGE_MS) this.schedule();
  }

  /** Writes now if a write is waiting (before the store closes). */
  flush(): void {
    if (!this.timer) return;
    this.cancel();
    this.refresh();
  }

  private schedule(): void {
    if (!this.folder()) return;
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, SETTLE_MS);
    this.timer.unref();
  }

  private refresh(): void {
    const folder = this.folder();
    if (!folder) return;
    try {
      writeBreakGlass(this.core, folder);
      this.written();
    } catch (error) {
      this.error = error instanceof HoldfastError ? error.message : `Its content could not be put together (${error instanceof Error ? error.message : String(error)}).`;
      console.error('[holdfast] break-glass file:', error instanceof HoldfastError ? error.message : error);
    }
    // Written in the background: open consoles (the Backups screen) learn how it went, a failure above all,
    // and none of them takes it for the echo of the request whose change set it going.
    asBackground(() => this.core.events.emit({ type: 'breakglass.changed' }));
  }

  private written(): void {
    this.writtenAt = this.core.clock.now().toISOString();
    this.error = null;
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
