import { LineCounter, parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import { WindowInput, type Window } from '../../shared/changes';
import { READABLE_FILE } from '../../shared/issue-words';
import { contentUid } from '../changes/ids';
import { windowProblems } from '../changes/windows';
import { lineOf } from '../rosters/roster-file';
import { fileIssue, type FileProblem } from './incident-files';
import { LAYOUT } from './layout';

/**
 * `windows.yaml`: the change calendar's freeze and peak windows, one entry
 * each under `windows:`, keyed by `id` (the window's ULID) for the per-entry
 * merge (keyed-merge.ts, idOrNameKeys). An entry a person wrote without an id
 * is keyed by its name: every machine gives it the same id, made from the name.
 */

const FIELDS = ['name', 'kind', 'services', 'from', 'to', 'cron', 'duration', 'zone', 'reason'] as const;

/** The file's text for these windows: by name, then id, each with its fields in one order, so one set of windows gives one text. */
export function windowsText(windows: readonly Window[]): string {
  const sorted = [...windows].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  const entries = sorted.map((window) => {
    const entry: Record<string, unknown> = { id: window.uid };
    for (const field of FIELDS) if (window[field] !== undefined) entry[field] = window[field];
    return entry;
  });
  return stringify({ windows: entries }, { lineWidth: 0 });
}

const Entry = z.object({ id: z.string().optional() }).passthrough();
const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export interface WindowsRead {
  /** The entries that read, each as a window with its uid. */
  windows: Window[];
  /** The uids of entries that did not read (an id was there): not removed here for being unreadable. */
  unreadable: string[];
  problems: FileProblem[];
}

/**
 * windows.yaml read entry by entry: an entry that cannot be used (a bad kind,
 * a zone the tz database does not know, a cron that does not parse) is a
 * problem with its line and left out; the others are read. A file that is not
 * YAML is one problem, and nothing of it is read (`windows` null).
 */
export function parseWindows(text: string): Omit<WindowsRead, 'windows'> & { windows: Window[] | null } {
  const file = LAYOUT.windows;
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const error = document.errors[0];
  if (error) return { windows: null, unreadable: [], problems: [{ path: file, line: lines.linePos(error.pos[0]).line, message: error.message.split('\n')[0] ?? 'not YAML' }] };
  const whole: unknown = document.toJS();
  const isMap = typeof whole === 'object' && whole !== null && !Array.isArray(whole);
  const list: unknown = isMap ? (whole as Record<string, unknown>).windows : undefined;
  if (!((whole === null || whole === undefined || isMap) && (list === null || list === undefined || Array.isArray(list)))) {
    return { windows: null, unreadable: [], problems: [{ path: file, line: lineOf(document, lines, []), message: 'is not a list of windows: write `windows:` and one entry per window under it (docs/sync.md)' }] };
  }
  const values: unknown[] = Array.isArray(list) ? list : [];
  const out: WindowsRead = { windows: [], unreadable: [], problems: [] };
  values.forEach((value, index) => {
    const at = (issuePath: readonly PropertyKey[]) => lineOf(document, lines, ['windows', index, ...issuePath]);
    const entry = Entry.safeParse(value);
    if (!entry.success) {
      out.problems.push({ path: file, line: at([]), message: `windows[${index}] is not a window: give its name, kind and when` });
      return;
    }
    const { id, ...fields } = entry.data;
    if (id !== undefined && !ID.test(id)) {
      out.problems.push({ path: file, line: at(['id']), message: `windows[${index}].id "${id}" is not a ULID (26 letters and digits); remove it and Holdfast gives the window one` });
      return;
    }
    const parsed = WindowInput.safeParse(fields, READABLE_FILE);
    if (!parsed.success) {
      const problem = fileIssue(file, parsed.error, at, 'not a window');
      out.problems.push({ ...problem, message: `windows[${index}]: ${problem.message}` });
      if (id) out.unreadable.push(id);
      return;
    }
    const wrong = windowProblems(parsed.data)[0];
    if (wrong) {
      out.problems.push({ path: file, line: at([wrong.field]), message: `windows[${index}].${wrong.field}: ${wrong.message}` });
      if (id) out.unreadable.push(id);
      return;
    }
    out.windows.push({ ...parsed.data, uid: id ?? contentUid(0, `window:${parsed.data.name}`) });
  });
  return out;
}

/** The ids of the windows a version of the file holds (its entries with an id, or named); none when it cannot be read. */
export function windowIds(text: string | null): Set<string> {
  if (text === null) return new Set();
  const read = parseWindows(text);
  return new Set([...(read.windows ?? []).map((window) => window.uid), ...read.unreadable]);
}
