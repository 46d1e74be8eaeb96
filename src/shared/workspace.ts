import { z } from 'zod';

export interface WorkspaceInfo {
  appVersion: string;
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
  runbookCount: number;
  /** True while the demo workspace's sample data is present. */
  hasDemo: boolean;
}

export const EmptyInput = z.object({}).strict();
