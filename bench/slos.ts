/**
 * `npx tsx bench/slos.ts [--quick] [--seed N]`: the SLO figures alone (measure/slos.ts) on a fresh store, for
 * before/after comparisons of the SLO code without the hour-long full run. Prints the table; writes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../src/main/core/clock';
import { openCore } from '../src/main/core/core';
import { loadDomains } from '../src/main/core/domains';
import { table } from './figures';
import { measureSlos, sloFigures } from './measure/slos';
import { Random } from './random';
import { FULL, QUICK } from './scale';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const scale = argv.includes('--quick') ? QUICK : FULL;
const seed = argv.includes('--seed') ? Number(argv[argv.indexOf('--seed') + 1]) : 20260101;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-bench-slos-'));
try {
  await loadDomains(); // the bench drives the services directly, as the app does
  const core = openCore({ dataDir: path.join(work, 'data'), assetsDir: path.join(repoRoot, 'assets'), clock: fixedClock('2025-02-05T00:00:00Z'), create: 'always' });
  core.prepareWorkspace({ demo: false });
  const services = Array.from({ length: 40 }, (_, i) => `service-${i}`);
  const timings = await measureSlos(core, services, path.join(work, 'slos'), new Random(seed).fork('slos'), { slos: scale.slos, dataSlos: scale.dataSlos });
  core.close();
  console.log(`SLO figures (${scale.name}; load average ${os.loadavg().map((load) => load.toFixed(1)).join(', ')})\n`);
  console.log(table(sloFigures(timings, scale.slos)));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
