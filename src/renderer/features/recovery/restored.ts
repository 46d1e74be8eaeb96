import type { RestoreReport } from '../../../shared/recovery';
import type { ApiError } from '../../../shared/result';
import { runWrite } from '../../api/mutations';

const KEY = 'holdfast.restored';
let inFlight = false;

/**
 * Restores one of the data folder's backups. After a restore everything the
 * console holds describes the store that was replaced, so it starts afresh
 * (a reload); the report is kept across the reload so the fresh console can say
 * what was done. Resolves only with the error, when the restore failed.
 */
export async function restoreAndStartAfresh(file: string): Promise<ApiError> {
  inFlight = true;
  const result = await runWrite('restoreBackup', { file });
  if (!result.ok) {
    inFlight = false;
    return result.error;
  }
  sessionStorage.setItem(KEY, JSON.stringify(result.value));
  window.location.reload();
  return new Promise<never>(() => undefined);
}

/** True while this console is restoring: it reloads itself when done, whatever the other consoles hear. */
export const restoringHere = (): boolean => inFlight;

/** What this page load was told about a restore (undefined: not yet read). */
let taken: RestoreReport | null | undefined;

/**
 * The restore just done, for this page load: read from the session once (and
 * forgotten there, so a later reload says nothing), then the same answer to
 * every caller until dismissed, however often the console's tree is mounted.
 */
export function takeRestore(): RestoreReport | null {
  if (taken === undefined) {
    const stored = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    taken = parseReport(stored);
  }
  return taken;
}

/** The notice was dismissed: nothing more to say about the restore. */
export function dismissRestore(): void {
  taken = null;
}

function parseReport(stored: string | null): RestoreReport | null {
  if (!stored) return null;
  try {
    const report = JSON.parse(stored) as Partial<RestoreReport>;
    return typeof report.backup === 'string' && typeof report.restored === 'string' ? (report as RestoreReport) : null;
  } catch {
    return null;
  }
}
