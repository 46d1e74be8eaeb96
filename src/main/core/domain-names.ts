/** The parts of the core's code loaded on demand (./domains.ts), by name: apart, so declarations can name them without importing the loaders. */
export const DOMAINS = ['runbooks', 'rosters', 'rosterFiles', 'incidents', 'drills', 'slos', 'changes', 'postmortems', 'app'] as const;

export type Domain = (typeof DOMAINS)[number];
