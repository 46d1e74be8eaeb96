import path from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../src/main/core/core';
import { api } from '../data/incidents';
import type { GeneratedRoster } from '../data/roster';
import type { Random } from '../random';
import { median, nowMs, quantile, timed } from '../stats';

/** Who is on call for every schedule, at instants spread over the year: each call's milliseconds. */
export async function measureWhoIsOnCall(core: Core, yearStart: Date, runs: number): Promise<number[]> {
  const times: number[] = [];
  await api(core, 'whoIsOnCall', { at: yearStart.toISOString() });
  for (let i = 0; i < runs; i += 1) {
    const at = new Date(yearStart.getTime() + ((i + 0.5) / runs) * 365 * 86_400_000).toISOString();
    times.push((await timed(() => api(core, 'whoIsOnCall', { at }))).ms);
  }
  return times;
}

/** A year of final shifts for one schedule at a time. */
export async function measureYearOfShifts(core: Core, roster: GeneratedRoster, yearStart: Date, runs: number, random: Random): Promise<{ times: number[]; shifts: number }> {
  const from = yearStart.toISOString();
  const to = new Date(yearStart.getTime() + 365 * 86_400_000).toISOString();
  const schedules = roster.teams.flatMap((team) => team.schedules);
  let shifts = 0;
  await api(core, 'scheduleShifts', { schedule: random.pick(schedules), from, to });
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const schedule = random.pick(schedules);
    times.push((await timed(async () => (shifts = (await api(core, 'scheduleShifts', { schedule, from, to })).final.length))).ms);
  }
  return { times, shifts };
}

/** The six-month iCal calendar of one schedule. */
export async function measureIcal(core: Core, roster: GeneratedRoster, runs: number, random: Random): Promise<number[]> {
  const schedules = roster.teams.flatMap((team) => team.schedules);
  await api(core, 'scheduleIcal', { schedule: random.pick(schedules), months: 6 });
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const schedule = random.pick(schedules);
    times.push((await timed(() => api(core, 'scheduleIcal', { schedule, months: 6 }))).ms);
  }
  return times;
}

/** Notes appended to the open incident's timeline through the API, each committed with synchronous=FULL. */
export async function measureAppends(core: Core, incidentId: number, count: number, texts: string[]): Promise<{ times: number[]; synchronous: number; journal: string }> {
  const synchronous = core.store.pragma('synchronous', { simple: true }) as number;
  const journal = core.store.pragma('journal_mode', { simple: true }) as string;
  if (synchronous !== 2) throw new Error(`The store runs with synchronous=${synchronous}; the append figure needs FULL (2).`);
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const text = texts[i % texts.length] ?? 'note';
    times.push((await timed(() => api(core, 'logNote', { id: incidentId, text }))).ms);
  }
  return { times, synchronous, journal };
}

/**
 * The floor under the append figure: one-row inserts into a bare table of a
 * fresh database in the same folder, in WAL mode with synchronous=FULL, each its
 * own transaction. Its p99 is what the disk's flush costs here, before any Holdfast code.
 */
export function measureBareAppends(dir: string, count: number): number[] {
  const db = new Database(path.join(dir, 'bare-append.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY, at TEXT NOT NULL, text TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO events (at, text) VALUES (?, ?)');
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const start = nowMs();
      insert.run(new Date().toISOString(), `note ${i}`);
      times.push(nowMs() - start);
    }
    return times;
  } finally {
    db.close();
  }
}

/** The post-mortem of the long incident written from its record, then exported as Markdown and HTML. */
export async function measurePostmortem(core: Core, incidentId: number, runs: number): Promise<{ total: number[]; generate: number[]; markdown: number[]; html: number[]; bytes: number }> {
  const result = { total: [] as number[], generate: [] as number[], markdown: [] as number[], html: [] as number[], bytes: 0 };
  for (let i = -1; i < runs; i += 1) {
    const generate = await timed(() => api(core, 'regeneratePostmortem', { incidentId }));
    const markdown = await timed(() => api(core, 'exportPostmortem', { incidentId, format: 'md' }));
    const html = await timed(() => api(core, 'exportPostmortem', { incidentId, format: 'html' }));
    if (i < 0) continue; // warm-up
    result.generate.push(generate.ms);
    result.markdown.push(markdown.ms);
    result.html.push(html.ms);
    result.total.push(generate.ms + html.ms);
    result.bytes = html.value.content.length;
  }
  return result;
}

export const p = { median, quantile };
