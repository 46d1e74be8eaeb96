import { spawnSync } from 'node:child_process';
import type { Core } from '../../src/main/core/core';
import { BM25_RANK } from '../../src/main/runbooks/search-index';
import { toFtsQuery } from '../../src/main/runbooks/search-query';
import { api } from '../data/incidents';
import { median, nowMs, quantile } from '../stats';
import { QUERY_CLASSES, type BenchQuery, type QueryClass } from './queries';

/** How many results the console asks for as someone types. */
export const SEARCH_LIMIT = 50;
const RUNS = 3;

export interface QueryTiming {
  query: BenchQuery;
  /** Median of the runs, milliseconds. */
  holdfast: number;
  floor: number;
  ripgrep: number;
  hits: number;
  rgFiles: number;
}

/**
 * Times every query three ways, each the median of three runs after a warm-up:
 * through the API layer (`searchRunbooks`, as the console calls it), as the
 * bare FTS5 query on the same database (match, rank, snippet: the floor), and
 * with ripgrep over the same runbooks exported to a folder.
 */
export async function measureSearch(core: Core, queries: BenchQuery[], exportDir: string): Promise<QueryTiming[]> {
  // The floor: what FTS5 itself must do to answer — match, rank with the same weights, a snippet per result.
  const floor = core.store.prepare<[string, number], { rowid: number; snippet: string }>(
    `SELECT rowid, snippet(runbooks_fts, 2, '<mark>', '</mark>', '…', 16) AS snippet FROM runbooks_fts
     WHERE runbooks_fts MATCH ? AND rank MATCH '${BM25_RANK}' ORDER BY rank LIMIT ?`,
  );
  const timings: QueryTiming[] = [];
  for (const query of queries) {
    const fts = toFtsQuery(query.text);
    if (fts === null) throw new Error(`Query ${query.text} has no words`);
    let hits = 0;
    const holdfast = await runs(async () => {
      hits = (await api(core, 'searchRunbooks', { query: query.text, limit: SEARCH_LIMIT })).length;
    });
    const floorMs = await runs(() => floor.all(fts, SEARCH_LIMIT));
    let rgFiles = 0;
    const ripgrep = await runs(() => {
      rgFiles = ripgrepFiles(query.rgTerms, exportDir).length;
    });
    timings.push({ query, holdfast, floor: floorMs, ripgrep, hits, rgFiles });
  }
  return timings;
}

async function runs(work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = nowMs();
    await work();
    times.push(nowMs() - start);
  }
  return median(times);
}

/** What a person would run instead: `rg -i -l` for the first term, then the next term over the files that matched. */
export function ripgrepFiles(terms: string[], dir: string): string[] {
  let files: string[] | null = null;
  for (const term of terms) {
    const args: string[] = ['-i', '-l', '-F', '--', term, ...(files ?? [dir])];
    if (files?.length === 0) return [];
    const result: { stdout: string; stderr: string; status: number | null; error?: Error } = spawnSync('rg', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.error) throw new Error(`ripgrep could not run (${result.error.message}); install it (Debian: apt-get install ripgrep)`);
    if (result.status !== 0 && result.status !== 1) throw new Error(`rg ${args.slice(0, 5).join(' ')} failed: ${result.stderr}`);
    files = result.stdout.split('\n').filter(Boolean);
  }
  return files ?? [];
}

export interface SearchSummary {
  holdfastP50: number;
  holdfastP95: number;
  floorP50: number;
  floorP95: number;
  ripgrepP50: number;
  perClass: Record<QueryClass, { holdfastP50: number; holdfastP95: number; floorP50: number; ripgrepP50: number; speedup: number; count: number }>;
  /** ripgrep's median over Holdfast's median, all queries. */
  medianSpeedup: number;
}

export function summarizeSearch(timings: QueryTiming[]): SearchSummary {
  const of = (list: QueryTiming[], key: 'holdfast' | 'floor' | 'ripgrep') => list.map((t) => t[key]);
  const perClass = Object.fromEntries(
    QUERY_CLASSES.map((name) => {
      const list = timings.filter((t) => t.query.class === name);
      const holdfastP50 = median(of(list, 'holdfast'));
      const ripgrepP50 = median(of(list, 'ripgrep'));
      return [name, { holdfastP50, holdfastP95: quantile(of(list, 'holdfast'), 0.95), floorP50: median(of(list, 'floor')), ripgrepP50, speedup: ripgrepP50 / holdfastP50, count: list.length }];
    }),
  ) as SearchSummary['perClass'];
  return {
    holdfastP50: median(of(timings, 'holdfast')),
    holdfastP95: quantile(of(timings, 'holdfast'), 0.95),
    floorP50: median(of(timings, 'floor')),
    floorP95: quantile(of(timings, 'floor'), 0.95),
    ripgrepP50: median(of(timings, 'ripgrep')),
    perClass,
    medianSpeedup: median(of(timings, 'ripgrep')) / median(of(timings, 'holdfast')),
  };
}
