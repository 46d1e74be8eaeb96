import { parse } from 'csv-parse/sync';
import { HoldfastError } from '../errors';
import type { SloDefinition } from './definition';
import type { Bucket } from './series';
import { parseInstant, pointsToBuckets, type SliPoint } from './sli-points';

/**
 * SLI data as CSV, one row per bucket, with a header:
 *
 *   timestamp,good,total      good events and all events in the bucket
 *   timestamp,bad,total       bad events and all events
 *   timestamp,value           a threshold SLI's value (latency, say), judged by the objective's op and value
 *
 * `timestamp` is the bucket's start: ISO-8601 with a zone (2026-06-01T00:00:00Z)
 * or Unix seconds. Counts are numbers of zero or more, good or bad at most
 * total. A file with any bad row is refused whole, every problem named with its
 * line; nothing is stored.
 */

const HEADERS = ['timestamp,good,total', 'timestamp,bad,total', 'timestamp,value'];
const SHOWN = 20;

interface Row {
  record: string[];
  /** The line the row ends on; 0 when not known (the fast read). */
  line: number;
}

const OPTIONS = { skip_empty_lines: true, trim: true, relax_column_count: true, comment: '#' } as const;

/**
 * Reads the rows fast (csv-parse without line numbers is three times quicker
 * on a month of minutes) and, only when something is wrong, again with line
 * numbers, so every problem is named by its line.
 */
export function parseSliCsv(text: string, fileName: string, definition: SloDefinition): Bucket[] {
  const fast = readRows(text, fileName, false);
  const first = checkRows(fast, fileName, definition);
  if (first.ok) return first.buckets;
  const second = checkRows(readRows(text, fileName, true), fileName, definition);
  if (second.ok) return second.buckets; // not reached: the same rows have the same problems
  throw second.error;
}

function readRows(text: string, fileName: string, withLines: boolean): Row[] {
  try {
    if (!withLines) return (parse(text, OPTIONS) satisfies string[][]).map((record) => ({ record, line: 0 }));
    const rows = parse(text, { ...OPTIONS, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return rows.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    throw new HoldfastError('VALIDATION', `${fileName} is not valid CSV: ${error instanceof Error ? error.message : String(error)}`, 'path');
  }
}

type Checked = { ok: true; buckets: Bucket[] } | { ok: false; error: HoldfastError };

function checkRows(rows: Row[], fileName: string, definition: SloDefinition): Checked {
  const header = rows.shift();
  const columns = header?.record.map((cell) => cell.toLowerCase()) ?? [];
  const kind = columns.join(',');
  if (!HEADERS.includes(kind)) {
    const line = header?.line || 1;
    const looksLikeData = header !== undefined && parseInstant(header.record[0] ?? '') !== null;
    return {
      ok: false,
      error: new HoldfastError(
        'VALIDATION',
        `${fileName}:${line}: ${looksLikeData ? 'the first row is data; the file needs a header row' : `the header is "${header?.record.join(',') ?? ''}"`}: write one of ${HEADERS.join(' or ')}.`,
        'path',
      ),
    };
  }
  const threshold = definition.indicator === 'threshold';
  if (threshold !== (kind === 'timestamp,value')) {
    throw new HoldfastError(
      'VALIDATION',
      threshold
        ? `${fileName}: SLO "${definition.name}" has a threshold SLI; its data is timestamp,value (each value is judged by the objective's op and value).`
        : `${fileName}: timestamp,value is data for a threshold SLI; SLO "${definition.name}" counts events: write timestamp,good,total or timestamp,bad,total.`,
      'path',
    );
  }
  const problems: string[] = [];
  const seen = new Map<number, number>();
  const points: SliPoint[] = [];
  for (const { record, line } of rows) {
    const problem = (message: string) => problems.push(`${fileName}:${line}: ${message}`);
    if (record.length !== columns.length) {
      problem(`has ${record.length} values; the header has ${columns.length} (${kind})`);
      continue;
    }
    const at = parseInstant(record[0] ?? '');
    if (at === null) {
      problem(`"${record[0] ?? ''}" is not a timestamp; write ISO-8601 with a zone (2026-06-01T00:00:00Z) or Unix seconds`);
      continue;
    }
    const earlier = seen.get(at);
    if (earlier !== undefined) problem(`the timestamp ${record[0] ?? ''} is also on line ${earlier}; one row per bucket`);
    seen.set(at, line);
    const numbers = record.slice(1).map((cell) => (cell === '' ? NaN : Number(cell)));
    const bad = numbers.findIndex((number) => !Number.isFinite(number) || (!threshold && number < 0));
    if (bad !== -1) {
      problem(`${columns[bad + 1] ?? ''} is "${record[bad + 1] ?? ''}"; write ${threshold ? 'a number' : 'a count of zero or more'}`);
      continue;
    }
    if (threshold) {
      points.push({ at, good: 0, total: 0, value: numbers[0] ?? 0 });
      continue;
    }
    const [part = 0, total = 0] = numbers;
    if (part > total) {
      problem(`${columns[1] ?? ''} (${part}) is more than total (${total})`);
      continue;
    }
    points.push({ at, good: kind === 'timestamp,bad,total' ? total - part : part, total, value: null });
  }
  if (rows.length === 0) problems.push(`${fileName}: has a header but no rows`);
  if (problems.length > 0) {
    const shown = problems.slice(0, SHOWN);
    if (problems.length > SHOWN) shown.push(`and ${problems.length - SHOWN} more problems`);
    return {
      ok: false,
      error: new HoldfastError('VALIDATION', `${fileName} was not imported (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was changed.`, 'path', shown),
    };
  }
  return { ok: true, buckets: pointsToBuckets(points, definition, fileName, false) };
}
