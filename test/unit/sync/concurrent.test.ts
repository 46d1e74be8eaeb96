import { afterEach, describe, expect, it } from 'vitest';
import { holdfast } from '../../fixtures/cli';
import { op, opError } from '../../fixtures/core';
import { bareRemote } from './helpers';
import { closeMachines, dataMachine, type Machine } from './helpers';

afterEach(closeMachines);

/** The incident as each machine's console reads it: its state and what waits for the commander. */
const shown = async (m: Machine, id: number) => {
  const incident = await op(m.core, 'getIncident', { id });
  return { status: incident.status, severity: incident.severity, concurrent: incident.concurrent };
};

const idOn = async (m: Machine, title: string): Promise<number> => {
  const found = (await op(m.core, 'listIncidents', {})).find((incident) => incident.title === title);
  if (!found) throw new Error(`${m.name} has no incident titled ${title}`);
  return found.id;
};

describe('status and severity changed on two machines at once', () => {
  it('are flagged on both machines (the incident read and incident show --json) until the commander chooses; the choice settles both', { timeout: 120_000 }, async () => {
    const remote = bareRemote();
    const a = dataMachine('Ana Lima', '2026-11-27T03:00:00.000Z');
    const b = dataMachine('Bo Chen', '2026-11-27T03:00:00.000Z');
    const declared = await op(a.core, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });
    await op(a.core, 'syncInit', { remote });
    await op(b.core, 'syncInit', { remote });
    const onA = declared.id;
    const onB = await idOn(b, 'Checkout errors');
    expect((await shown(b, onB)).concurrent).toEqual([]);

    // Offline, each moves the incident on without seeing the other: Ana mitigates at 03:12, Bo resolves at 03:13.
    a.clock.set('2026-11-27T03:12:00.000Z');
    await op(a.core, 'changeStatus', { id: onA, status: 'monitoring' });
    b.clock.set('2026-11-27T03:13:00.000Z');
    await op(b.core, 'changeStatus', { id: onB, status: 'resolved', summary: 'Rolled back checkout to v142.' });
    await op(a.core, 'sync', {});
    await op(b.core, 'sync', {});
    await op(a.core, 'sync', {});

    const flagged = [
      {
        field: 'status',
        changes: [
          { uid: expect.any(String) as string, value: 'monitoring', actor: 'Ana Lima', at: '2026-11-27T03:12:00.000Z' },
          { uid: expect.any(String) as string, value: 'resolved', actor: 'Bo Chen', at: '2026-11-27T03:13:00.000Z' },
        ],
      },
    ];
    // Both machines show the latest and list both, never silently settled.
    expect(await shown(a, onA)).toEqual({ status: 'resolved', severity: 'SEV2', concurrent: flagged });
    expect(await shown(b, onB)).toEqual(await shown(a, onA));
    const cli = await holdfast('--data', b.dataDir, 'incident', 'show', String(onB), '--json');
    expect(cli.status).toBe(0);
    expect((JSON.parse(cli.stdout) as { concurrent: unknown }).concurrent).toEqual(flagged);
    const text = await holdfast('--data', b.dataDir, 'incident', 'show', String(onB));
    expect(text.stdout).toContain('Status was changed on two machines: monitoring by Ana Lima at 2026-11-27T03:12:00.000Z, resolved by Bo Chen at 2026-11-27T03:13:00.000Z');

    // The commander on A keeps Ana's "monitoring": one change recorded after both heads.
    const [kept, other] = (await op(a.core, 'getIncident', { id: onA })).concurrent[0]?.changes ?? [];
    if (!kept || !other) throw new Error('no concurrent changes to choose from');
    expect(kept.value).toBe('monitoring');
    a.clock.set('2026-11-27T03:20:00.000Z');
    const settled = await op(a.core, 'settleConcurrentChange', { id: onA, field: 'status', uid: kept.uid });
    expect(settled.type).toBe('status_changed');
    expect(settled.text).toBe('Status settled: monitoring (chosen over resolved by Bo Chen)');
    const heads = (await op(a.core, 'getIncident', { id: onA })).concurrent;
    expect(heads).toEqual([]);
    expect(settled.data.previous).toEqual([kept.uid, other.uid]);
    // Choosing again is refused in words: there is nothing left to choose.
    const again = await opError(a.core, 'settleConcurrentChange', { id: onA, field: 'status', uid: kept.uid });
    expect(again.message).toBe('The incident’s status is not in dispute, so there is nothing to choose (someone may have settled it already).');

    // The choice travels: B shows it settled too.
    await op(a.core, 'sync', {});
    await op(b.core, 'sync', {});
    expect(await shown(b, onB)).toEqual({ status: 'monitoring', severity: 'SEV2', concurrent: [] });
    expect(await shown(a, onA)).toEqual(await shown(b, onB));
  });

  it('a plain change after a dispute follows every head, so it settles it too', { timeout: 120_000 }, async () => {
    const remote = bareRemote();
    const a = dataMachine('Ana Lima', '2026-11-27T03:00:00.000Z');
    const b = dataMachine('Bo Chen', '2026-11-27T03:00:00.000Z');
    const declared = await op(a.core, 'declareIncident', { title: 'Search slow', severity: 'SEV3' });
    await op(a.core, 'syncInit', { remote });
    await op(b.core, 'syncInit', { remote });
    const onB = await idOn(b, 'Search slow');
    a.clock.advance(60_000);
    await op(a.core, 'changeSeverity', { id: declared.id, severity: 'SEV2' });
    b.clock.advance(61_000);
    await op(b.core, 'changeSeverity', { id: onB, severity: 'SEV1' });
    await op(a.core, 'sync', {});
    await op(b.core, 'sync', {});
    expect((await shown(b, onB)).concurrent.map((change) => [change.field, change.changes.map((head) => head.value)])).toEqual([['severity', ['SEV2', 'SEV1']]]);
    // Bo, seeing both, lowers it to SEV2 through the usual control: settled.
    b.clock.advance(60_000);
    await op(b.core, 'changeSeverity', { id: onB, severity: 'SEV2' });
    expect(await shown(b, onB)).toEqual({ status: 'investigating', severity: 'SEV2', concurrent: [] });
    await op(b.core, 'sync', {});
    await op(a.core, 'sync', {});
    expect(await shown(a, declared.id)).toEqual({ status: 'investigating', severity: 'SEV2', concurrent: [] });
  });
});
