/**
 * The changes figures of issue #17, on the domain core (registered in run.ts's table):
 * - `change check` for one change against 500 windows and 1,000 changes (budget p95 ≤ 5 ms);
 * - "what changed?" for an incident with 10,000 change events on file, store read included (budget ≤ 20 ms).
 * Run alone: `npx tsx bench/measure/changes.ts`.
 */
import { fileURLToPath } from 'node:url';
import { createChange } from '../../src/main/changes/decide';
import { newUid } from '../../src/main/changes/ids';
import { ChangeRepo } from '../../src/main/changes/repo';
import { checkChange, type PinnedRunbook } from '../../src/main/changes/rules';
import { whatChanged } from '../../src/main/changes/what-changed';
import { openMemoryStore } from '../../src/main/store/open';
import { DEFAULT_CHANGE_RULES, type Change, type ChangeEvent, type Window } from '../../src/shared/changes';
import { Random } from '../random';
import { median, quantile, timed } from '../stats';

const HOUR = 3_600_000;
const START = Date.parse('2026-11-02T00:00:00Z');
const CRONS = ['0 2 * * *', '30 11 * * 1-5', '0 18 * * 5', '0 0 20 11 *', '15 */6 * * *', '0 9 * * MON'];
const ZONES = ['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Tokyo', 'Australia/Sydney'];
const PLAN: PinnedRunbook = { id: 1, revision: 1, latestRevision: 1, title: 'Deploy', body: '1. Drain\n2. Deploy\n3. Verify\n', steps: [1, 2, 3].map((number) => ({ number, text: `step ${number}`, sectionId: null })), sections: [] };

function change(random: Random, services: readonly string[], at: number): Change {
  const start = at + random.int(0, 30 * 24) * HOUR;
  const { record, entry } = createChange(
    {
      title: `Change ${random.int(1, 1e6)}`,
      services: [random.pick(services)],
      type: random.pick(['standard', 'normal', 'emergency'] as const),
      risk: random.pick(['low', 'medium', 'high'] as const),
      owner: 'ana',
      approver: 'bo',
      window: { start: new Date(start).toISOString(), end: new Date(start + random.int(1, 4) * HOUR).toISOString(), zone: 'UTC' },
      plan: { runbookId: 1, revision: 1 },
      rollback: { runbookId: 1, revision: 1 },
      tiers: [
        { name: 'canary', percent: 5, soakMinutes: 15, gate: { checks: ['errors'] } },
        { name: 'half', percent: 50, soakMinutes: 15, gate: { checks: ['errors'] } },
        { name: 'all', percent: 100, soakMinutes: 0, gate: { checks: ['errors'] } },
      ],
    },
    { actor: 'ana', at: at - 100 * HOUR },
  );
  return { ...record, log: [entry] };
}

/** One change checked against 500 windows (half recurring) and 1,000 other changes, at 100 planned times. */
export async function measureChangeCheck(random: Random, runs = 200): Promise<number[]> {
  const services = Array.from({ length: 200 }, (_, i) => `service-${i}`);
  const windows: Window[] = Array.from({ length: 500 }, (_, i) => {
    const base = { uid: newUid(START), name: `window ${i}`, kind: random.pick(['freeze', 'peak'] as const), services: random.chance(0.1) ? ('all' as const) : [random.pick(services)], reason: '' };
    if (i % 2 === 0) return { ...base, cron: random.pick(CRONS), duration: `${random.int(1, 6)}h`, zone: random.pick(ZONES) };
    const from = START + random.int(0, 60 * 24) * HOUR;
    return { ...base, from: new Date(from).toISOString(), to: new Date(from + random.int(1, 72) * HOUR).toISOString() };
  });
  const others = Array.from({ length: 1000 }, () => change(random, services, START));
  const checked = Array.from({ length: 100 }, () => change(random, services, START));
  const context = { now: START - 100 * HOUR, windows, roster: { people: [{ handle: 'ana' }, { handle: 'bo' }] }, openIncidents: [], config: DEFAULT_CHANGE_RULES, runbooks: () => PLAN, otherChanges: others };
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const one = checked[run % checked.length] as Change;
    times.push((await timed(() => checkChange(one, context))).ms);
  }
  return times;
}

/** "What changed?" for incidents over 10,000 stored change events: the store's read and the ranking. */
export async function measureWhatChanged(random: Random, runs = 50): Promise<number[]> {
  const db = openMemoryStore();
  const repo = new ChangeRepo(db);
  const services = Array.from({ length: 50 }, (_, i) => `service-${i}`);
  const events: ChangeEvent[] = Array.from({ length: 10_000 }, (_, i) => {
    const timestamp = new Date(START - 30 * 24 * HOUR + i * 4 * 60_000).toISOString();
    return { uid: newUid(Date.parse(timestamp)), summary: `Deploy ${i}`, timestamp, source: 'ci', links: [], custom_details: {}, services: random.chance(0.05) ? [] : [random.pick(services)] };
  });
  repo.importEvents(events, new Date(START).toISOString());
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const startedAt = START - random.int(0, 20 * 24) * HOUR;
    const incident = { id: run, services: [random.pick(services), random.pick(services)], startedAt: new Date(startedAt).toISOString(), resolvedAt: new Date(startedAt + 2 * HOUR).toISOString() };
    times.push(
      (
        await timed(() => {
          const from = startedAt - 72 * HOUR;
          const to = startedAt + 2 * HOUR;
          return whatChanged(incident, repo.touching(incident.services, from, to), repo.eventsTouching(incident.services, from, to));
        })
      ).ms,
    );
  }
  db.close();
  return times;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const random = new Random(20260101);
  const check = await measureChangeCheck(random.fork('check'));
  const changed = await measureWhatChanged(random.fork('what-changed'));
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(`change check, 500 windows + 1,000 changes: first ${ms(check[0] ?? NaN)}, median ${ms(median(check))}, p95 ${ms(quantile(check, 0.95))} (budget p95 ≤ 5 ms)`);
  console.log(`what changed?, 10,000 events on file: first ${ms(changed[0] ?? NaN)}, median ${ms(median(changed))}, p95 ${ms(quantile(changed, 0.95))} (budget ≤ 20 ms)`);
}
