import type { Statement } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/main/changes/decide';
import { parseChangeEventsJsonl } from '../../../src/main/changes/events-jsonl';
import { newUid } from '../../../src/main/changes/ids';
import { ChangeRepo } from '../../../src/main/changes/repo';
import { whatChanged } from '../../../src/main/changes/what-changed';
import { openMemoryStore } from '../../../src/main/store/open';
import { makeChange, MINUTE, walked, window } from './fixtures';

/** A store with every migration applied (011 creates the change tables). */
function store() {
  const db = openMemoryStore();
  return { db, repo: new ChangeRepo(db) };
}

const t = (iso: string) => Date.parse(iso);

describe('the change repository', () => {
  it('stores a change and its log, and reads back the same change with its state derived', () => {
    const { repo } = store();
    const change = makeChange();
    const id = repo.insert(change, change.log[0]!);
    const start = t(change.window.start);
    const walkedChange = walked(change, [
      [{ kind: 'schedule' }, { at: start - 48 * 60 * MINUTE }],
      [{ kind: 'gate', tier: 'canary', result: 'pass' }, { at: start - MINUTE, evidence: 'baseline fine' }],
      [{ kind: 'start' }, { at: start }],
    ]);
    const progress = repo.append(change, walkedChange.log.slice(1));
    expect(progress.state).toBe('in-progress');
    const stored = repo.change(id);
    expect(stored).toEqual({ ...walkedChange, id });
    expect(repo.change(change.uid)?.id).toBe(id);
    expect(repo.change(999)).toBeNull();
  });

  it('merges a log from another machine by uid: entries it already has are skipped', () => {
    const { repo } = store();
    const change = makeChange();
    repo.insert(change, change.log[0]!);
    const scheduled = decide(change, { kind: 'schedule' }, { actor: 'bo', at: t('2026-11-02T10:00:00Z') });
    if (!scheduled.ok) throw new Error(scheduled.reason);
    repo.append(change, [scheduled.entry]);
    expect(repo.append(change, [...change.log, scheduled.entry]).state).toBe('scheduled');
    expect(repo.change(change.uid)?.log).toHaveLength(2);
  });

  it('lists changes by planned window and service', () => {
    const { repo } = store();
    for (const [title, services, start] of [
      ['A', ['checkout'], '2026-11-23T09:00:00Z'],
      ['B', ['search'], '2026-11-23T10:00:00Z'],
      ['C', ['checkout'], '2026-12-23T09:00:00Z'],
    ] as const) {
      const change = makeChange({ title, services: [...services], window: { start, end: new Date(t(start) + 3_600_000).toISOString(), zone: 'UTC' } });
      repo.insert(change, change.log[0]!);
    }
    expect(repo.planned(t('2026-11-01T00:00:00Z'), t('2026-12-01T00:00:00Z')).map((change) => change.title)).toEqual(['A', 'B']);
    expect(repo.planned(t('2026-11-01T00:00:00Z'), t('2027-01-01T00:00:00Z'), 'checkout').map((change) => change.title)).toEqual(['A', 'C']);
  });

  it('adds, lists and removes windows', () => {
    const { repo } = store();
    const freeze = window({ kind: 'freeze', name: 'Black Friday', from: '2026-11-27T00:00:00Z', to: '2026-11-30T00:00:00Z' });
    const id = repo.addWindow(freeze, '2026-11-01T00:00:00Z');
    expect(repo.windows()).toEqual([{ ...freeze, id }]);
    expect(repo.removeWindow(freeze.uid)).toBe(true);
    expect(repo.removeWindow(id)).toBe(false);
    expect(repo.windows()).toEqual([]);
  });

  it('imports change events once: the same file again adds nothing', () => {
    const { repo } = store();
    const { events } = parseChangeEventsJsonl(
      [
        { summary: 'Deploy checkout', timestamp: '2026-11-02T09:50:00Z', services: ['checkout'] },
        { summary: 'Rotate certificates', timestamp: '2026-11-02T08:00:00Z' },
        { summary: 'Deploy search', timestamp: '2026-11-02T09:55:00Z', services: ['search'] },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    expect(repo.importEvents(events, '2026-11-02T12:00:00Z')).toEqual({ imported: 3, unchanged: 0 });
    expect(repo.importEvents(events, '2026-11-02T12:05:00Z')).toEqual({ imported: 0, unchanged: 3 });
    const found = repo.eventsTouching(['checkout'], t('2026-11-02T00:00:00Z'), t('2026-11-03T00:00:00Z')).map((event) => event.summary);
    expect(found.sort()).toEqual(['Deploy checkout', 'Rotate certificates']);
    expect(repo.eventsTouching([], t('2026-11-02T00:00:00Z'), t('2026-11-03T00:00:00Z'))).toHaveLength(3);
  });

  // Speed itself is bench/measure/changes.ts (npm run bench, once wired): here, that the reads cannot scan.
  it('reads an incident’s events and changes through the (service, at) indexes, never a scan', () => {
    const { db, repo } = store();
    const statements = (repo as unknown as { statements: Record<string, Statement> }).statements;
    const plan = (name: string, params: Record<string, unknown>) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${statements[name]?.source ?? ''}`).all(params) as { detail: string }[]).map((row) => row.detail);
    const params = { services: '["checkout","*"]', from: 0, to: 1 };
    const events = plan('eventsOn', params);
    expect(events.some((step) => /SEARCH change_event_services USING PRIMARY KEY \(service=\? AND at_ms>\? AND at_ms<\?\)/.test(step)), events.join('\n')).toBe(true);
    expect(events.filter((step) => /^SCAN (e|change_events|change_event_services)\b/.test(step))).toEqual([]);
    const changes = plan('activeOn', params);
    expect(changes.some((step) => /SEARCH change_services USING INDEX change_services_by_activity \(service=\? AND active_end_ms>\?\)/.test(step)), changes.join('\n')).toBe(true);
    expect(changes.filter((step) => /^SCAN (c|changes|change_services)\b/.test(step))).toEqual([]);
  });

  it('finds every event an incident’s look-back holds on its services among 10,000 stored, and only those', () => {
    const { repo } = store();
    const services = ['checkout', 'cart', 'search', 'payments', 'auth'];
    const events = Array.from({ length: 10_000 }, (_, i) => {
      const timestamp = new Date(t('2026-10-01T00:00:00Z') + i * 7 * 60_000).toISOString();
      return { uid: newUid(t(timestamp)), summary: `Deploy #${i}`, timestamp, source: 'ci', links: [], custom_details: {}, services: [services[i % 5] ?? 'checkout'] };
    });
    expect(repo.importEvents(events, '2026-11-02T12:00:00Z')).toEqual({ imported: 10_000, unchanged: 0 });
    const incident = { id: 1, services: ['checkout'], startedAt: '2026-10-30T10:00:00Z', resolvedAt: '2026-10-30T12:00:00Z' };
    const from = t(incident.startedAt) - 72 * 3_600_000;
    const to = t(incident.resolvedAt);
    const listed = whatChanged(incident, repo.touching(incident.services, from, to), repo.eventsTouching(incident.services, from, to));
    // One checkout event every 35 minutes over the 74 hours from 72 h before the start to the resolution.
    const expected = events.filter((event) => event.services[0] === 'checkout' && t(event.timestamp) >= from && t(event.timestamp) < to);
    expect(listed.map((item) => item.id).sort()).toEqual(expected.map((event) => event.uid).sort());
    expect(listed).toHaveLength(127);
  });
});
