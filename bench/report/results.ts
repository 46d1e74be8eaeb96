import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import { isMet, type Figure } from '../figures';
import type { Scale } from '../scale';

export interface Results {
  repoRoot: string;
  scale: Scale;
  seed: number;
  figures: Figure[];
  dataset: Record<string, unknown>;
  details: Record<string, unknown>;
  seconds: number;
}

/** Writes bench/results.json: every figure with its unit, budget and verdict, the machine, and the commit. */
export function writeResults(file: string, results: Results): string {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: results.repoRoot, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const cpus = os.cpus();
  const document = {
    ranAt: new Date().toISOString(),
    mode: results.scale.name,
    seed: results.seed,
    seconds: Math.round(results.seconds),
    commit: git('rev-parse', 'HEAD'),
    uncommittedChanges: (git('status', '--porcelain') ?? '') !== '',
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      /** Other work on the machine while the bench ran: load averages (1, 5, 15 min) at the end; above the CPU count, figures are inflated. */
      loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
      sqlite: new Database(':memory:').prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()?.v ?? 'unknown',
      ripgrep: (() => {
        try {
          return execFileSync('rg', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? null;
        } catch {
          return null;
        }
      })(),
    },
    scale: results.scale,
    dataset: results.dataset,
    figures: results.figures.map((figure) => ({ ...figure, met: isMet(figure) })),
    details: results.details,
  };
  fs.writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}
