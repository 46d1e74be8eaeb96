/**
 * What the domains' operation handlers work with: the open store and the domain
 * services over it. The composition root (src/main/core/core.ts) provides it;
 * handlers and the helpers they call take this interface, never the root itself,
 * so nothing below the root imports it.
 */
import type { BreakGlassStatus } from '../../shared/breakglass';
import type { ChangeService } from '../changes/service';
import type { Clock } from '../core/clock';
import type { DrillService } from '../drills/service';
import type { IncidentService } from '../incidents/service';
import type { PostmortemService } from '../postmortems/service';
import type { RosterService } from '../rosters/service';
import type { RunbookLibrary } from '../runbooks/library';
import type { SloService } from '../slos/service';
import type { Store } from '../store/open';
import type { SyncIndicator } from '../sync/scheduler';
import type { Settings } from '../workspace/settings';
import { opsOver } from './op';

export interface OpContext {
  readonly store: Store;
  readonly databaseFile: string;
  readonly options: { readonly dataDir: string; readonly assetsDir: string };
  readonly clock: Clock;
  readonly settings: Settings;
  readonly runbooks: RunbookLibrary;
  readonly rosters: RosterService;
  readonly incidents: IncidentService;
  readonly postmortems: PostmortemService;
  readonly drills: DrillService;
  readonly slos: SloService;
  readonly changes: ChangeService;
  /** The team workspace's background sync while the app runs (docs/sync.md); null in the CLI. */
  readonly backgroundSync: { state(): SyncIndicator } | null;
  /** Keeps the break-glass file current in the folder the settings name. */
  readonly breakGlass: {
    /** Chooses the folder (null or '' stops); the file is written there at once. */
    setFolder(folder: string | null): void;
    status(): BreakGlassStatus;
  };
}

/** Declares one operation over the open store: see src/main/operations/op.ts. */
export const op = opsOver<OpContext>();
