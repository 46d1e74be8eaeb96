import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SloRepo } from '../../../src/main/slos/repo';
import type { SloChart, SloListItem } from '../../../src/shared/slos';
import { memoryCore, op } from '../../fixtures/core';
import { sloText } from '../../fixtures/openslo-text';
import { tempDir, writeFiles } from '../../fixtures/temp';

/**
 * Budgets read from hourly roll-ups (migration 013) must be the budgets the raw
 * buckets give — `slo show` still reads every bucket, so the list, the chart
 * and the show must agree to the last digit — while reading a few hundred
 * buckets instead of a month of them.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = '2026-07-01T00:00:00Z';
/** Not on an hour: the window's start and every burn-rate window cut an hour. */
const AT = '2026-06-30T12:34:56Z';

const sloYaml = (name: string, method: 'Occurrences' | 'Timeslices' | 'RatioTimeslices', slices = '') => sloText({ name, sli: 'requests', method, target: '0.99', slices });

const SLOS = {
  occurrences: sloYaml('occurrences', 'Occurrences'),
  slices: sloYaml('slices', 'Timeslices', '\n      timeSliceWindow: 5m\n      timeSliceTarget: 0.95'),
  ratio: sloYaml('ratio', 'RatioTimeslices', '\n      timeSliceWindow: 1m'),
};

/** 31 days of 1-minute buckets up to NOW, with bad minutes scattered through them and a two-hour gap. */
function monthCsv(): string {
  const end = Date.parse(NOW);
  const rows = ['timestamp,good,total'];
  for (let at = end - 31 * DAY, i = 0; at < end; at += MINUTE, i += 1) {
    if (at >= end - 10 * DAY && at < end - 10 * DAY + 2 * 60 * MINUTE) continue;
    const bad = i % 613 === 0 ? 40 : i % 97 === 0 ? 3 : 0;
    rows.push(`${new Date(at).toISOString()},${100 - bad},100`);
  }
  return `${rows.join('\n')}\n`;
}

async function withData() {
  const { core, clock } = memoryCore(NOW);
  const yaml = Object.values(SLOS).join('---\n');
  expect(await op(core, 'importSloText', { files: [{ name: 'slos.yaml', text: yaml }] })).toMatchObject({ imported: 3, failed: [] });
  const dir = tempDir();
  writeFiles(dir, { 'month.csv': monthCsv() });
  for (const name of Object.keys(SLOS)) await op(core, 'importSloData', { name, path: path.join(dir, 'month.csv') });
  return { core, clock };
}

/** Counts the buckets the SLO repository hands out while `run` runs. */
async function bucketsRead(run: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(SloRepo.prototype, 'buckets');
  await run();
  const rows = spy.mock.results.reduce((sum, result) => sum + (result.type === 'return' ? (result.value as unknown[]).length : 0), 0);
  spy.mockRestore();
  return rows;
}

const listFields = ({ name, status, budget, budgetMinutes }: { name: string; status: string; budget: unknown; budgetMinutes: unknown }) => ({ name, status, budget, budgetMinutes });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('budgets from hourly roll-ups', () => {
  it('gives every method the budget the raw buckets give, at an instant that cuts hours, reading hundreds of buckets instead of 130,000', async () => {
    const { core } = await withData();
    let list: SloListItem[] = [];
    const read = await bucketsRead(async () => {
      list = await op(core, 'listSlos', { at: AT });
    });
    expect(list).toHaveLength(3);
    for (const item of list) {
      const shown = await op(core, 'getSlo', { name: item.name, at: AT });
      expect(listFields(item)).toEqual(listFields(shown));
      expect(item.budget.consumed).toBeGreaterThan(0);
    }
    // 3 SLOs × (30 days + 3 days of burn windows) of minutes stored; the edges of ~8 cut hours each read.
    expect(read).toBeLessThan(3 * 10 * 60);
  });

  it('draws the burn-down from the roll-ups, ending at the budget the raw buckets give', async () => {
    const { core } = await withData();
    let chart: SloChart | undefined;
    const read = await bucketsRead(async () => {
      chart = await op(core, 'sloChart', { name: 'slices', at: AT });
    });
    const shown = await op(core, 'getSlo', { name: 'slices', at: AT });
    expect(chart?.points.at(-1)).toEqual({ at: new Date(AT).toISOString(), remaining: shown.budget.remaining, remainingMinutes: shown.budgetMinutes?.remaining });
    // The points between the window's edges fall on whole hours.
    expect(chart?.points.slice(1, -1).every((point) => Date.parse(point.at) % (60 * MINUTE) === 0)).toBe(true);
    expect(read).toBeLessThan(10 * 60);
  });

  it('reads the raw buckets of hours an exclusion touches, and of every hour once the definition changes how they are judged', async () => {
    const { core } = await withData();
    await op(core, 'excludeSloTime', { name: 'slices', from: '2026-06-20T10:20:00Z', to: '2026-06-20T13:40:00Z', reason: 'Planned failover' });
    const [excluded] = (await op(core, 'listSlos', { at: AT })).filter((item) => item.name === 'slices');
    expect(listFields(excluded!)).toEqual(listFields(await op(core, 'getSlo', { name: 'slices', at: AT })));

    // A stricter slice target judges the same minutes differently: the stored roll-ups no longer hold.
    const stricter = SLOS.slices.replace('timeSliceTarget: 0.95', 'timeSliceTarget: 0.999');
    expect(await op(core, 'importSloText', { files: [{ name: 'slos.yaml', text: stricter }] })).toMatchObject({ updated: 1 });
    const [strict] = (await op(core, 'listSlos', { at: AT })).filter((item) => item.name === 'slices');
    expect(listFields(strict!)).toEqual(listFields(await op(core, 'getSlo', { name: 'slices', at: AT })));
    expect(strict!.budget.consumed).toBeGreaterThan(excluded!.budget.consumed ?? Infinity);
  });

  it('keeps the roll-ups exact when a later file replaces data from the middle of one hour to the middle of another', async () => {
    const { core } = await withData();
    const rows = ['timestamp,good,total'];
    for (let at = Date.parse('2026-06-15T10:30:00Z'); at < Date.parse('2026-06-15T12:30:00Z'); at += MINUTE) rows.push(`${new Date(at).toISOString()},50,100`);
    const dir = tempDir();
    writeFiles(dir, { 'fix.csv': `${rows.join('\n')}\n` });
    const before = (await op(core, 'listSlos', { at: AT })).find((item) => item.name === 'occurrences');
    expect(await op(core, 'importSloData', { name: 'occurrences', path: path.join(dir, 'fix.csv') })).toMatchObject({ buckets: 120, replaced: 120 });
    let after: SloListItem | undefined;
    const read = await bucketsRead(async () => {
      after = (await op(core, 'listSlos', { at: AT })).find((item) => item.name === 'occurrences');
    });
    expect(listFields(after!)).toEqual(listFields(await op(core, 'getSlo', { name: 'occurrences', at: AT })));
    expect(after!.budget.consumed).toBeGreaterThan(before!.budget.consumed ?? Infinity);
    expect(read).toBeLessThan(3 * 10 * 60);
  });
});
