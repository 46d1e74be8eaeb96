import { HoldfastError } from '../errors';
import type { SloDefinition } from './definition';
import type { Bucket } from './series';
import { isoInstant, parseInstant, pointsToBuckets, type SliPoint } from './sli-points';

/**
 * SLI data as CSV, one row per bucket, with a header:
 *
 *   timestamp,good,total      good events and all events in the bucket
 *   timestamp,bad,total       bad events and all events
 *   timestamp,value           a threshold SLI's value (latency, say), judged by the objective's op and value
 *
 * `timestamp` is the bucket's start: ISO-8601 with a zone (2026-06-01T00:00:00Z)
 * or Unix seconds. Counts are numbers of zero or more, good or bad at most
 * total. Values may be quoted (`"1000"`); `#`
 * starts a comment; empty lines and spaces around values are ignored. A file
 * with any bad row is refused whole, every problem named with its line; nothing
 * is stored.
 *
 * The text is read as it comes (`SliCsvReader.push`, chunk by chunk while a file
 * is read), a line at a time, so a month of minutes is never held twice.
 */

const HEADERS = ['timestamp,good,total', 'timestamp,bad,total', 'timestamp,value'];
const SHOWN = 20;

/** The cells of one line, trimmed, without its comment; a string when the line's quotes are broken. */
function cellsOf(line: string): string[] | string {
  const comment = line.indexOf('#');
  const quote = line.indexOf('"');
  if (quote === -1 || (comment !== -1 && comment < quote)) {
    const cells = (comment === -1 ? line : line.slice(0, comment)).split(',');
    for (let i = 0; i < cells.length; i += 1) cells[i] = (cells[i] as string).trim();
    return cells;
  }
  return quotedCells(line);
}

/** A line with quotes, read as RFC 4180 says (`""` inside quotes is one quote). */
function quotedCells(line: string): string[] | string {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    while (line[at] === ' ' || line[at] === '\t') at += 1;
    let cell: string;
    if (line[at] === '"') {
      cell = '';
      at += 1;
      for (;;) {
        const close = line.indexOf('"', at);
        if (close === -1) return 'a quoted value is not closed on its line';
        cell += line.slice(at, close);
        at = close + 1;
        if (line[at] !== '"') break;
        cell += '"';
        at += 1;
      }
      while (line[at] === ' ' || line[at] === '\t') at += 1;
      if (at < line.length && line[at] !== ',' && line[at] !== '#') return `there is text after the quoted value "${cell}"`;
    } else {
      let end = at;
      while (end < line.length && line[end] !== ',' && line[end] !== '#') end += 1;
      cell = line.slice(at, end).trim();
      if (cell.includes('"')) return `a quote in the middle of the value ${cell}; quote whole values`;
      at = end;
    }
    cells.push(cell);
    if (line[at] !== ',') return cells;
    at += 1;
  }
}

/** Reads SLI CSV text pushed in pieces; `end()` answers the buckets or throws every problem with its line. */
export class SliCsvReader {
  private rest = '';
  private line = 0;
  private columns: string[] | null = null;
  private kind = '';
  private readonly points: SliPoint[] = [];
  /** Rows so far all later than the one before: no timestamp can repeat, and no map of them is needed. */
  private lastAt = -Infinity;
  /** The date (`2026-06-01T`) of the last UTC row read whole, and its midnight: the rows after it on that day read only their time. */
  private dayText = '';
  private dayMs = 0;
  private seen: Map<number, number> | null = null;
  /** Timestamps and lines of the rows read while they were in order, pairwise (the map is built from them when one is not). */
  private readonly pending: number[] = [];
  private rows = 0;
  private problemCount = 0;
  private readonly problems: string[] = [];

  constructor(
    private readonly fileName: string,
    private readonly definition: SloDefinition,
  ) {}

  push(text: string): void {
    const all = this.rest === '' ? text : this.rest + text;
    let from = 0;
    for (let newline = all.indexOf('\n'); newline !== -1; newline = all.indexOf('\n', from)) {
      const end = newline > from && all.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      if (!this.readCountsRow(all, from, end)) this.readLine(all.slice(from, end));
      from = newline + 1;
    }
    this.rest = all.slice(from);
  }

  end(): Bucket[] {
    if (this.rest !== '') this.readLine(this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest);
    this.rest = '';
    if (this.columns === null) throw this.headerError(null, 1);
    if (this.rows === 0) this.problem(`${this.fileName}: has a header but no rows`);
    if (this.problemCount > 0) {
      const shown = [...this.problems];
      if (this.problemCount > SHOWN) shown.push(`and ${this.problemCount - SHOWN} more problems`);
      const count = `${this.problemCount} problem${this.problemCount === 1 ? '' : 's'}`;
      throw new HoldfastError('VALIDATION', `${this.fileName} was not imported (${count}); nothing was changed.`, 'path', shown);
    }
    return pointsToBuckets(this.points, this.definition, this.fileName, false);
  }

  private rowProblem(message: string): void {
    this.problem(`${this.fileName}:${this.line}: ${message}`);
  }

  private problem(message: string): void {
    this.problemCount += 1;
    if (this.problems.length < SHOWN) this.problems.push(message);
  }

  private readLine(text: string): void {
    this.line += 1;
    if (this.columns !== null && this.readPlainRow(text, this.columns.length === 3)) return;
    const cells = cellsOf(text);
    if (typeof cells !== 'string' && cells.length === 1 && cells[0] === '') return; // an empty line, or only a comment
    if (this.columns === null) {
      this.readHeader(cells);
      return;
    }
    this.rows += 1;
    if (typeof cells === 'string') {
      this.rowProblem(cells);
      return;
    }
    this.readRow(cells);
  }

  private readHeader(cells: string[] | string): void {
    const columns = typeof cells === 'string' ? [] : cells.map((cell) => cell.toLowerCase());
    const kind = columns.join(',');
    if (!HEADERS.includes(kind)) throw this.headerError(typeof cells === 'string' ? null : cells, this.line);
    const threshold = this.definition.indicator === 'threshold';
    if (threshold !== (kind === 'timestamp,value')) {
      throw new HoldfastError(
        'VALIDATION',
        threshold
          ? `${this.fileName}: SLO "${this.definition.name}" has a threshold SLI; its data is timestamp,value (each value is judged by the objective's op and value).`
          : `${this.fileName}: timestamp,value is data for a threshold SLI; SLO "${this.definition.name}" counts events: write timestamp,good,total or timestamp,bad,total.`,
        'path',
      );
    }
    this.columns = columns;
    this.kind = kind;
  }

  private headerError(cells: string[] | null, line: number): HoldfastError {
    const looksLikeData = cells !== null && parseInstant(cells[0] ?? '') !== null;
    const what = looksLikeData ? 'the first row is data; the file needs a header row' : `the header is "${cells?.join(',') ?? ''}"`;
    return new HoldfastError('VALIDATION', `${this.fileName}:${line}: ${what}: write one of ${HEADERS.join(' or ')}.`, 'path');
  }

  /**
   * The common row, without a quote or a comment and with as many commas as
   * the header, read without splitting it into an array (this runs for every
   * row of a month of minutes); false when the row is not such a one.
   */
  private readPlainRow(text: string, three: boolean): boolean {
    if (text.indexOf('"') !== -1 || text.indexOf('#') !== -1) return false;
    const first = text.indexOf(',');
    if (first === -1) return false;
    const second = text.indexOf(',', first + 1);
    if (three ? second === -1 || text.indexOf(',', second + 1) !== -1 : second !== -1) return false;
    this.rows += 1;
    this.readValues(text.slice(0, first), text.slice(first + 1, three ? second : text.length), three ? text.slice(second + 1) : '');
    return true;
  }

  /**
   * The row of a month of minutes, read where it lies in the chunk (nothing is
   * copied out of it): `ISO-8601,count,count` with whole counts, later than
   * the row before, good or bad at most total. False for any other row, which
   * `readLine` then reads (and, when it is wrong, says why).
   */
  private readCountsRow(s: string, from: number, end: number): boolean {
    if (this.columns?.length !== 3 || this.seen !== null) return false;
    // Any other character (a quote, a comment, a third comma, a space) fails the strict reads of the cells below.
    const first = s.indexOf(',', from);
    const second = first === -1 ? -1 : s.indexOf(',', first + 1);
    if (second === -1 || second >= end) return false;
    const at = this.rowInstant(s, from, first);
    const counted = wholeNumber(s, first + 1, second);
    const total = wholeNumber(s, second + 1, end);
    if (typeof at !== 'number' || at <= this.lastAt || counted < 0 || total < 0 || counted > total) return false;
    this.line += 1;
    this.rows += 1;
    this.lastAt = at;
    this.pending.push(at, this.line);
    this.points.push({ start: at, width: 0, good: this.kind === 'timestamp,bad,total' ? total - counted : counted, total, value: null });
    return true;
  }

  /** The instant from `from` to `end`: as `isoInstant` reads it, the date read once a day for rows in UTC (`…THH:MM:SS[.mmm]Z`). */
  private rowInstant(s: string, from: number, end: number): number | null | undefined {
    if (this.dayText !== '' && s.startsWith(this.dayText, from)) {
      const time = utcTimeOfDay(s, from + 11, end);
      if (time >= 0) return this.dayMs + time;
    }
    const at = isoInstant(s, from, end);
    if (typeof at === 'number' && s.charCodeAt(from + 10) === 84) {
      const time = utcTimeOfDay(s, from + 11, end);
      if (time >= 0) {
        this.dayText = s.slice(from, from + 11);
        this.dayMs = at - time;
      }
    }
    return at;
  }

  private readRow(record: string[]): void {
    const columns = this.columns as string[];
    if (record.length !== columns.length) {
      this.rowProblem(`has ${record.length} values; the header has ${columns.length} (${this.kind})`);
      return;
    }
    this.readValues(record[0] as string, record[1] as string, record[2] ?? '');
  }

  /** A row's timestamp and its one or two numbers, as written (spaces around them are not read). */
  private readValues(stamp: string, firstText: string, secondText: string): void {
    const columns = this.columns as string[];
    const at = parseInstant(stamp);
    if (at === null) {
      this.rowProblem(`"${stamp.trim()}" is not a timestamp; write ISO-8601 with a zone (2026-06-01T00:00:00Z) or Unix seconds`);
      return;
    }
    const earlier = this.earlierLine(at, this.line);
    if (earlier !== undefined) this.rowProblem(`the timestamp ${stamp.trim()} is also on line ${earlier}; one row per bucket`);
    const threshold = columns.length === 2;
    const first = numberOf(firstText);
    const second = threshold ? 0 : numberOf(secondText);
    const bad = !Number.isFinite(first) || (!threshold && first < 0) ? 1 : !Number.isFinite(second) || second < 0 ? 2 : 0;
    if (bad !== 0) {
      this.rowProblem(`${columns[bad] ?? ''} is "${(bad === 1 ? firstText : secondText).trim()}"; write ${threshold ? 'a number' : 'a count of zero or more'}`);
      return;
    }
    if (threshold) {
      this.points.push({ start: at, width: 0, good: 0, total: 0, value: first });
      return;
    }
    if (first > second) {
      this.rowProblem(`${columns[1] ?? ''} (${first}) is more than total (${second})`);
      return;
    }
    this.points.push({ start: at, width: 0, good: this.kind === 'timestamp,bad,total' ? second - first : first, total: second, value: null });
  }

  /** The line an earlier row with this timestamp is on, if any (every row's timestamp is remembered, refused rows' too). */
  private earlierLine(at: number, line: number): number | undefined {
    if (this.seen === null && at > this.lastAt) {
      this.lastAt = at;
      this.pending.push(at, line);
      return undefined;
    }
    if (this.seen === null) {
      this.seen = new Map();
      for (let i = 0; i < this.pending.length; i += 2) this.seen.set(this.pending[i] as number, this.pending[i + 1] as number);
    }
    const earlier = this.seen.get(at);
    this.seen.set(at, line);
    return earlier;
  }
}

/** `HH:MM:SS[.mmm]Z` from `from` to `end` as milliseconds into the day; -1 when it is written otherwise (or out of range). */
function utcTimeOfDay(s: string, from: number, end: number): number {
  const length = end - from;
  if ((length !== 9 && length !== 13) || s.charCodeAt(end - 1) !== 90 || s.charCodeAt(from + 2) !== 58 || s.charCodeAt(from + 5) !== 58) return -1;
  const hour = wholeNumber(s, from, from + 2);
  const minute = wholeNumber(s, from + 3, from + 5);
  const second = wholeNumber(s, from + 6, from + 8);
  const ms = length === 13 && s.charCodeAt(from + 8) === 46 ? wholeNumber(s, from + 9, from + 12) : length === 9 ? 0 : -1;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return -1;
  return ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** The digits from `from` to `end` (1 to 15 of them, so exact) as a number; -1 when that is not what is there. */
function wholeNumber(s: string, from: number, end: number): number {
  if (end <= from || end - from > 15) return -1;
  let value = 0;
  for (let i = from; i < end; i += 1) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** A value as a number; NaN when it is empty or not a number. */
function numberOf(text: string): number {
  const number = Number(text);
  return number === 0 && text.trim() === '' ? NaN : number;
}

/** SLI CSV text read whole (a file chosen in the console, a test). */
export function parseSliCsv(text: string, fileName: string, definition: SloDefinition): Bucket[] {
  const reader = new SliCsvReader(fileName, definition);
  reader.push(text);
  return reader.end();
}
