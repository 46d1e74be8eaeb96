import type { ContactMethod, EscalationPolicy, Override, Person, Roster, Schedule, Team } from '../../shared/rosters';
import type { Store } from '../store/open';
import type { RosterDocument } from './roster-file';
import { readJsonList, readLayers, readLevels, scheduleProblem } from './stored';
import { writeTransaction } from '../store/transaction';

interface PersonRow {
  id: number;
  handle: string;
  name: string;
  time_zone: string;
  contacts: string;
}

/** All SQL for rosters. */
export class RosterRepo {
  private readonly statements;
  /** Bumped by every write through this repository. */
  private writes = 0;
  /** The last roster read, with the state of the store it was read from. */
  private cached: { writes: number; dataVersion: number; roster: Roster } | undefined;

  constructor(private readonly db: Store) {
    this.statements = {
      people: db.prepare<[], PersonRow>('SELECT id, handle, name, time_zone, contacts FROM people ORDER BY name COLLATE NOCASE, handle'),
      teams: db.prepare<[], { id: number; name: string; services: string }>(`
        SELECT t.id, t.name,
          (SELECT json_group_array(service) FROM (SELECT service FROM team_services WHERE team_id = t.id ORDER BY service)) AS services
        FROM teams t ORDER BY t.name COLLATE NOCASE`),
      schedules: db.prepare<[], { id: number; name: string; team: string; time_zone: string; layers: string }>(`
        SELECT s.id, s.name, t.name AS team, s.time_zone, s.layers
        FROM schedules s JOIN teams t ON t.id = s.team_id ORDER BY t.name COLLATE NOCASE, s.name COLLATE NOCASE`),
      overrides: db.prepare<[], Override>(`
        SELECT o.id, s.name AS schedule, p.handle AS person, o.start_at AS start, o.end_at AS "end", o.note
        FROM overrides o JOIN schedules s ON s.id = o.schedule_id JOIN people p ON p.id = o.person_id
        ORDER BY s.name, o.start_at`),
      policies: db.prepare<[], { id: number; name: string; team: string; repeat: number; levels: string }>(`
        SELECT e.id, e.name, t.name AS team, e.repeat, e.levels
        FROM escalation_policies e JOIN teams t ON t.id = e.team_id ORDER BY t.name COLLATE NOCASE, e.name`),
      upsertPerson: db.prepare(`
        INSERT INTO people (handle, name, time_zone, contacts) VALUES (@handle, @name, @timeZone, @contacts)
        ON CONFLICT(handle) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone, contacts = excluded.contacts`),
      upsertTeam: db.prepare('INSERT INTO teams (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id'),
      deleteTeamServices: db.prepare('DELETE FROM team_services WHERE team_id = ?'),
      insertTeamService: db.prepare('INSERT OR IGNORE INTO team_services (team_id, service) VALUES (?, ?)'),
      upsertSchedule: db.prepare(`
        INSERT INTO schedules (team_id, name, time_zone, layers) VALUES (@teamId, @name, @timeZone, @layers)
        ON CONFLICT(name) DO UPDATE SET team_id = excluded.team_id, time_zone = excluded.time_zone, layers = excluded.layers
        RETURNING id`),
      upsertPolicy: db.prepare(`
        INSERT INTO escalation_policies (team_id, name, repeat, levels) VALUES (@teamId, @name, @repeat, @levels)
        ON CONFLICT(team_id, name) DO UPDATE SET repeat = excluded.repeat, levels = excluded.levels`),
      personId: db.prepare<[string], { id: number }>('SELECT id FROM people WHERE handle = ?'),
      scheduleId: db.prepare<[string], { id: number }>('SELECT id FROM schedules WHERE name = ?'),
      insertOverride: db.prepare(`
        INSERT INTO overrides (schedule_id, person_id, start_at, end_at, note, created_at)
        VALUES (@scheduleId, @personId, @start, @end, @note, @createdAt)`),
      overlapping: db.prepare<{ scheduleId: number; start: string; end: string }, Override>(`
        SELECT o.id, s.name AS schedule, p.handle AS person, o.start_at AS start, o.end_at AS "end", o.note
        FROM overrides o JOIN schedules s ON s.id = o.schedule_id JOIN people p ON p.id = o.person_id
        WHERE o.schedule_id = @scheduleId AND o.start_at < @end AND o.end_at > @start`),
      deleteOverride: db.prepare('DELETE FROM overrides WHERE id = ?'),
      // Changes whenever another connection (the CLI beside the app, say) commits to the store.
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
      counts: db.prepare<[], { people: number; teams: number; schedules: number; overrides: number; escalationPolicies: number }>(`
        SELECT (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM teams) AS teams,
          (SELECT count(*) FROM schedules) AS schedules, (SELECT count(*) FROM overrides) AS overrides,
          (SELECT count(*) FROM escalation_policies) AS escalationPolicies`),
    };
  }

  /**
   * The whole roster. "Who is on call" asks for it on every call and it holds
   * thousands of people and overrides, so it is read again only after a write
   * here or a commit by another connection. (Not kept while a transaction is
   * open: that could still roll back.)
   */
  roster(): Roster {
    const dataVersion = this.statements.dataVersion.get() ?? 0;
    const cached = this.cached;
    if (cached && cached.writes === this.writes && cached.dataVersion === dataVersion && !this.db.inTransaction) return cached.roster;
    const roster = this.readRoster();
    this.cached = this.db.inTransaction ? undefined : { writes: this.writes, dataVersion, roster };
    return roster;
  }

  /** The roster as stored; a schedule with a value that cannot be worked with carries its `problem` (see stored.ts). */
  private readRoster(): Roster {
    const overrides = this.statements.overrides.all();
    return {
      people: this.statements.people.all().map(toPerson),
      teams: this.statements.teams.all().map((row): Team => ({ id: row.id, name: row.name, services: readJsonList<string>(row.services) })),
      schedules: this.statements.schedules.all().map((row): Schedule => {
        const { layers, problem: layersProblem } = readLayers(row.layers);
        const problem = scheduleProblem(row.time_zone, layersProblem, overrides.filter((o) => o.schedule === row.name));
        return { id: row.id, name: row.name, team: row.team, timeZone: row.time_zone, layers, ...(problem ? { problem } : {}) };
      }),
      overrides,
      escalationPolicies: this.statements.policies.all().map((row): EscalationPolicy => ({
        id: row.id,
        name: row.name,
        team: row.team,
        repeat: row.repeat,
        levels: readLevels(row.levels),
      })),
    };
  }

  counts() {
    return this.statements.counts.get() ?? { people: 0, teams: 0, schedules: 0, overrides: 0, escalationPolicies: 0 };
  }

  /**
   * Makes the store's roster what the document says, in one transaction: people,
   * teams, schedules and policies are kept by handle or name (so their ids stay),
   * what the document no longer has is removed, and overrides are replaced.
   */
  replaceWith(document: RosterDocument, now: Date): void {
    this.writes += 1;
    const s = this.statements;
    writeTransaction(this.db, () => {
      for (const person of document.people) {
        s.upsertPerson.run({ ...person, contacts: JSON.stringify(person.contacts) });
      }
      keepOnly(this.db, 'people', 'handle', document.people.map((p) => p.handle));
      const teams = document.teams.map((team) => {
        const { id } = s.upsertTeam.get(team.name) as { id: number };
        s.deleteTeamServices.run(id);
        for (const service of team.services) s.insertTeamService.run(id, service);
        return { id, team };
      });
      keepOnly(this.db, 'teams', 'name', document.teams.map((t) => t.name));
      this.db.prepare('DELETE FROM overrides').run();
      const scheduleNames: string[] = [];
      const policyKeys: string[] = [];
      for (const { id: teamId, team } of teams) {
        for (const schedule of team.schedules) {
          const { id: scheduleId } = s.upsertSchedule.get({ teamId, name: schedule.name, timeZone: schedule.timeZone, layers: JSON.stringify(schedule.layers) }) as { id: number };
          scheduleNames.push(schedule.name);
          for (const override of schedule.overrides) {
            const personId = s.personId.get(override.person)?.id;
            s.insertOverride.run({ scheduleId, personId, start: override.start, end: override.end, note: override.note, createdAt: now.toISOString() });
          }
        }
        for (const policy of team.escalationPolicies) {
          s.upsertPolicy.run({ teamId, name: policy.name, repeat: policy.repeat, levels: JSON.stringify(policy.levels) });
          policyKeys.push(JSON.stringify([teamId, policy.name]));
        }
      }
      keepOnly(this.db, 'schedules', 'name', scheduleNames);
      const stale = this.db.prepare<[], { id: number; key: string }>('SELECT id, json_array(team_id, name) AS key FROM escalation_policies').all();
      for (const row of stale) if (!policyKeys.includes(row.key)) this.db.prepare('DELETE FROM escalation_policies WHERE id = ?').run(row.id);
    });
  }

  upsertPeople(people: { handle: string; name: string; timeZone: string; contacts: ContactMethod[] }[]): void {
    this.writes += 1;
    writeTransaction(this.db, () => {
      for (const person of people) this.statements.upsertPerson.run({ ...person, contacts: JSON.stringify(person.contacts) });
    });
  }

  personId(handle: string): number | undefined {
    return this.statements.personId.get(handle)?.id;
  }

  scheduleId(name: string): number | undefined {
    return this.statements.scheduleId.get(name)?.id;
  }

  overlappingOverrides(scheduleId: number, start: string, end: string): Override[] {
    return this.statements.overlapping.all({ scheduleId, start, end });
  }

  insertOverride(override: { scheduleId: number; personId: number; start: string; end: string; note: string }, now: Date): number {
    this.writes += 1;
    return Number(this.statements.insertOverride.run({ ...override, createdAt: now.toISOString() }).lastInsertRowid);
  }

  deleteOverride(id: number): boolean {
    this.writes += 1;
    return this.statements.deleteOverride.run(id).changes > 0;
  }
}

/** Deletes the rows of `table` whose `column` is not among `keep`. */
function keepOnly(db: Store, table: 'people' | 'teams' | 'schedules', column: 'handle' | 'name', keep: string[]): void {
  db.prepare(`DELETE FROM ${table} WHERE ${column} NOT IN (SELECT value FROM json_each(?))`).run(JSON.stringify(keep));
}

function toPerson(row: PersonRow): Person {
  return { id: row.id, handle: row.handle, name: row.name, timeZone: row.time_zone, contacts: readJsonList<ContactMethod>(row.contacts) };
}
