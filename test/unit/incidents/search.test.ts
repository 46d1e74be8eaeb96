import { describe, expect, it } from 'vitest';
import { memoryCore, op } from '../../fixtures/core';

async function history() {
  const { core, clock } = memoryCore('2026-10-01T10:00:00Z');
  const declare = async (title: string, severity: 'SEV1' | 'SEV2' | 'SEV3', services: string[], at: string, drill = false) => {
    clock.set(at);
    return (await op(core, 'declareIncident', { title, severity, services, drill })).id;
  };
  const tls = await declare('Checkout 502s after deploy', 'SEV2', ['checkout'], '2026-10-01T10:00:00Z');
  await op(core, 'logNote', { id: tls, text: 'TLS handshake failures to payments-api' });
  await op(core, 'changeStatus', { id: tls, status: 'resolved', summary: 'Expired intermediate certificate on the proxy.' });
  const disk = await declare('Postgres disk full', 'SEV1', ['postgres-primary'], '2026-10-15T10:00:00Z');
  await op(core, 'savePostmortem', { incidentId: disk, sections: { 'what-went-wrong': 'The WAL archive stopped and nobody was paged.' } });
  await declare('Game day: checkout outage', 'SEV2', ['checkout'], '2026-10-20T10:00:00Z', true);
  const fresh = await declare('Checkout errors again', 'SEV3', ['checkout'], '2026-11-01T10:00:00Z');
  return { core, tls, disk, fresh };
}

describe('incident history', () => {
  it('finds past incidents by words from notes, summaries and post-mortems', async () => {
    const { core, tls, disk } = await history();
    const ids = async (query: string) => (await op(core, 'searchIncidents', { query })).map((hit) => hit.incident.id);
    expect(await ids('handshake')).toEqual([tls]);
    expect(await ids('intermediate certificate')).toEqual([tls]);
    expect(await ids('WAL archive')).toEqual([disk]);
    const [hit] = await op(core, 'searchIncidents', { query: 'handshake' });
    expect(hit?.snippet).toContain('<mark>handshake</mark>');
  });

  it('filters by service, severity and date, and leaves drills out unless asked', async () => {
    const { core, tls, fresh } = await history();
    expect((await op(core, 'searchIncidents', { service: 'checkout' })).map((h) => h.incident.id)).toEqual([fresh, tls]);
    expect((await op(core, 'searchIncidents', { service: 'checkout', includeDrills: true })).length).toBe(3);
    expect((await op(core, 'searchIncidents', { severity: 'SEV1' })).map((h) => h.incident.title)).toEqual(['Postgres disk full']);
    expect((await op(core, 'searchIncidents', { from: '2026-10-10', to: '2026-10-31' })).map((h) => h.incident.title)).toEqual(['Postgres disk full']);
  });

  it('suggests similar past incidents for a new one, by service and title words', async () => {
    const { core, tls, fresh } = await history();
    expect((await op(core, 'similarIncidents', { id: fresh })).map((i) => i.id)).toEqual([tls]);
    // Only earlier ones: the first checkout incident had nothing like it before it.
    expect(await op(core, 'similarIncidents', { id: tls })).toEqual([]);
  });
});
