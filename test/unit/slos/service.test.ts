import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCore, op, opError } from '../../fixtures/core';
import { tempDir, writeFiles } from '../../fixtures/temp';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/openslo');
const MINUTE = 60_000;

/** A core holding the fixture SLOs, its clock at 2026-11-27 03:00 UTC. */
async function withSlos() {
  const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
  const report = await op(core, 'importSlos', { paths: [path.join(FIXTURES, 'catalog'), path.join(FIXTURES, 'slos')] });
  expect(report.failed).toEqual([]);
  return { core, clock };
}

/** Declares an incident on checkout that started `minutesAgo` and resolves it now. */
async function outage(core: Awaited<ReturnType<typeof withSlos>>['core'], clock: Awaited<ReturnType<typeof withSlos>>['clock'], minutes: number, impactPercent?: number) {
  const startedAt = new Date(clock.now().getTime() - minutes * MINUTE).toISOString();
  const incident = await op(core, 'declareIncident', { title: 'Checkout down', severity: 'SEV1', services: ['checkout'], startedAt });
  if (impactPercent !== undefined) await op(core, 'setIncidentImpact', { id: incident.id, impactStartedAt: null, impactPercent });
  await op(core, 'changeStatus', { id: incident.id, status: 'resolved', summary: 'Rolled back.' });
  return incident.id;
}

describe('SLO operations over the store', () => {
  it('lists the imported SLOs, the least budget left first; a resolved 30-minute outage uses 69.4 % of a 99.9 %/30-day budget', async () => {
    const { core, clock } = await withSlos();
    const before = await op(core, 'listSlos', {});
    const checkout = () => before.find((slo) => slo.name === 'checkout-availability');
    expect(checkout()).toMatchObject({ service: 'checkout', source: 'incidents', status: 'ok', budgetMinutes: { total: 43.2, consumed: 0, remaining: 43.2 } });
    // A data SLO with no data says so: never a made-up 100 %.
    expect(before.find((slo) => slo.name === 'checkout-requests')).toMatchObject({ status: 'no-data', budget: { total: 1, consumed: null, remaining: null } });

    const id = await outage(core, clock, 30);
    const after = await op(core, 'getSlo', { name: 'checkout-availability' });
    expect(after.budget.consumed).toBeCloseTo(30 / 43.2, 3);
    expect(after.budgetMinutes).toEqual({ total: 43.2, consumed: 30, remaining: 13.2 });
    expect(after.status).toBe('ok'); // 30.6 % left: above the policy's 25 %
    expect(after.incidents).toEqual([{ id, title: 'Checkout down', badMinutes: 30 }]);
    expect((await op(core, 'listSlos', {}))[0]?.name).toBe('checkout-availability');
  });

  it('counts a 50 % partial impact as half: 34.7 % of the budget', async () => {
    const { core, clock } = await withSlos();
    await outage(core, clock, 30, 50);
    const slo = await op(core, 'getSlo', { name: 'checkout-availability' });
    expect(slo.budget.consumed).toBeCloseTo(15 / 43.2, 3);
    expect(Math.round((slo.budget.consumed ?? 0) * 1000) / 10).toBe(34.7);
  });

  it('answers the change rules the budget statuses of a service, exhausted once the budget is spent', async () => {
    const { core, clock } = await withSlos();
    expect(core.slos.budgetStatuses('payments')).toEqual([]);
    expect(core.slos.budgetStatuses('Checkout')).toEqual(
      expect.arrayContaining([
        { slo: 'checkout-availability', status: 'ok', remaining: 1 },
        { slo: 'checkout-requests', status: 'no-data', remaining: null },
      ]),
    );
    await outage(core, clock, 50);
    expect(core.slos.budgetStatuses('checkout').find((status) => status.slo === 'checkout-availability')).toMatchObject({ status: 'exhausted' });
  });

  it('an exhausted budget blocks a normal change on its service, naming the SLO; an emergency change is only warned', async () => {
    const { core, clock } = await withSlos();
    // The demo roster names the owner and the approver.
    await op(core, 'loadDemoWorkspace', {});
    const plan = (type: 'normal' | 'emergency') =>
      op(core, 'createChange', {
        title: `A ${type} checkout deploy`,
        services: ['checkout'],
        type,
        risk: 'low',
        owner: 'maya',
        approver: 'jonas',
        start: new Date(clock.now().getTime() + 3 * 24 * 60 * MINUTE).toISOString(),
        end: new Date(clock.now().getTime() + (3 * 24 * 60 + 60) * MINUTE).toISOString(),
      });
    const budgetFinding = async (id: number) => {
      const check = await op(core, 'checkChange', { id });
      return { verdict: check.verdict, peak: check.rules.find((rule) => rule.rule === 'peak-windows') };
    };
    const before = await plan('normal');
    expect((await budgetFinding(before.id)).peak?.reason ?? '').not.toContain('checkout-availability');

    await outage(core, clock, 50);
    const blocked = await budgetFinding(before.id);
    expect(blocked.verdict).toBe('block');
    expect(blocked.peak).toMatchObject({ verdict: 'block' });
    expect(blocked.peak?.reason).toContain('checkout-availability');
    const emergency = await budgetFinding((await plan('emergency')).id);
    expect(emergency.peak?.verdict).not.toBe('block');
  });

  it('writes the budget an incident used into its post-mortem draft and shows it on the incident', async () => {
    const { core, clock } = await withSlos();
    const id = await outage(core, clock, 30);
    const budgets = await op(core, 'incidentSloBudgets', { id });
    const checkout = budgets.find((slo) => slo.name === 'checkout-availability');
    expect(checkout?.badMinutes).toBe(30);
    expect(checkout?.consumedByIncident).toBeCloseTo(0.694, 3);
    const { postmortem } = await op(core, 'draftPostmortem', { incidentId: id });
    const impact = postmortem.sections.find((section) => section.title === 'Impact');
    expect(impact?.content).toContain('### Error budget consumed\n\n- **checkout-availability** (checkout, 99.9 %): 30 bad minutes, 69.4 % of its 30d rolling budget');
  });

  it('imports SLI data as CSV once (the same file again is unchanged), excludes time from both sides, and draws a burn-down', async () => {
    const { core } = await withSlos();
    const dir = tempDir();
    const rows = Array.from({ length: 60 }, (_, i) => `${new Date(Date.parse('2026-11-27T02:00:00Z') + i * MINUTE).toISOString()},${i < 10 ? 90 : 100},100`);
    writeFiles(dir, { 'requests.csv': `timestamp,good,total\n${rows.join('\n')}\n` });
    const file = path.join(dir, 'requests.csv');
    expect(await op(core, 'importSloData', { name: 'checkout-requests', path: file })).toEqual({
      buckets: 60,
      from: '2026-11-27T02:00:00Z',
      to: '2026-11-27T03:00:00Z',
      replaced: 0,
      unchanged: false,
    });
    expect(await op(core, 'importSloData', { name: 'checkout-requests', path: file })).toMatchObject({ buckets: 60, unchanged: true });
    const slo = await op(core, 'getSlo', { name: 'checkout-requests' });
    expect(slo.sli).toBeCloseTo(5900 / 6000, 6);
    await op(core, 'excludeSloTime', { name: 'checkout-requests', from: '2026-11-27T02:00:00Z', to: '2026-11-27T02:10:00Z', reason: 'Planned failover' });
    expect((await op(core, 'getSlo', { name: 'checkout-requests' })).sli).toBe(1);
    const chart = await op(core, 'sloChart', { name: 'checkout-requests', whatIfMinutes: 30 });
    expect(chart.exclusions).toEqual([{ id: expect.stringMatching(/^[0-9A-Z]{26}$/) as string, from: '2026-11-27T02:00:00.000Z', to: '2026-11-27T02:10:00.000Z', reason: 'Planned failover', createdBy: 'tester' }]);
    expect(chart.points.at(-1)).toMatchObject({ at: '2026-11-27T03:00:00.000Z', remaining: 1 });
    expect(chart.whatIf?.budget.remaining).toBeLessThan(1);
  });

  it('lists an SLO’s exclusions, the latest first, and removes one: its time counts again; a second removal says it is gone', async () => {
    const { core } = await withSlos();
    const dir = tempDir();
    const rows = Array.from({ length: 60 }, (_, i) => `${new Date(Date.parse('2026-11-27T02:00:00Z') + i * MINUTE).toISOString()},${i < 10 ? 90 : 100},100`);
    writeFiles(dir, { 'requests.csv': `timestamp,good,total\n${rows.join('\n')}\n` });
    await op(core, 'importSloData', { name: 'checkout-requests', path: path.join(dir, 'requests.csv') });
    const failover = await op(core, 'excludeSloTime', { name: 'checkout-requests', from: '2026-11-27T02:00:00Z', to: '2026-11-27T02:10:00Z', reason: 'Planned failover' });
    const old = await op(core, 'excludeSloTime', { name: 'checkout-requests', from: '2026-09-01T00:00:00Z', to: '2026-09-01T01:00:00Z', reason: 'Before the window' });
    await op(core, 'excludeSloTime', { name: 'checkout-availability', from: '2026-11-27T02:00:00Z', to: '2026-11-27T02:10:00Z', reason: 'Another SLO' });
    expect((await op(core, 'listSloExclusions', { name: 'checkout-requests' })).map((exclusion) => exclusion.reason)).toEqual(['Planned failover', 'Before the window']);
    expect((await op(core, 'getSlo', { name: 'checkout-requests' })).sli).toBe(1);

    expect(await op(core, 'removeSloExclusion', { name: 'checkout-requests', id: failover.id })).toEqual(failover);
    expect((await op(core, 'getSlo', { name: 'checkout-requests' })).sli).toBeCloseTo(5900 / 6000, 6);
    expect(await op(core, 'listSloExclusions', { name: 'checkout-requests' })).toEqual([old]);
    const again = await opError(core, 'removeSloExclusion', { name: 'checkout-requests', id: failover.id });
    expect(again).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(again.message).toBe(`SLO "checkout-requests" has no exclusion ${failover.id}: it was removed already, or belongs to another SLO. Its exclusions are listed on its page and by holdfast slo exclusions checkout-requests.`);
    expect(await opError(core, 'removeSloExclusion', { name: 'checkout-availability', id: old.id })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses data for an incident SLO, an unknown SLO and a CSV total, in words', async () => {
    const { core } = await withSlos();
    const dir = tempDir();
    writeFiles(dir, { 'a.csv': 'timestamp,good,total\n2026-11-27T02:00:00Z,1,1\n' });
    expect((await opError(core, 'importSloData', { name: 'checkout-availability', path: path.join(dir, 'a.csv') })).message).toMatch(/counts the incidents on checkout.*takes no data file/);
    expect((await opError(core, 'getSlo', { name: 'nope' })).message).toMatch(/^No SLO named "nope"\. SLOs: .*checkout-availability/);
    const total = await opError(core, 'importSloData', { name: 'checkout-requests', path: path.join(dir, 'a.csv'), total: path.join(dir, 'a.csv') });
    expect(total).toMatchObject({ code: 'VALIDATION', field: 'total' });
    expect((await opError(core, 'excludeSloTime', { name: 'checkout-requests', from: '2026-11-27T02:00:00Z', to: '2026-11-27T01:00:00Z', reason: 'x' })).message).toMatch(/must be after from/);
  });

  it('previews a chosen file without storing it, then imports it; the export re-imports unchanged', async () => {
    const { core } = await withSlos();
    const text = fs.readFileSync(path.join(FIXTURES, 'slos', 'incidents.yaml'), 'utf8').replace('target: 0.999', 'target: 0.995');
    const preview = await op(core, 'previewSloImport', { files: [{ name: 'incidents.yaml', text }] });
    expect(preview.objects).toEqual([
      { path: 'incidents.yaml', kind: 'SLO', name: 'checkout-availability', change: 'updated' },
      { path: 'incidents.yaml', kind: 'SLO', name: 'search-errors', change: 'unchanged' },
    ]);
    expect((await op(core, 'getSlo', { name: 'checkout-availability' })).target).toBe(0.999);
    expect(await op(core, 'importSloText', { files: [{ name: 'incidents.yaml', text }] })).toMatchObject({ updated: 1, unchanged: 1 });
    expect((await op(core, 'getSlo', { name: 'checkout-availability' })).target).toBe(0.995);
    const out = tempDir();
    await op(core, 'exportSlos', { dir: out });
    const again = await op(core, 'importSlos', { paths: [out] });
    expect(again).toMatchObject({ imported: 0, updated: 0, failed: [] });
    expect(again.unchanged).toBeGreaterThan(5);
  });
});
