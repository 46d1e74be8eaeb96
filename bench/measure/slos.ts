import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../src/main/core/core';
import { sloText } from '../../test/fixtures/openslo-text';
import { max, type Figure } from '../figures';
import { api } from '../data/incidents';
import type { Random } from '../random';
import { median, repeat, timed } from '../stats';

/**
 * SLOs at a big company's scale (issue #18): 200 SLOs over the incidents'
 * services, 20 of them with 30 days of 1-minute SLI data imported from CSV
 * (864,000 buckets); `slo list` over all 200 and one data SLO's burn-down.
 */

const MINUTE = 60_000;
const DAYS = 30;

export interface SloTimings {
  importSeconds: number;
  /** CPU time the import took in this process (the store is written in it too): on a shared machine, steadier than the wall clock. */
  importCpuSeconds: number;
  buckets: number;
  list: number[];
  burnDown: number[];
}

const sloYaml = (name: string, service: string, data: boolean): string => sloText({ name, service, sli: data ? 'requests' : 'incidents' });

export async function measureSlos(core: Core, services: readonly string[], dir: string, random: Random, options: { slos: number; dataSlos: number }): Promise<SloTimings> {
  fs.mkdirSync(dir, { recursive: true });
  const names = Array.from({ length: options.slos }, (_, i) => `slo-${String(i).padStart(3, '0')}`);
  const yaml = names.map((name, i) => sloYaml(name, services[i % services.length] ?? 'checkout', i < options.dataSlos)).join('---\n');
  fs.writeFileSync(path.join(dir, 'slos.yaml'), yaml);
  const imported = await api(core, 'importSlos', { paths: [path.join(dir, 'slos.yaml')] });
  if (imported.imported !== options.slos) throw new Error(`SLO import brought in ${imported.imported} of ${options.slos}: ${JSON.stringify(imported.failed.slice(0, 2))}`);

  const end = Math.floor(core.clock.now().getTime() / MINUTE) * MINUTE;
  const start = end - DAYS * 24 * 60 * MINUTE;
  const files = names.slice(0, options.dataSlos).map((name) => {
    const rows: string[] = ['timestamp,good,total'];
    for (let at = start; at < end; at += MINUTE) {
      const total = 900 + random.int(0, 200);
      rows.push(`${new Date(at).toISOString()},${total - (random.int(0, 1000) === 0 ? random.int(1, 50) : 0)},${total}`);
    }
    const file = path.join(dir, `${name}.csv`);
    fs.writeFileSync(file, `${rows.join('\n')}\n`);
    return { name, file };
  });
  let buckets = 0;
  const cpu = process.cpuUsage();
  const { ms } = await timed(async () => {
    for (const { name, file } of files) buckets += (await api(core, 'importSloData', { name, path: file })).buckets;
  });
  const used = process.cpuUsage(cpu);
  const importCpuSeconds = (used.user + used.system) / 1e6;
  await api(core, 'listSlos', {}); // warm: definitions read once
  const list = await repeat(10, () => api(core, 'listSlos', {}));
  const chartOf = names[0] ?? '';
  await api(core, 'sloChart', { name: chartOf });
  const burnDown = await repeat(10, () => api(core, 'sloChart', { name: chartOf }));
  return { importSeconds: ms / 1000, importCpuSeconds, buckets, list, burnDown };
}

export function sloFigures(timings: SloTimings, slos: number): Figure[] {
  return [
    {
      id: 'slo.import',
      label: `Import 30 days of 1-minute SLI data (${timings.buckets.toLocaleString('en')} buckets)`,
      value: timings.importSeconds,
      unit: 's',
      budget: max(2),
      note: 'importSloData through the API, CSV files one after another',
    },
    { id: 'slo.import.cpu', label: 'The same import, CPU time of the process', value: timings.importCpuSeconds, unit: 's', note: 'user + system time: less swayed than the wall clock by other work on the machine' },
    { id: 'slo.list', label: `slo list, ${slos} SLOs, median`, value: median(timings.list), unit: 'ms', budget: max(50), note: 'listSlos through the API' },
    { id: 'slo.burndown', label: 'One SLO’s burn-down (30 days of 1-minute data), median', value: median(timings.burnDown), unit: 'ms', budget: max(20), note: 'sloChart through the API' },
  ];
}
