import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SloDetail, SloExclusion, SloImportReport, SloListItem } from '../../../src/shared/slos';
import { holdfast } from '../../fixtures/cli';
import { tempDir, writeFiles } from '../../fixtures/temp';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/openslo');
const AT = '2026-11-27T03:00:00Z';
const MINUTE = 60_000;

const prometheus = (values: [number, string][]) => JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } });

describe('holdfast slo', () => {
  it('imports OpenSLO folders, lists budgets as JSON, imports a CSV and a Prometheus pair, excludes time and shows one SLO', async () => {
    const data = tempDir();
    const imported = await holdfast('--data', data, 'slo', 'import', path.join(FIXTURES, 'catalog'), path.join(FIXTURES, 'slos'), '--json');
    expect(imported.status).toBe(0);
    const report = JSON.parse(imported.stdout) as SloImportReport;
    expect(report).toMatchObject({ updated: 0, unchanged: 0, failed: [], skipped: [] });
    expect(report.imported).toBeGreaterThan(5);

    const list = JSON.parse((await holdfast('--data', data, 'slo', 'list', '--at', AT, '--json')).stdout) as SloListItem[];
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(['budget', 'budgetMinutes', 'budgetingMethod', 'name', 'service', 'source', 'status', 'target', 'window']);
    expect(list.find((slo) => slo.name === 'checkout-availability')).toEqual({
      name: 'checkout-availability',
      service: 'checkout',
      target: 0.999,
      window: '30d rolling',
      budgetingMethod: 'Timeslices',
      source: 'incidents',
      status: 'ok',
      budget: { total: 1, consumed: 0, remaining: 1 },
      budgetMinutes: { total: 43.2, consumed: 0, remaining: 43.2 },
    });

    const files = tempDir();
    const start = Date.parse('2026-11-27T02:00:00Z');
    const rows = Array.from({ length: 60 }, (_, i) => `${new Date(start + i * MINUTE).toISOString()},${i < 6 ? 80 : 100},100`);
    writeFiles(files, {
      'requests.csv': `timestamp,good,total\n${rows.join('\n')}\n`,
      'good.json': prometheus([[start / 1000 + 3600, '100']]),
      'total.json': prometheus([[start / 1000 + 3600, '100']]),
    });
    const dataImport = await holdfast('--data', data, 'slo', 'data', 'import', 'checkout-requests', path.join(files, 'requests.csv'), '--json');
    expect(JSON.parse(dataImport.stdout)).toEqual({ buckets: 60, from: '2026-11-27T02:00:00Z', to: '2026-11-27T03:00:00Z', replaced: 0, unchanged: false });
    const pair = await holdfast('--data', data, 'slo', 'data', 'import', 'checkout-requests', path.join(files, 'good.json'), '--total', path.join(files, 'total.json'));
    expect(pair).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Imported 1 buckets/) as string });

    const excluded = await holdfast('--data', data, 'slo', 'exclude', 'checkout-requests', '--from', '2026-11-27T02:00:00Z', '--to', '2026-11-27T02:03:00Z', '--reason', 'Failover drill');
    expect(excluded).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Excluded 2026-11-27T02:00:00\.000Z to 2026-11-27T02:03:00\.000Z: Failover drill \(id [0-9A-Z]{26}\)\.\n$/) as string, stderr: '' });

    const shown = JSON.parse((await holdfast('--data', data, 'slo', 'show', 'checkout-requests', '--at', AT, '--json')).stdout) as SloDetail;
    // 6 minutes of 20 bad in 100; 3 of them excluded: 60 bad of 5,700 counted.
    expect(shown.sli).toBeCloseTo(1 - 60 / 5700, 6);
    expect(shown.burnRates.map(({ long, short, factor }) => [long, short, factor])).toEqual([
      ['1h', '5m', 14.4],
      ['6h', '30m', 6],
      ['3d', '6h', 1],
    ]);
    expect(shown.burnRates[0]).toMatchObject({ firing: false });
    const text = await holdfast('--data', data, 'slo', 'list', '--at', AT);
    expect(text.stdout).toMatch(/^NAME +STATUS +LEFT +MIN LEFT +TARGET +WINDOW +SERVICE\n/);
    expect(text.stdout).toMatch(/checkout-availability +ok +100\.0 % +43\.2 min +99\.9 % +30d rolling +checkout/);
  });

  it('lists an SLO’s exclusions, adds one and removes one by its id: the budget moves with them; bad times, an unknown SLO or id are refused in words', async () => {
    const data = tempDir();
    await holdfast('--data', data, 'slo', 'import', path.join(FIXTURES, 'catalog'), path.join(FIXTURES, 'slos'));
    const files = tempDir();
    const start = Date.parse('2026-11-27T02:00:00Z');
    const rows = Array.from({ length: 60 }, (_, i) => `${new Date(start + i * MINUTE).toISOString()},${i < 6 ? 0 : 100},100`);
    writeFiles(files, { 'requests.csv': `timestamp,good,total\n${rows.join('\n')}\n` });
    await holdfast('--data', data, 'slo', 'data', 'import', 'checkout-requests', path.join(files, 'requests.csv'));
    const sli = async () => (JSON.parse((await holdfast('--data', data, 'slo', 'show', 'checkout-requests', '--at', AT, '--json')).stdout) as SloDetail).sli;
    expect(await sli()).toBeCloseTo(1 - 600 / 6000, 6);

    expect(await holdfast('--data', data, 'slo', 'exclusions', 'checkout-requests')).toEqual({
      status: 0,
      stdout: 'SLO "checkout-requests" has no exclusions. Add one with: holdfast slo exclude checkout-requests --from ISO --to ISO --reason TEXT\n',
      stderr: '',
    });
    expect(JSON.parse((await holdfast('--data', data, 'slo', 'exclusions', 'checkout-requests', '--json')).stdout)).toEqual([]);
    const added = await holdfast('--data', data, '--as', 'ana', 'slo', 'exclude', 'checkout-requests', '--from', '2026-11-27T02:00:00Z', '--to', '2026-11-27T02:06:00Z', '--reason', 'Exporter down', '--json');
    const exclusion = JSON.parse(added.stdout) as SloExclusion;
    expect(exclusion).toEqual({ id: expect.stringMatching(/^[0-9A-Z]{26}$/) as string, from: '2026-11-27T02:00:00.000Z', to: '2026-11-27T02:06:00.000Z', reason: 'Exporter down', createdBy: 'ana' });
    await holdfast('--data', data, 'slo', 'exclude', 'checkout-requests', '--from', '2026-11-20T00:00:00Z', '--to', '2026-11-20T01:00:00Z', '--reason', 'Upgrade');
    // The six bad minutes are out of both sides of the ratio.
    expect(await sli()).toBe(1);

    const listed = await holdfast('--data', data, 'slo', 'exclusions', 'checkout-requests');
    expect(listed.stdout.split('\n')).toEqual([
      expect.stringMatching(/^ID +FROM +TO +BY +REASON$/) as string,
      `${exclusion.id}  2026-11-27T02:00:00.000Z  2026-11-27T02:06:00.000Z  ana   Exporter down`,
      expect.stringMatching(/^[0-9A-Z]{26} {2}2026-11-20T00:00:00\.000Z {2}2026-11-20T01:00:00\.000Z {2}\S+ +Upgrade$/) as string,
      '',
    ]);
    expect(await holdfast('--data', data, 'slo', 'unexclude', 'checkout-requests', exclusion.id)).toEqual({
      status: 0,
      stdout: 'Removed the exclusion 2026-11-27T02:00:00.000Z to 2026-11-27T02:06:00.000Z (Exporter down): that time counts in the budget again.\n',
      stderr: '',
    });
    expect(await sli()).toBeCloseTo(1 - 600 / 6000, 6);
    expect((JSON.parse((await holdfast('--data', data, 'slo', 'exclusions', 'checkout-requests', '--json')).stdout) as SloExclusion[]).map((e) => e.reason)).toEqual(['Upgrade']);

    const again = await holdfast('--data', data, 'slo', 'unexclude', 'checkout-requests', exclusion.id, '--json');
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stderr)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'id', message: `SLO "checkout-requests" has no exclusion ${exclusion.id}: it was removed already, or belongs to another SLO. Its exclusions are listed on its page and by holdfast slo exclusions checkout-requests.` },
    });
    const exclude = (...args: string[]) => holdfast('--data', data, 'slo', 'exclude', ...args);
    expect(await exclude('checkout-requests', '--from', 'yesterday', '--to', '2026-11-27T02:06:00Z', '--reason', 'x')).toEqual({
      status: 1,
      stdout: '',
      stderr: 'holdfast: `from`: use an ISO-8601 instant with a zone, e.g. 2026-11-27T03:00:00Z.\n',
    });
    expect(await exclude('checkout-requests', '--from', '2026-11-27T02:06:00Z', '--to', '2026-11-27T02:06:00Z', '--reason', 'x')).toEqual({ status: 1, stdout: '', stderr: 'holdfast: `to`: must be after from.\n' });
    expect(await exclude('checkout-requests', '--from', '2026-11-27T02:00:00Z', '--to', '2026-11-27T02:06:00Z', '--reason', ' ')).toMatchObject({ status: 1, stderr: 'holdfast: `reason`: say why (maintenance, a data gap…).\n' });
    expect(await holdfast('--data', data, 'slo', 'exclusions', 'nope')).toMatchObject({ status: 1, stderr: expect.stringMatching(/^holdfast: No SLO named "nope"\. SLOs: .*checkout-requests/) as string });
    expect(await holdfast('--data', data, 'slo', 'unexclude', 'nope', exclusion.id)).toMatchObject({ status: 1, stderr: expect.stringMatching(/^holdfast: No SLO named "nope"\./) as string });
    // Nothing the refusals touched was lost.
    expect((JSON.parse((await holdfast('--data', data, 'slo', 'exclusions', 'checkout-requests', '--json')).stdout) as SloExclusion[]).map((e) => e.reason)).toEqual(['Upgrade']);
  });

  it('counts a resolved incident into its service’s budget, and a partial impact recorded with incident impact', async () => {
    const data = tempDir();
    await holdfast('--data', data, 'slo', 'import', path.join(FIXTURES, 'catalog'), path.join(FIXTURES, 'slos'));
    const started = new Date(Date.now() - 30 * MINUTE).toISOString();
    expect((await holdfast('--data', data, 'incident', 'declare', '--title', 'Checkout down', '--severity', 'SEV1', '--service', 'checkout', '--started', started)).stdout).toBe('1\n');
    expect(await holdfast('--data', data, 'incident', 'impact', '1', '--percent', '50')).toMatchObject({ status: 0, stdout: 'Impact: 50 % of users or requests, from the incident’s start\n' });
    await holdfast('--data', data, 'incident', 'status', '1', 'resolved', '--summary', 'Rolled back.');
    const shown = JSON.parse((await holdfast('--data', data, 'slo', 'show', 'checkout-availability', '--json')).stdout) as SloDetail;
    expect(shown.budget.consumed).toBeCloseTo(15 / 43.2, 2);
    expect(shown.incidents).toEqual([{ id: 1, title: 'Checkout down', badMinutes: expect.closeTo(15, 0) as number }]);
    expect(await holdfast('--data', data, 'incident', 'impact', '1', '--percent', '150')).toMatchObject({ status: 2, stderr: 'holdfast: --percent must be a number from 0 to 100, got "150"\n' });
  });

  it('exits 1 when a file fails (the rest import), 1 with the names known for an unknown SLO, and says so in JSON', async () => {
    const data = tempDir();
    const partly = await holdfast('--data', data, 'slo', 'import', path.join(FIXTURES, 'catalog'), path.join(FIXTURES, 'invalid'));
    expect(partly.status).toBe(1);
    expect(partly.stdout).toMatch(/^Imported \d+, updated 0, unchanged 0, failed 1, skipped 0 \(OpenSLO objects\)\.\n {2}failed {2}.*two-problems\.yaml: /);
    expect(partly.stderr).toBe('holdfast: 1 file(s) could not be imported; the rest were.\n');
    const unknown = await holdfast('--data', data, 'slo', 'show', 'nope', '--json');
    expect(unknown.status).toBe(1);
    expect(JSON.parse(unknown.stderr)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'name' } });
    const badAt = await holdfast('--data', data, 'slo', 'list', '--at', 'yesterday');
    expect(badAt.status).toBe(1);
    expect(badAt.stderr).toMatch(/^holdfast: `at`: use an ISO-8601 instant with a zone/);
  });
});
