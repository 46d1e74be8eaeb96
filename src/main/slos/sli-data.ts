import { createHash } from 'node:crypto';
import path from 'node:path';
import { FILE_LIMITS } from '../../shared/limits';
import { HoldfastError } from '../errors';
import { readLimitedText, readLimitedTextChunks } from '../files/read-limited';
import type { SloDefinition } from './definition';
import type { Bucket } from './series';
import { SliCsvReader } from './sli-csv';
import { parsePrometheusSli, type PrometheusFiles } from './sli-prometheus';

/**
 * An SLI data file (CSV, or a Prometheus range answer with its total answer when
 * it holds events) read into buckets, with the hash that recognises the same
 * data imported again: the sha256 of the file's text (then a NUL and the total
 * file's text), the same whether the file was named on the command line or
 * chosen in the console. A CSV file named by its path is parsed while it is
 * read, chunk by chunk.
 */

export interface SliText {
  name: string;
  text: string;
}

export interface SliData {
  buckets: Bucket[];
  hash: string;
}

/** Data sent as text (a file chosen in the console). */
export function readSliTexts(definition: SloDefinition, file: SliText, total?: SliText): SliData {
  const hash = createHash('sha256').update(file.text);
  if (total) hash.update('\u0000').update(total.text);
  if (!isJson(file.name, file.text)) {
    if (total) throw csvWithTotal(file.name, total.name);
    const reader = new SliCsvReader(file.name, definition);
    reader.push(file.text);
    return { buckets: reader.end(), hash: hash.digest('hex') };
  }
  const files: PrometheusFiles = total
    ? { kind: 'events', events: { text: file.text, fileName: file.name }, total: { text: total.text, fileName: total.name } }
    : { kind: 'series', series: { text: file.text, fileName: file.name } };
  return { buckets: parsePrometheusSli(files, definition), hash: hash.digest('hex') };
}

/** Data in files named by their paths. */
export function readSliFiles(definition: SloDefinition, file: string, total?: string): SliData {
  const readWhole = (given: string): SliText => ({ name: given, text: readLimitedText(given, FILE_LIMITS.sliData) });
  if (total !== undefined || isJson(file, '')) return readSliTexts(definition, readWhole(file), total === undefined ? undefined : readWhole(total));
  const hash = createHash('sha256');
  // Decided by the first chunk when the name does not say; a Prometheus answer is read whole (JSON.parse needs it so).
  let reader: SliCsvReader | null | undefined;
  const json: string[] = [];
  readLimitedTextChunks(file, FILE_LIMITS.sliData, (text) => {
    hash.update(text);
    reader ??= isJson(file, text) ? null : new SliCsvReader(file, definition);
    if (reader) reader.push(text);
    else json.push(text);
  });
  if (reader === null) return readSliTexts(definition, { name: file, text: json.join('') });
  return { buckets: (reader ?? new SliCsvReader(file, definition)).end(), hash: hash.digest('hex') };
}

/** A data file is JSON by its name, or, when the name does not say, by its first character. */
function isJson(name: string, text: string): boolean {
  const extension = path.extname(name).toLowerCase();
  if (extension === '.json') return true;
  if (extension === '.csv') return false;
  return /^\s*[[{]/.test(text);
}

const csvWithTotal = (file: string, total: string): HoldfastError =>
  new HoldfastError('VALIDATION', `${total}: a total file goes with a Prometheus answer (.json); ${file} is CSV, which holds its total in a column.`, 'total');
