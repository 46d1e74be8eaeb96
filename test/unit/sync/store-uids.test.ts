import { describe, expect, it } from 'vitest';
import { ULID_PATTERN } from '../../../src/shared/sync';
import { uidTime } from '../../../src/main/sync/ids';
import { memoryCore, op } from '../../fixtures/core';

describe('what crosses machines gets a ULID when it is stored', () => {
  it('an incident, its events, a drill scenario and its run each get a uid made at the clock’s time, all different', async () => {
    const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
    const incident = await op(core, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });
    clock.advance(60_000);
    await op(core, 'logNote', { id: incident.id, text: 'paging payments' });
    const scenario = await op(core, 'saveDrillScenario', { title: 'Failover drill' });
    await op(core, 'startDrill', { scenarioId: scenario.id });
    const rows = (table: string) => core.store.prepare(`SELECT uid FROM ${table} ORDER BY id`).pluck().all() as string[];
    const all = ['incidents', 'incident_events', 'drill_scenarios', 'drill_runs'].flatMap(rows);
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const uid of all) expect(uid).toMatch(ULID_PATTERN);
    expect(new Set(all).size).toBe(all.length);
    expect(uidTime(rows('incidents')[0] ?? '')).toBe(Date.parse('2026-11-27T03:00:00Z'));
    expect(rows('incident_events').slice(0, 2).map(uidTime)).toEqual([Date.parse('2026-11-27T03:00:00Z'), Date.parse('2026-11-27T03:01:00Z')]);
  });
});
