import fs from 'node:fs';
import { formatBytes, type FileLimit } from '../../shared/limits';
import { HoldfastError } from '../errors';

/**
 * Reads a file the user named, refusing it before reading when it is larger
 * than files of its kind may be (see src/shared/limits.ts), and refusing what is
 * not a regular file (a device or a pipe would never end). Errors name the file
 * and the limit. File-system errors (missing file, no permission) are thrown as
 * they are, for the caller to word.
 */
export function readLimitedBytes(file: string, limit: FileLimit): Buffer {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new HoldfastError('VALIDATION', `${file} is not a regular file.`, 'path');
  if (stat.size > limit.bytes) throw tooLarge(file, stat.size, limit);
  const bytes = fs.readFileSync(file);
  if (bytes.length > limit.bytes) throw tooLarge(file, bytes.length, limit); // it grew while we looked
  return bytes;
}

/**
 * `readLimitedBytes` as UTF-8 text (a byte-order mark dropped), refused when it
 * is not UTF-8 text (an image, a spreadsheet) or has more lines than `limit.lines`.
 */
export function readLimitedText(file: string, limit: FileLimit): string {
  const text = decodeText(readLimitedBytes(file, limit), file);
  checkTextLimit(text, file, limit);
  return text;
}

/**
 * `readLimitedText` piece by piece: hands `onText` the file's text a chunk at a
 * time (a byte-order mark dropped, a character never split between chunks),
 * with the same checks and refusals, so a large file is parsed while it is read
 * and never held whole. A refusal can come after some chunks were handed over:
 * the caller keeps what it read until the end.
 */
export function readLimitedTextChunks(file: string, limit: FileLimit, onText: (text: string) => void, chunkBytes = 1 << 20): void {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new HoldfastError('VALIDATION', `${file} is not a regular file.`, 'path');
  if (stat.size > limit.bytes) throw tooLarge(file, stat.size, limit);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buffer = Buffer.allocUnsafe(chunkBytes);
  const handle = fs.openSync(file, 'r');
  let bytes = 0;
  let lines = 1;
  try {
    for (;;) {
      const read = fs.readSync(handle, buffer, 0, chunkBytes, null);
      bytes += read;
      if (bytes > limit.bytes) throw tooLarge(file, bytes, limit); // it grew while we read
      let text: string;
      try {
        text = decoder.decode(buffer.subarray(0, read), { stream: read > 0 });
      } catch {
        throw notText(file);
      }
      if (text.includes('\u0000')) throw notText(file);
      if (bytes === read) text = text.replace(/^\uFEFF/, '');
      if (limit.lines !== undefined) {
        for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
        if (lines > limit.lines) throw tooManyLines(file, limit.what, limit.lines);
      }
      if (text !== '') onText(text);
      if (read === 0) return;
    }
  } finally {
    fs.closeSync(handle);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's bytes as text, or the one refusal every import gives a file that is not UTF-8 text. */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw notText(fileName);
  }
  if (text.includes('\u0000')) throw notText(fileName);
  return text.replace(/^\uFEFF/, '');
}

/**
 * The same check for text a browser already decoded (a file chosen in the app):
 * an undecodable byte arrives as U+FFFD, and NUL is in binary files, never in
 * Markdown or YAML.
 */
export function checkIsText(text: string, fileName: string): void {
  if (text.includes('\uFFFD') || text.includes('\u0000')) throw notText(fileName);
}

const notText = (fileName: string): HoldfastError =>
  new HoldfastError('VALIDATION', `${fileName} is not UTF-8 text (is it a binary file, such as an image?). Choose the Markdown or YAML file itself.`, 'path');

/** Refuses text (a file's, or one sent by the app) with more bytes or lines than files of its kind may have. */
export function checkTextLimit(text: string, fileName: string, limit: FileLimit): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > limit.bytes) throw tooLarge(fileName, bytes, limit);
  if (limit.lines === undefined) return;
  const lines = countLines(text, limit.lines + 1);
  if (lines > limit.lines) throw tooManyLines(fileName, limit.what, limit.lines);
}

function tooManyLines(fileName: string, what: string, lines: number): HoldfastError {
  return new HoldfastError('VALIDATION', `${fileName} has more than ${lines.toLocaleString('en')} lines; ${what} may have at most ${lines.toLocaleString('en')}.`, 'path');
}

function tooLarge(fileName: string, size: number, limit: FileLimit): HoldfastError {
  return new HoldfastError('VALIDATION', `${fileName} is ${formatBytes(size)}; ${limit.what} may be at most ${formatBytes(limit.bytes)}.`, 'path');
}

/** Lines in `text`, counting no further than `stopAt`. */
function countLines(text: string, stopAt: number): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1 && lines < stopAt; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}
