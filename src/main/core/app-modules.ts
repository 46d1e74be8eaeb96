/**
 * What the running app adds to the core beyond the domain services: the
 * break-glass file's refresher, the background sync and the demo workspace.
 * Loaded with the domains (./domains.ts), not at every command's start.
 */
export { BreakGlassRefresher } from '../breakglass/refresher';
export { refreshed } from '../sync/ops';
export { SyncScheduler } from '../sync/scheduler';
export { isConnected, runSync, statusOfSync } from '../sync/service';
export { loadDemo } from '../workspace/demo';
