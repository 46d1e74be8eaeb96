/**
 * The roster file's reader and writer (YAML), loaded as their own part of the
 * rosters' code (src/main/core/domains.ts, `rosterFiles`): who is on call never
 * needs the YAML library, and an alert hook asks that once per alert.
 */
export { rosterToYaml } from './roster-export';
export { parseRosterFile } from './roster-file';
