import { LineCounter, parseDocument, stringify } from 'yaml';
import { ChangeLogEntry, ChangeRecord } from '../../shared/changes';
import { READABLE_FILE } from '../../shared/issue-words';
import { lineOf } from '../rosters/roster-file';
import type { RunbookLibrary } from '../runbooks/library';
import { fileIssue, jsonLine, readJson, type FileProblem } from './incident-files';

/**
 * A change in the workspace: `changes/<change-uid>/change.yaml` (what was
 * planned, never changed once planned) and one JSON file per log entry,
 * `changes/<change-uid>/log/<entry-uid>.json`, written once under its own ULID,
 * so two machines' logs merge as a union of files with no git conflict, and a
 * change's state is replayed from the merged log (src/main/changes/walk.ts).
 *
 * Runbook ids are local to a store: a plan, a rollback or a gate's checks taken
 * from a runbook name it in the files by the runbook's stable id (`runbook:
 * rb_…`, the `id` of its front matter) with the revision it was pinned to on the
 * machine that wrote it; read back, it names the runbook of that stable id here,
 * pinned to its latest revision here (revision numbers are local too).
 */

/** Looks runbooks up both ways: a local number's stable id, and a stable id's number and latest revision here. */
export interface RunbookIds {
  stableId(localId: number): string | undefined;
  local(stableId: string): { id: number; revision: number } | undefined;
}

/** The lookups over this store's runbook library. */
export function runbookIdsOf(library: RunbookLibrary): RunbookIds {
  return {
    stableId: (localId) => library.uidOf(localId),
    local: (stableId) => {
      const id = library.findByUid(stableId);
      return id === undefined ? undefined : { id, revision: library.get(id).revision };
    },
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every `{runbookId, revision}` in a record or entry, named by the runbook's stable id instead. */
function sharedRefs(value: unknown, ids: RunbookIds): unknown {
  if (Array.isArray(value)) return value.map((item) => sharedRefs(item, ids));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'runbookId' && typeof item === 'number') out.runbook = ids.stableId(item) ?? null;
    else out[key] = sharedRefs(item, ids);
  }
  return out;
}

/** Every `{runbook: rb_…, revision}` of a file, named by this store's number for it; `missing` collects stable ids not here. */
function localRefs(value: unknown, ids: RunbookIds, missing: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => localRefs(item, ids, missing));
  if (!isObject(value)) return value;
  const ref = typeof value.runbook === 'string' && 'revision' in value ? ids.local(value.runbook) : undefined;
  if (typeof value.runbook === 'string' && 'revision' in value && !ref) missing.add(value.runbook);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'runbook' && typeof item === 'string' && 'revision' in value) out.runbookId = ref?.id ?? 0;
    else if (key === 'revision' && ref) out.revision = ref.revision;
    else out[key] = localRefs(item, ids, missing);
  }
  return out;
}

/** change.yaml's text: the planned record, its runbooks by stable id. The same change gives the same bytes. */
export function changeText(record: ChangeRecord, ids: RunbookIds): string {
  return stringify(sharedRefs(ChangeRecord.parse(record), ids), { lineWidth: 0 });
}

/** A log entry's file text: one key per line, ending in a newline. */
export function changeLogText(entry: ChangeLogEntry, ids: RunbookIds): string {
  return `${JSON.stringify(sharedRefs(ChangeLogEntry.parse(entry), ids), null, 2)}\n`;
}

/** The line of a file where `needle` first shows, if it does. */
const lineWith = (text: string, needle: string): number | null => {
  const at = text.indexOf(needle);
  return at === -1 ? null : text.slice(0, at).split('\n').length;
};

const missingRunbooks = (file: string, text: string, missing: Set<string>): FileProblem => ({
  path: file,
  line: lineWith(text, [...missing][0] ?? ''),
  message: `names runbook ${[...missing].join(', ')}, which is not on this machine (not yet synced, or its file could not be read): left out; it comes in once the runbook is here and the change is written again`,
});

/** change.yaml read and checked against its folder, or what is wrong with it and on which line. */
export function parseChange(text: string, file: string, ids: RunbookIds): { record: ChangeRecord } | { problem: FileProblem } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const error = document.errors[0];
  if (error) return { problem: { path: file, line: lines.linePos(error.pos[0]).line, message: error.message.split('\n')[0] ?? 'not YAML' } };
  const missing = new Set<string>();
  const local = localRefs(document.toJS(), ids, missing);
  if (missing.size > 0) return { problem: missingRunbooks(file, text, missing) };
  const parsed = ChangeRecord.safeParse(local, READABLE_FILE);
  if (!parsed.success) return { problem: fileIssue(file, parsed.error, (issuePath) => lineOf(document, lines, issuePath), 'not a change file') };
  const folder = file.split('/').at(-2);
  if (folder !== parsed.data.uid) return { problem: { path: file, line: lineOf(document, lines, ['uid']), message: `its uid ${parsed.data.uid} is not its folder’s name (${folder ?? ''})` } };
  return { record: parsed.data };
}

/** A log entry's file read and checked against its name and folder, or what is wrong with it and on which line. */
export function parseChangeLog(text: string, file: string, ids: RunbookIds): { entry: ChangeLogEntry } | { problem: FileProblem } {
  const json = readJson(text, file);
  if ('problem' in json) return json;
  const missing = new Set<string>();
  const local = localRefs(json.value, ids, missing);
  if (missing.size > 0) return { problem: missingRunbooks(file, text, missing) };
  const parsed = ChangeLogEntry.safeParse(local, READABLE_FILE);
  if (!parsed.success) return { problem: fileIssue(file, parsed.error, (issuePath) => jsonLine(text, issuePath), 'not a change log entry') };
  const [, change, , name] = file.split('/');
  if (parsed.data.uid !== name?.replace(/\.json$/, '') || parsed.data.change !== change) {
    return { problem: { path: file, line: jsonLine(text, ['uid']), message: 'its uid and change do not match the file’s name and folder' } };
  }
  return { entry: parsed.data };
}
