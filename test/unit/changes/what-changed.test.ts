import { describe, expect, it } from 'vitest';
import { parseChangeEventsJsonl } from '../../../src/main/changes/events-jsonl';
import { whatChanged } from '../../../src/main/changes/what-changed';
import type { Change } from '../../../src/shared/changes';
import { HOUR, makeChange, MINUTE, walked } from './fixtures';

const INCIDENT = { id: 7, services: ['checkout'], startedAt: '2026-11-02T10:00:00Z', resolvedAt: '2026-11-02T11:00:00Z' };
const t = (iso: string) => Date.parse(iso);

/** A change on `services` started at `start` (pre-checked just before) and walked on by `then`. */
function ran(title: string, services: string[], start: string, then: (change: Change, at: number) => Change = (change) => change): Change {
  const at = t(start);
  const change = makeChange({ title, services, window: { start, end: new Date(at + 2 * HOUR).toISOString(), zone: 'UTC' } }, at - 100 * HOUR);
  const running = walked(change, [
    [{ kind: 'schedule' }, { at: at - 99 * HOUR }],
    [{ kind: 'gate', tier: 'canary', result: 'pass' }, { at: at - MINUTE, evidence: 'baseline fine' }],
    [{ kind: 'start' }, { at }],
  ]);
  return then(running, at);
}

const inProgress = ran('Upgrade the payment client', ['checkout'], '2026-11-02T09:00:00Z');
const rolledBack = ran('Move sessions to the new cache', ['checkout', 'cart'], '2026-10-31T14:00:00Z', (change, at) =>
  walked(change, [
    [{ kind: 'gate', tier: 'canary', result: 'fail' }, { at: at + 5 * MINUTE, evidence: 'p99 doubled' }],
    [{ kind: 'rollback' }, { at: at + 6 * MINUTE }],
  ]),
);
const completedJustBefore = ran('Tune connection pool', ['checkout'], '2026-11-02T08:45:00Z', (change, at) =>
  walked(change, [
    [{ kind: 'gate', tier: 'canary', result: 'pass' }, { at: at + 15 * MINUTE, evidence: 'ok' }],
    [{ kind: 'promote' }, { at: at + 16 * MINUTE }],
    [{ kind: 'gate', tier: 'half', result: 'pass' }, { at: at + 31 * MINUTE, evidence: 'ok' }],
    [{ kind: 'promote' }, { at: at + 32 * MINUTE }],
    [{ kind: 'gate', tier: 'all', result: 'pass' }, { at: at + 33 * MINUTE, evidence: 'ok' }],
    [{ kind: 'complete' }, { at: at + 34 * MINUTE }],
  ]),
);
const neverStarted = makeChange({ title: 'Draft on checkout', window: { start: '2026-11-02T09:30:00Z', end: '2026-11-02T10:30:00Z', zone: 'UTC' } });
const elsewhere = ran('Reindex search', ['search'], '2026-11-02T09:40:00Z');

const event = (summary: string, timestamp: string, services: string[]) => ({ summary, timestamp, services, source: 'ci' });
const { events } = parseChangeEventsJsonl(
  [
    event('Deploy checkout v2.14.0', '2026-11-02T09:50:00Z', ['checkout']),
    event('Deploy search v9', '2026-11-02T09:55:00Z', ['search']),
    event('Rotate the load balancer certificates', '2026-11-02T08:00:00Z', []),
    event('Deploy checkout v2.14.1 (hotfix)', '2026-11-02T10:30:00Z', ['checkout']),
    event('Deploy checkout v2.12.0', '2026-10-29T09:00:00Z', ['checkout']),
    event('Flip flag one-click on checkout', '2026-10-31T09:00:00Z', ['checkout']),
    event('Deploy checkout v2.15.0', '2026-11-02T11:30:00Z', ['checkout']),
  ]
    .map((line) => JSON.stringify(line))
    .join('\n'),
);
const changes = [inProgress, rolledBack, completedJustBefore, neverStarted, elsewhere];

describe('what changed before an incident', () => {
  it('lists changes and events on its services, strongest reason first, newest first among equals, each with why', () => {
    expect(whatChanged(INCIDENT, changes, events).map(({ kind, title, at, why }) => [kind, title, at, why])).toEqual([
      ['change', 'Upgrade the payment client', '2026-11-02T09:00:00.000Z', 'in progress when the incident started; same service: checkout'],
      ['change', 'Move sessions to the new cache', '2026-10-31T14:00:00.000Z', 'rolled back; a service check failed; same service: checkout'],
      ['event', 'Deploy checkout v2.14.0', '2026-11-02T09:50:00.000Z', 'within 60 minutes before the incident started; same service: checkout'],
      ['change', 'Tune connection pool', '2026-11-02T08:45:00.000Z', 'within 60 minutes before the incident started; same service: checkout'],
      ['event', 'Deploy checkout v2.14.1 (hotfix)', '2026-11-02T10:30:00.000Z', 'while the incident was open; same service: checkout'],
      ['event', 'Flip flag one-click on checkout', '2026-10-31T09:00:00.000Z', 'same service: checkout'],
      ['event', 'Rotate the load balancer certificates', '2026-11-02T08:00:00.000Z', 'names no service, so it may touch any'],
    ]);
  });

  it('gives the CLI shape: kind, id, title, services, at, why (and the reasons as codes)', () => {
    const [first] = whatChanged(INCIDENT, changes, events);
    expect(first).toEqual({
      kind: 'change',
      id: inProgress.uid,
      title: 'Upgrade the payment client',
      services: ['checkout'],
      at: '2026-11-02T09:00:00.000Z',
      why: 'in progress when the incident started; same service: checkout',
      reasons: ['in-progress', 'same-service'],
      number: null,
      links: [],
    });
  });

  it('gives a stored change’s number, for its link, and an event’s links', () => {
    const stored = { ...rolledBack, id: 12 };
    const withLink = parseChangeEventsJsonl(JSON.stringify({ ...event('Deploy checkout v2.14.0', '2026-11-02T09:50:00Z', ['checkout']), links: [{ href: 'https://ci.example.com/run/42', text: 'CI run 42' }] })).events;
    const items = whatChanged(INCIDENT, [stored], withLink);
    expect(items.map(({ kind, number, links }) => ({ kind, number, links }))).toEqual([
      { kind: 'change', number: 12, links: [] },
      { kind: 'event', number: null, links: [{ href: 'https://ci.example.com/run/42', text: 'CI run 42' }] },
    ]);
  });

  it('looks back as far as configured (default 72 h)', () => {
    const titles = (hours?: number) => whatChanged(INCIDENT, [], events, hours === undefined ? {} : { lookBackHours: hours }).map((item) => item.title);
    expect(titles()).not.toContain('Deploy checkout v2.12.0');
    expect(titles(100)).toContain('Deploy checkout v2.12.0');
    expect(titles(1)).toEqual(['Deploy checkout v2.14.0', 'Deploy checkout v2.14.1 (hotfix)']);
  });

  it('an unresolved incident looks until now; one naming no service takes everything', () => {
    const open = { ...INCIDENT, resolvedAt: null };
    expect(whatChanged(open, [], events, { now: t('2026-11-02T12:00:00Z') }).map((item) => item.title)).toContain('Deploy checkout v2.15.0');
    const anywhere = whatChanged({ ...INCIDENT, services: [] }, changes, events).map((item) => [item.title, item.why]);
    expect(anywhere).toContainEqual(['Reindex search', 'in progress when the incident started; the incident names no service']);
  });
});
