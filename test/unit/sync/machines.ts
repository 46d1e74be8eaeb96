import path from 'node:path';
import type { ChangeEvent } from '../../../src/shared/events';
import { fixedClock, type ManualClock } from '../../../src/main/core/clock';
import { openCore, type Core } from '../../../src/main/core/core';
import { ASSETS_DIR, tempDir } from '../../fixtures/temp';

/** One responder's machine: a data folder with its own store and its own clock. */
export interface Machine {
  name: string;
  dataDir: string;
  clock: ManualClock;
  core: Core;
  events: ChangeEvent[];
}

const open: Machine[] = [];

/** A new machine whose Settings name is `name`, its clock at `start`; closed by `closeMachines`. */
export function machineWithStore(name: string, start: string): Machine {
  const dataDir = path.join(tempDir(`holdfast-${name}-`), 'data');
  const clock = fixedClock(start);
  const core = openCore({ dataDir, assetsDir: ASSETS_DIR, clock, create: 'always' });
  core.settings.set('workspace.author', name);
  const events: ChangeEvent[] = [];
  core.events.subscribe((event) => events.push(event));
  const made = { name, dataDir, clock, core, events };
  open.push(made);
  return made;
}

/** Closes a machine's store and opens it again (the CLI opens its own). */
export function reopen(m: Machine): void {
  m.core.close();
  m.core = openCore({ dataDir: m.dataDir, assetsDir: ASSETS_DIR, clock: m.clock });
  m.core.events.subscribe((event) => m.events.push(event));
}

/** Closes every machine's store (in afterEach). */
export function closeMachines(): void {
  for (const m of open.splice(0)) m.core.close();
}
