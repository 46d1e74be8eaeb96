import { z } from 'zod';
import { filePath } from './file-path';
import type { BreakGlassStatus } from './breakglass';

export interface WorkspaceInfo {
  appVersion: string;
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
  runbookCount: number;
  /** True while the demo workspace's sample data is present. */
  hasDemo: boolean;
  /** Who changes are recorded as by default. */
  author: string;
  /** Headings whose lists are checklists of steps (see docs/runbook-format.md). */
  procedureHeadings: string[];
  /** Where the break-glass file is kept up to date, if anywhere. */
  breakGlass: BreakGlassStatus;
  /** The git team sync runs, set in Settings on this machine; null: `git` on PATH. */
  gitPath: string | null;
}

export const EmptyInput = z.object({}).strict();

export const UpdateSettingsInput = z
  .object({
    author: z.string().trim().min(1).max(100).optional(),
    procedureHeadings: z.array(z.string().trim().min(1).max(100)).min(1, 'keep at least one procedure heading').max(100).optional(),
    /** The folder (a full path) to keep the break-glass file in; null or '' to stop. */
    breakGlassPath: z.string().trim().max(4096).nullable().optional(),
    /** The git team sync runs (a full path), when it is not `git` on PATH; null or '' to use git on PATH again. */
    gitPath: z.string().trim().max(4096).nullable().optional(),
  })
  .strict();

export const CreateBackupInput = z.object({ file: filePath('name the backup file').optional() }).strict();

export interface BackupInfo {
  file: string;
  bytes: number;
  createdAt: string;
}
