import { z } from 'zod';

/** The file the break-glass export writes into its folder. */
export const BREAK_GLASS_FILE = 'holdfast-breakglass.html';

export const ExportBreakGlassInput = z
  .object({ dir: z.string().trim().min(1, 'name the folder to write the break-glass file into').max(4096) })
  .strict();

export interface BreakGlassReport {
  /** The file written: `<dir>/holdfast-breakglass.html`. */
  file: string;
  bytes: number;
  /** The instant the file shows as "as of". */
  generatedAt: string;
  runbooks: number;
  schedules: number;
}

/** Where the break-glass file is kept up to date, and how the last write went (this run of Holdfast). */
export interface BreakGlassStatus {
  /** The folder chosen in the settings (`breakGlassPath`), or null when it is not kept anywhere. */
  folder: string | null;
  file: string | null;
  /** When this run of Holdfast last wrote it; null if it has not yet. */
  writtenAt: string | null;
  /** Why the last write failed, if it did. */
  error: string | null;
}
