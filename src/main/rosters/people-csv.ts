import { parse } from 'csv-parse/sync';
import { CONTACT_KINDS, type ContactMethod } from '../../shared/rosters';
import { HoldfastError } from '../errors';
import { isKnownZone } from './time';

/** A record as csv-parse gives it with `info` and `raw`: its text (blank lines before it included) and where it ends. */
interface ParsedRow {
  record: Record<string, string>;
  raw: string;
  info: { bytes: number };
}

/**
 * The line of a byte offset in the file, for offsets asked in increasing order:
 * rows are not one per line when the file has blank lines or a quoted value
 * runs over several lines.
 */
function lineFinder(text: string): (byteOffset: number) => number {
  const bytes = Buffer.from(text);
  let position = 0;
  let line = 1;
  return (byteOffset) => {
    for (; position < byteOffset && position < bytes.length; position += 1) if (bytes[position] === 0x0a) line += 1;
    return line;
  };
}

export interface CsvPerson {
  handle: string;
  name: string;
  timeZone: string;
  contacts: ContactMethod[];
}

/**
 * People from CSV with a header row: handle, name, time_zone, then any of
 * phone, sms, email, chat (in that order of preference). Refused whole, with
 * every problem by line, if any row is wrong.
 */
export function parsePeopleCsv(text: string, fileName: string): CsvPerson[] {
  let rows: ParsedRow[];
  try {
    rows = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, info: true, raw: true });
  } catch (error) {
    throw new HoldfastError('VALIDATION', `${fileName} is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const lineOf = lineFinder(text);
  const problems: string[] = [];
  const seen = new Set<string>();
  const people = rows.map(({ record, raw, info }) => {
    const line = lineOf(info.bytes - Buffer.byteLength(raw) + (raw.length - raw.replace(/^[\r\n]+/, '').length));
    const handle = record.handle ?? '';
    if (!handle) problems.push(`${fileName}:${line}: handle is empty`);
    if (!record.name) problems.push(`${fileName}:${line}: name is empty`);
    if (!isKnownZone(record.time_zone ?? '')) problems.push(`${fileName}:${line}: "${record.time_zone ?? ''}" is not a time zone the tz database knows`);
    if (seen.has(handle)) problems.push(`${fileName}:${line}: "${handle}" appears twice`);
    seen.add(handle);
    const contacts = CONTACT_KINDS.filter((kind) => record[kind]).map((kind) => ({ kind, value: record[kind] ?? '' }));
    return { handle, name: record.name ?? '', timeZone: record.time_zone ?? '', contacts };
  });
  if (rows[0] && !('handle' in rows[0].record)) problems.unshift(`${fileName}:1: the header needs handle, name and time_zone columns`);
  if (problems.length > 0) {
    throw new HoldfastError('VALIDATION', `The people were not imported (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was changed.`, undefined, problems);
  }
  return people;
}
