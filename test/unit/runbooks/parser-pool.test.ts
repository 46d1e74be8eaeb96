import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROCEDURE_HEADINGS } from '../../../src/main/runbooks/format/structure';
import { parseOnThisThread, parsingThread, PARSE_LIMITS, runbookParser } from '../../../src/main/runbooks/parser/pool';
import { parseTasks } from '../../../src/main/runbooks/parser/tasks';
import { corpusDir, skipWithoutCorpus } from '../../fixtures/corpus';

/** Markdown that takes the parser minutes (measured: 100 KB of it, over four minutes) though no single bound refuses it. */
const SLOW = '- - - - x\n'.repeat(10_000);

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the parse to fail');
};

describe('reading Markdown in worker threads', { timeout: 120_000 }, () => {
  beforeAll(() => parseOnThisThread(false));
  afterAll(() => parseOnThisThread(true));

  it.skipIf(skipWithoutCorpus)('gives exactly what reading on this thread gives, for every file of the corpus', async () => {
    const files = fs.readdirSync(corpusDir(), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
    const texts = files.map((file) => fs.readFileSync(path.join(corpusDir(), file), 'utf8'));
    const inWorkers = await Promise.all(texts.map((text, index) => runbookParser().run('file', text, files[index] ?? '', DEFAULT_PROCEDURE_HEADINGS)));
    expect(parsingThread()).toBe('worker');
    texts.forEach((text, index) => expect(inWorkers[index], files[index]).toEqual(parseTasks.file(text, files[index] ?? '', DEFAULT_PROCEDURE_HEADINGS)));
  });

  it('passes refusals through as they are: the same code, message and line', async () => {
    await runbookParser().run('body', 'warm up', DEFAULT_PROCEDURE_HEADINGS);
    expect(parsingThread()).toBe('worker');
    const deep = await failure(runbookParser().run('body', `# Deep\n\n${'>'.repeat(100_000)} x\n`, DEFAULT_PROCEDURE_HEADINGS));
    expect(deep).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Line 3 nests block quotes 100,000 deep; at most 16 are allowed\./) as string });
    const yaml = await failure(runbookParser().run('file', '---\ntitle: [oops\n---\nbody\n', 'bad.md', DEFAULT_PROCEDURE_HEADINGS));
    expect(yaml).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^bad\.md:\d+: front matter is not valid YAML/) as string });
  });

  it('stops a parse past its deadline, says so in words, and keeps this thread free meanwhile', async () => {
    const deadline = PARSE_LIMITS.deadlineMs;
    PARSE_LIMITS.deadlineMs = 1500;
    try {
      await runbookParser().run('body', 'warm up', DEFAULT_PROCEDURE_HEADINGS);
      let ticks = 0;
      const ticker = setInterval(() => (ticks += 1), 50);
      const stopped = await failure(runbookParser().run('body', SLOW, DEFAULT_PROCEDURE_HEADINGS));
      clearInterval(ticker);
      expect(stopped).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Holdfast stopped reading this Markdown after 1\.5 seconds/) as string });
      // Timers kept firing while the worker was busy: nothing on this thread waited for the parse.
      expect(ticks).toBeGreaterThan(10);
    } finally {
      PARSE_LIMITS.deadlineMs = deadline;
    }
    // A new worker takes the next parse.
    const next = await runbookParser().run('body', '## Steps\n\n- Restart\n', DEFAULT_PROCEDURE_HEADINGS);
    expect(next.structure.steps.map((step) => step.text)).toEqual(['Restart']);
  });
});
