import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { nowMs } from '../stats';
import { ensureBuilt } from './web';

/**
 * The CLI's own start for a read command, as an alert hook calls it once per
 * alert: `holdfast oncall --json` on an empty store (so the answer itself costs
 * nothing), wall time from spawn to exit, each run a new process. Returns every
 * run's milliseconds after a warm-up run (which fills the disk cache).
 */
export function measureCliStart(options: { repoRoot: string; distName: string; workDir: string; runs: number }): number[] {
  ensureBuilt(options.repoRoot, options.distName);
  const cli = path.join(options.repoRoot, options.distName, 'node', 'cli.js');
  const data = path.join(options.workDir, 'cli-start-data');
  fs.mkdirSync(data, { recursive: true });
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [cli, '--data', data, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`holdfast ${args.join(' ')} failed: ${result.stderr}`);
  };
  run('init');
  run('oncall', '--json');
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = nowMs();
    run('oncall', '--json');
    times.push(nowMs() - start);
  }
  return times;
}
