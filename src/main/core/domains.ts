/**
 * The domain services' code, loaded when an operation first needs it. The core
 * (./core.ts) builds a service on first use from the module loaded here, so a
 * command that reads one domain (`holdfast oncall`) does not read the code of
 * every other domain, their Markdown, calendar, YAML and CSV libraries at start.
 * `loadDomains()` loads them all: the app (web server, desktop) does so before
 * it opens the core, and the dispatcher (src/main/api.ts) loads what an
 * operation needs before running it.
 */

import { DOMAINS, type Domain } from './domain-names';

export { DOMAINS, type Domain };

const LOADERS = {
  runbooks: () => import('../runbooks/library'),
  rosters: () => import('../rosters/service'),
  /** The roster file's YAML reader and writer: imports, exports and the sync, not who is on call. */
  rosterFiles: () => import('../rosters/roster-files'),
  incidents: () => import('../incidents/service'),
  drills: () => import('../drills/service'),
  slos: () => import('../slos/service'),
  changes: () => import('../changes/service'),
  postmortems: () => import('../postmortems/service'),
  /** The break-glass file's refresher, and what the app's scheduler runs (background sync, the demo workspace). */
  app: () => import('./app-modules'),
} satisfies { [D in Domain]: () => Promise<unknown> };

type Modules = { [D in Domain]: Awaited<ReturnType<(typeof LOADERS)[D]>> };

/** The services each one is built over (the core's constructor order); loading a domain loads these too. */
const BUILT_OVER: { [D in Domain]: readonly Domain[] } = {
  runbooks: [],
  rosters: [],
  rosterFiles: [],
  incidents: ['runbooks', 'rosters'],
  drills: ['incidents', 'runbooks'],
  slos: ['incidents'],
  changes: ['runbooks', 'rosters', 'incidents', 'slos'],
  postmortems: ['incidents', 'slos', 'changes'],
  app: DOMAINS.filter((domain) => domain !== 'app'),
};

const loaded: Partial<Modules> = {};

/** Loads the code of the named domains (default: all) and of what they are built over. */
export async function loadDomains(domains: readonly Domain[] = DOMAINS): Promise<void> {
  const wanted = new Set<Domain>();
  const add = (domain: Domain): void => {
    if (wanted.has(domain)) return;
    wanted.add(domain);
    BUILT_OVER[domain].forEach(add);
  };
  domains.forEach(add);
  await Promise.all(
    [...wanted].map(async (domain) => {
      if (loaded[domain] === undefined) Object.assign(loaded, { [domain]: await LOADERS[domain]() });
    }),
  );
}

/** Whether a domain's code is loaded already. */
export const isLoaded = (domain: Domain): boolean => loaded[domain] !== undefined;

/** A loaded domain's module; using a domain before `loadDomains` is a mistake in Holdfast's own code. */
export function domainModule<D extends Domain>(domain: D): Modules[D] {
  const module = loaded[domain];
  if (module === undefined) throw new Error(`The ${domain} code was used before it was loaded (loadDomains).`);
  return module;
}

/** For tests: forgets what was loaded, so a test can check that each operation loads every domain it uses. */
export function forgetLoadedDomains(): void {
  for (const domain of DOMAINS) Reflect.deleteProperty(loaded, domain);
}
