import path from 'node:path';
import { app } from 'electron';

/**
 * Where better-sqlite3's native module built for this Electron lives. The copy
 * in node_modules is built for Node (tests, CLI, web mode) and cannot load in
 * Electron, which has its own ABI; scripts/electron-native.mjs builds this one.
 */
export function electronNativeBinding(appRoot: string): string {
  if (app.isPackaged) return path.join(process.resourcesPath, 'native', 'better_sqlite3.node');
  return path.join(
    appRoot,
    '.native',
    `electron-${process.versions.electron}-${process.arch}`,
    'better_sqlite3.node',
  );
}
