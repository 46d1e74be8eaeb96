import { describe, expect, it } from 'vitest';
import { indexSuggestions, rankSuggestions, type SuggestionCandidate } from '../../../src/main/runbooks/suggestion-rank';

let nextId = 1;
const runbook = (title: string, more: Partial<SuggestionCandidate> = {}): SuggestionCandidate => ({
  id: nextId++,
  title,
  alerts: [],
  services: [],
  tags: [],
  group: null,
  folder: null,
  ...more,
});

const LIBRARY = [
  runbook('RedisMemoryHigh', { alerts: ['RedisMemoryHigh'], group: 'Cache', folder: 'cache' }),
  runbook('RedisDown', { alerts: ['RedisDown'], group: 'Cache', folder: 'cache' }),
  runbook('Cache stampede', { services: ['search-api'], tags: ['cache'] }),
  runbook('QueueConsumersDown', { alerts: ['QueueConsumersDown'], folder: 'queues' }),
  runbook('PostgresReplicationLag', { alerts: ['PostgresReplicationLag'], services: ['postgres'], folder: 'db' }),
  runbook('Disk filling up on a database host', { tags: ['disk', 'postgres'] }),
  runbook('Search latency spike', { services: ['search-api'] }),
];
const ranked = (title: string, services: string[] = []) =>
  rankSuggestions({ title, services }, indexSuggestions(LIBRARY)).map(({ id, reasons }) => [LIBRARY.find((item) => item.id === id)?.title, reasons]);

describe('ranking runbooks for an incident', () => {
  it('puts a runbook whose alert name the title names in full first, then its group, then a word in common', () => {
    expect(ranked('Redis memory high on cache-3')).toEqual([
      ['RedisMemoryHigh', ['alert name RedisMemoryHigh matches the title', 'in the Cache group']],
      ['RedisDown', ['in the Cache group', 'alert name RedisDown shares “Redis” with the incident']],
      ['Cache stampede', ['tagged cache', 'its title shares “Cache” with the incident']],
    ]);
  });

  it('ranks a named service above everything, and says which', () => {
    expect(ranked('Slow searches', ['search-api']).slice(0, 2)).toEqual([
      ['Cache stampede', ['service search-api']],
      ['Search latency spike', ['service search-api']],
    ]);
    // Without the service, its words still find the runbooks named with them.
    expect(ranked('Slow searches', ['search-engine'])).toContainEqual(['Search latency spike', ['its title shares “Search” with the incident']]);
  });

  it('counts a rare shared word more than a common one, and reads plurals as the word', () => {
    const library = [
      runbook('ApiDown', { alerts: ['ApiDown'] }),
      runbook('WorkerDown', { alerts: ['WorkerDown'] }),
      runbook('BrokerDown', { alerts: ['BrokerDown'] }),
      runbook('ConsumerLagHigh', { alerts: ['ConsumerLagHigh'] }),
    ];
    const order = rankSuggestions({ title: 'consumers down', services: [] }, indexSuggestions(library)).map(({ id }) => library.find((item) => item.id === id)?.title);
    expect(order[0]).toBe('ConsumerLagHigh');
    expect(order).toHaveLength(4);
  });

  it('finds a group by a service named like it, or by its folder when it has no section page', () => {
    const byService = ranked('Everything is slow', ['cache']);
    expect(byService).toContainEqual(['RedisDown', ['in the Cache group']]);
    expect(byService).toContainEqual(['RedisMemoryHigh', ['in the Cache group']]);
    expect(ranked('Lag on queues')[0]).toEqual(['QueueConsumersDown', ['in the queues folder', 'alert name QueueConsumersDown shares “Queue” with the incident']]);
  });

  it('finds a tag named like a service or a word of the title', () => {
    expect(ranked('Disk almost full on db3')).toEqual([['Disk filling up on a database host', ['tagged disk', 'its title shares “Disk” with the incident']]]);
    expect(ranked('Everything is slow', ['postgres'])).toEqual([
      ['PostgresReplicationLag', ['service postgres']],
      ['Disk filling up on a database host', ['tagged postgres']],
    ]);
  });

  it('suggests nothing for an incident that shares nothing with the library; small words and numbers do not count', () => {
    expect(ranked('The 502 is on the way')).toEqual([]);
  });
});
