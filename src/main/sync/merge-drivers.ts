import { LineCounter, parseDocument, stringify } from 'yaml';
import type { SyncConflict } from '../../shared/sync';
import { idOrNameKeys, mergeKeyed, noKeys, rosterKeys, type EntryConflict, type KeyOf } from './keyed-merge';
import { classifyPath } from './layout';
import { overlappingOverrides, withoutOverrides, type OverrideClash } from './roster-overrides';

/**
 * How each kind of file is settled when both machines changed it (docs/sync.md,
 * "Merging"). Every driver keeps this machine's version where it cannot decide,
 * lists what it could not decide, and loses nothing: the other version stays in
 * the repository's history, and the conflict names it.
 */
export interface Versions {
  path: string;
  /** Each side's text; null where that side has no such file (added on both sides, or removed on one). */
  base: string | null;
  mine: string | null;
  theirs: string | null;
}

export interface Settled {
  /** The merged text; null removes the file. */
  content: string | null;
  conflicts: SyncConflict[];
}

const KEYS: Partial<Record<ReturnType<typeof classifyPath>, KeyOf>> = { roster: rosterKeys, windows: idOrNameKeys, incident: noKeys };

/**
 * Settles one path both sides changed. `choosing`: a person chose `mine` for
 * the conflicts left, so whatever `theirs` added that clashes goes.
 */
export function settle(versions: Versions, choosing = false): Settled {
  const kind = classifyPath(versions.path);
  const keys = KEYS[kind];
  if (keys) return settleYaml(versions, keys, kind === 'roster', choosing);
  if (versions.mine === null || versions.theirs === null) return settleRemoved(versions, kind === 'runbook' ? 'runbook' : 'file');
  if (versions.mine === versions.theirs) return { content: versions.mine, conflicts: [] };
  if (kind === 'runbook') {
    return keepMine(versions, 'runbook', 'Changed on both machines in the same place: this machine’s version is kept; choose mine, theirs or edit the merge.');
  }
  const what = kind === 'drill' ? 'This drill' : kind === 'slo' ? 'This SLO' : kind === 'event' ? 'This timeline event (events are never changed once written)' : 'This file';
  return keepMine(versions, kind === 'drill' || kind === 'slo' ? 'entry' : 'file', `${what} was changed on both machines: this machine’s version is kept; choose mine or theirs.`);
}

function keepMine(versions: Versions, kind: SyncConflict['kind'], detail: string): Settled {
  return { content: versions.mine, conflicts: [{ path: versions.path, kind, detail }] };
}

/** One side removed the file, the other changed it: the changed one stays (nothing is lost) and a person decides. */
function settleRemoved(versions: Versions, kind: SyncConflict['kind']): Settled {
  const kept = versions.mine ?? versions.theirs;
  const who = versions.mine === null ? 'this machine removed it and the other changed it' : 'the other machine removed it and this one changed it';
  return { content: kept, conflicts: [{ path: versions.path, kind, detail: `Removed and changed at once (${who}): the changed version is kept; choose to keep or remove it.` }] };
}

function settleYaml(versions: Versions, keys: KeyOf, roster: boolean, choosing: boolean): Settled {
  const sides = { base: readYaml(versions.base), mine: readYaml(versions.mine), theirs: readYaml(versions.theirs) };
  for (const [side, read] of Object.entries(sides)) {
    if ('problem' in read) {
      const whose = side === 'mine' ? 'this machine’s' : side === 'theirs' ? 'the other machine’s' : 'the common';
      return keepMine(versions, 'unreadable', `${whose} version cannot be read (${read.problem}): this machine’s version is kept; fix the file and sync again.`);
    }
  }
  const value = (read: { value: unknown } | { problem: string }) => ('value' in read ? read.value : undefined);
  if (versions.mine === null || versions.theirs === null) return settleRemoved(versions, 'entry');
  const { merged, conflicts } = mergeKeyed(value(sides.base), value(sides.mine), value(sides.theirs), keys);
  const clashes = roster ? overlappingOverrides(value(sides.base), value(sides.mine), value(sides.theirs)) : [];
  if (choosing) return { content: stringify(withoutOverrides(merged, clashes.map((clash) => clash.theirs)), { lineWidth: 0 }), conflicts: [] };
  return {
    content: stringify(merged, { lineWidth: 0 }),
    conflicts: [...conflicts.map(describe), ...clashes.map(describeClash)].map((detail) => ({ path: versions.path, kind: classifyPath(versions.path) === 'incident' ? 'field' : 'entry', detail })),
  };
}

function describeClash(clash: OverrideClash): string {
  const said = (override: OverrideClash['mine']) => `${String(override.person)} from ${String(override.start)} to ${String(override.end)}`;
  return `${clash.where}: two overrides added on different machines overlap (this machine: ${said(clash.mine)}; the other: ${said(clash.theirs)}): both are kept until someone chooses one.`;
}

const shown = (value: unknown): string => (value === null || value === undefined ? 'removed' : JSON.stringify(value).slice(0, 200));

function describe(conflict: EntryConflict): string {
  return `${conflict.where} was changed on both machines (this machine: ${shown(conflict.mine)}; the other: ${shown(conflict.theirs)}): this machine’s is kept until someone chooses.`;
}

/** A YAML text's value, or where it cannot be read (line and column). Null text reads as nothing. */
export function readYaml(text: string | null): { value: unknown } | { problem: string } {
  if (text === null) return { value: undefined };
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { problem: `line ${line}, column ${col}: ${error.message.split('\n')[0] ?? 'not YAML'}` };
  }
  return { value: document.toJS() as unknown };
}
