import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import { formatIssuePath, READABLE_FILE } from '../../shared/issue-words';
import { EventFile, IncidentFile } from '../../shared/sync';
import { HoldfastError } from '../errors';
import { writeFileWhole } from '../files/write-whole';
import { lineOf } from '../rosters/roster-file';
import { isUid } from './ids';
import { eventPath, eventsDir, incidentPath, LAYOUT } from './layout';

/**
 * An incident in the workspace: `incidents/<uid>/incident.yaml` and one JSON
 * file per timeline event, written once under its own ULID and never changed,
 * so two machines' timelines merge as a union of files with no git conflict.
 */

/** A file of the workspace that cannot be read, with where and why: it is reported and left out, the rest is read. */
export interface FileProblem {
  path: string;
  line: number | null;
  message: string;
}

export const problemText = (problem: FileProblem): string => `${problem.path}${problem.line === null ? '' : `:${problem.line}`}: ${problem.message}`;

/** incident.yaml's text: its fields in the schema's order, so writing the same incident twice gives the same bytes. */
export function incidentText(incident: IncidentFile): string {
  return stringify(IncidentFile.parse(incident), { lineWidth: 0 });
}

/** An event's file text: one key per line in the schema's order, ending in a newline. */
export function eventText(event: EventFile): string {
  return `${JSON.stringify(EventFile.parse(event), null, 2)}\n`;
}

/**
 * Writes a file of the workspace whole or not at all: under a temporary name in
 * `.git` (never in the working copy, never committed), then renamed into place.
 */
export function writeWhole(repoDir: string, file: string, text: string | Buffer): void {
  const target = path.join(repoDir, ...file.split('/'));
  const scratch = path.join(repoDir, '.git', 'holdfast-tmp');
  fs.mkdirSync(scratch, { recursive: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  writeFileWhole(target, text, scratch);
}

export function writeIncident(repoDir: string, incident: IncidentFile): void {
  writeWhole(repoDir, incidentPath(incident.uid), incidentText(incident));
}

/**
 * Writes an event's file. An event is never changed: writing one whose file
 * is there with other content is refused (a correction is its own event).
 */
export function writeEvent(repoDir: string, event: EventFile): void {
  const file = eventPath(event.incident, event.uid);
  const text = eventText(event);
  const existing = readIfThere(path.join(repoDir, ...file.split('/')));
  if (existing === text) return;
  if (existing !== null) throw new HoldfastError('CONFLICT', `${file} already holds another event: timeline events are never changed; record a correction instead.`);
  writeWhole(repoDir, file, text);
}

function readIfThere(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** incident.yaml read and checked, or what is wrong with it and on which line. */
export function parseIncident(text: string, file: string): { incident: IncidentFile } | { problem: FileProblem } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const error = document.errors[0];
  if (error) return { problem: { path: file, line: lines.linePos(error.pos[0]).line, message: error.message.split('\n')[0] ?? 'not YAML' } };
  const parsed = IncidentFile.safeParse(document.toJS(), READABLE_FILE);
  if (!parsed.success) return { problem: fileIssue(file, parsed.error, (issuePath) => lineOf(document, lines, issuePath), 'not an incident file') };
  const folder = file.split('/').at(-2);
  if (folder !== parsed.data.uid) return { problem: { path: file, line: lineOf(document, lines, ['uid']), message: `its uid ${parsed.data.uid} is not its folder’s name (${folder ?? ''})` } };
  return { incident: parsed.data };
}

/** An event file read and checked, or what is wrong with it and on which line. */
export function parseEvent(text: string, file: string): { event: EventFile } | { problem: FileProblem } {
  const json = readJson(text, file);
  if ('problem' in json) return json;
  const parsed = EventFile.safeParse(json.value, READABLE_FILE);
  if (!parsed.success) return { problem: fileIssue(file, parsed.error, (issuePath) => jsonLine(text, issuePath), 'not an event file') };
  const [, incident, , name] = file.split('/');
  if (parsed.data.uid !== name?.replace(/\.json$/, '') || parsed.data.incident !== incident) {
    return { problem: { path: file, line: jsonLine(text, ['uid']), message: 'its uid and incident do not match the file’s name and folder' } };
  }
  return { event: parsed.data };
}

/** A JSON file's value, or the line where it stops being JSON. */
export function readJson(text: string, file: string): { value: unknown } | { problem: FileProblem } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const said = error instanceof Error ? error.message : '';
    const position = /position (\d+)/.exec(said);
    // A file cut short ends where the text ends.
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : /end of JSON/i.test(said) ? text.split('\n').length : null;
    return { problem: { path: file, line, message: 'not JSON (the file may have been cut short)' } };
  }
}

/** A file's first schema problem, naming the field and its line (`what`: the message when zod gives none). */
export function fileIssue(file: string, error: z.ZodError, lineFor: (issuePath: PropertyKey[]) => number | null, what: string): FileProblem {
  const issue = error.issues[0];
  const issuePath = issue?.path ?? [];
  const where = formatIssuePath(issuePath);
  const message = issue?.message ?? what;
  return { path: file, line: lineFor(issuePath), message: where && !message.includes(where) ? `${where}: ${message}` : message };
}

/** The line of a top-level key in a JSON file written one key per line (eventText's layout). */
export function jsonLine(text: string, issuePath: readonly PropertyKey[]): number | null {
  const key = issuePath[0];
  if (typeof key !== 'string') return null;
  const at = text.indexOf(`"${key}":`);
  return at === -1 ? null : text.slice(0, at).split('\n').length;
}

export interface IncidentRead {
  incident: IncidentFile | null;
  events: EventFile[];
  problems: FileProblem[];
}

/** An incident's folder: its incident.yaml and every event that can be read; each one that cannot is a problem. */
export function readIncident(repoDir: string, incidentUid: string): IncidentRead {
  const problems: FileProblem[] = [];
  const incident = readIncidentFile(repoDir, incidentPath(incidentUid), problems, 'is missing: the incident’s events are kept, its title and times are not known');
  const folder = eventsDir(incidentUid);
  const names = listFiles(path.join(repoDir, ...folder.split('/'))).filter((name) => name.endsWith('.json'));
  return { incident, events: readEventFiles(repoDir, names.map((name) => `${folder}/${name}`), problems), problems };
}

/** A workspace file's text, or null with a problem saying it is missing (`missing`: how, for this file). */
export function readWorkspaceFile(repoDir: string, file: string, problems: FileProblem[], missing = 'could not be read from the working copy'): string | null {
  const text = readIfThere(path.join(repoDir, ...file.split('/')));
  if (text === null) problems.push({ path: file, line: null, message: missing });
  return text;
}

/** An incident.yaml read and checked; null, with its problem added, when it cannot be. */
export function readIncidentFile(repoDir: string, file: string, problems: FileProblem[], missing?: string): IncidentFile | null {
  const text = readWorkspaceFile(repoDir, file, problems, missing);
  const read = text === null ? null : parseIncident(text, file);
  if (read && 'problem' in read) problems.push(read.problem);
  return read && 'incident' in read ? read.incident : null;
}

/** Event files read and checked: those that read, in the order given; a problem added for each that does not. */
export function readEventFiles(repoDir: string, files: readonly string[], problems: FileProblem[]): EventFile[] {
  const events: EventFile[] = [];
  for (const file of files) {
    const text = readWorkspaceFile(repoDir, file, problems);
    const read = text === null ? null : parseEvent(text, file);
    if (read && 'problem' in read) problems.push(read.problem);
    else if (read) events.push(read.event);
  }
  return events;
}

/** The uids of the workspace's incidents (folders under incidents/). */
export function incidentUids(repoDir: string): string[] {
  return listFiles(path.join(repoDir, LAYOUT.incidents)).filter(isUid).sort();
}

function listFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
