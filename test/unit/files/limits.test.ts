import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_LIMITS, formatBytes, LIMITS } from '../../../src/shared/limits';
import { memoryCore, op, opError } from '../../fixtures/core';
import { storeSnapshot } from '../../fixtures/seeded';
import { tempDir } from '../../fixtures/temp';

/** Writes `total` bytes made of `line` repeated, in chunks, without holding it all in memory twice. */
function writeRepeated(file: string, line: string, total: number): void {
  const chunk = line.repeat(Math.max(1, Math.floor(1_000_000 / line.length)));
  const fd = fs.openSync(file, 'w');
  try {
    for (let written = 0; written < total; written += Buffer.byteLength(chunk)) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

function writeLines(file: string, line: string, count: number): void {
  fs.writeFileSync(file, `${line}\n`.repeat(count));
}

describe('size limits, refused before anything is parsed', () => {
  it('a 50 MB runbook is reported as failed with the limit, and the rest of the folder is imported', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeRepeated(path.join(dir, 'huge.md'), '# Huge\n\nStep after step after step.\n', 50_000_000);
    fs.writeFileSync(path.join(dir, 'small.md'), '# Small\n\n1. Restart.\n');
    const report = await op(core, 'importRunbooks', { paths: [dir] });
    expect(report.imported).toBe(1);
    expect(report.failed).toEqual([
      { path: path.join(dir, 'huge.md'), error: expect.stringMatching(/^the file is 5\d\.?\d? MB; a runbook file may be at most 1 MB\.$/) as string },
    ]);
  });

  it('a roster of 1,000,000 lines is refused with its line limit, and the roster stays as it was', async () => {
    const { core } = memoryCore();
    const before = storeSnapshot(core);
    const file = path.join(tempDir(), 'roster.yaml');
    writeLines(file, '#', 1_000_000); // 2 MB: under the byte limit, so the line limit is what refuses it
    const error = await opError(core, 'importRoster', { path: file });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'path' });
    expect(error.message).toBe(`${file} has more than 100,000 lines; a roster file may have at most 100,000.`);
    expect(storeSnapshot(core)).toEqual(before);
  });

  it('a roster larger than its byte limit is refused by size, without reading it', async () => {
    const { core } = memoryCore();
    const file = path.join(tempDir(), 'roster.yaml');
    writeRepeated(file, `people: [${'x'.repeat(1000)}]`, LIMITS.rosterBytes + 1);
    const error = await opError(core, 'importRoster', { path: file });
    expect(error.message).toMatch(new RegExp(`^${file.replaceAll('/', '\\/')} is \\d+(\\.\\d)? MB; a roster file may be at most ${formatBytes(LIMITS.rosterBytes)}\\.$`));
  });

  it('a CSV of people with a million lines is refused the same way', async () => {
    const { core } = memoryCore();
    const file = path.join(tempDir(), 'people.csv');
    writeLines(file, 'a', 1_000_000);
    const error = await opError(core, 'importPeopleCsv', { path: file });
    expect(error.message).toContain('a CSV file of people may have at most 100,000');
  });

  it('a huge drill scenario file, or text sent by the app, is refused with the limit', async () => {
    const { core } = memoryCore();
    const file = path.join(tempDir(), 'drill.md');
    writeRepeated(file, '### At 2m: Something breaks\n\nIt does.\n\n', 20_000_000);
    const fromFile = await opError(core, 'importDrillScenario', { path: file });
    expect(fromFile.message).toMatch(/drill\.md is 2\d(\.\d)? MB; a drill scenario file may be at most 1 MB\.$/);

    const wide = `# Wide\n\n${'é'.repeat(600_000)}`;
    const fromApp = await opError(core, 'importDrillScenarioText', { markdown: wide, fileName: 'wide.md' });
    expect(fromApp.message).toBe('wide.md is 1.2 MB; a drill scenario file may be at most 1 MB.');

    const long = await opError(core, 'importDrillScenarioText', { markdown: 'x'.repeat(LIMITS.drillBytes + 1) });
    expect(long).toMatchObject({ code: 'VALIDATION', field: 'markdown', message: expect.stringContaining('a drill scenario file may be at most 1 MB') as string });
  });

  it('a runbook body over the limit is refused when saved or previewed from the editor', async () => {
    const { core } = memoryCore();
    const body = 'x'.repeat(LIMITS.runbookBytes + 1);
    for (const error of [
      await opError(core, 'previewRunbook', { body }),
      await opError(core, 'saveRunbook', { metadata: { title: 'Huge' }, body }),
    ]) {
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'body', message: expect.stringContaining('a runbook file may be at most 1 MB') as string });
    }
  });

  it('a device or a pipe is refused as not a regular file instead of being read forever', async () => {
    const { core } = memoryCore();
    for (const [operation, input] of [
      ['importRoster', { path: '/dev/zero' }],
      ['importDrillScenario', { path: '/dev/zero' }],
    ] as const) {
      expect(await opError(core, operation, input)).toMatchObject({ code: 'VALIDATION', message: '/dev/zero is not a regular file.' });
    }
    const report = await op(core, 'importRunbooks', { paths: ['/dev/zero'] });
    expect(report.failed).toEqual([{ path: '/dev/zero', error: 'the file is not a regular file.' }]);
  });

  it('are defined once, and every file kind names itself in messages', () => {
    expect(Object.values(FILE_LIMITS).every((limit) => limit.what.startsWith('a'))).toBe(true);
    expect(formatBytes(LIMITS.runbookBytes)).toBe('1 MB');
    expect(formatBytes(52_428_800)).toBe('52.4 MB');
    expect(formatBytes(2_500)).toBe('2.5 kB');
    expect(formatBytes(21_000_100)).toBe('21 MB');
  });
});
