import type { Statement } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { IncidentRepo } from '../../src/main/incidents/repo';
import { RosterRepo } from '../../src/main/rosters/repo';
import { DrillRepo } from '../../src/main/drills/repo';
import { SloRepo } from '../../src/main/slos/repo';
import { RunbookRepo } from '../../src/main/runbooks/repo';
import { RunbookSearchIndex } from '../../src/main/runbooks/search-index';
import { RunbookGroups } from '../../src/main/runbooks/summary-rows';
import { openMemoryStore, type Store } from '../../src/main/store/open';

/**
 * The hot queries must reach their rows through an index, whatever the data:
 * these tests read SQLite's plan for each statement as the repositories prepare
 * it (EXPLAIN QUERY PLAN), never a timing. Speed itself is `npm run bench`.
 */

/** The repository's prepared statements, by name. */
function statementsOf(repo: object): Record<string, Statement> {
  return (repo as { statements: Record<string, Statement> }).statements;
}

function planOf(db: Store, statement: Statement | undefined, params: Record<string, unknown> | unknown[] = {}): string[] {
  if (!statement) throw new Error('no such statement');
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${statement.source}`);
  const rows = (Array.isArray(params) ? explain.all(...params) : explain.all(params)) as { detail: string }[];
  return rows.map((row) => row.detail);
}

const noFullScans = (plan: string[], tables: string[]) => {
  for (const table of tables) expect(plan.filter((step) => new RegExp(`^SCAN ${table}\\b(?! VIRTUAL)`).test(step)), `${table} is scanned:\n${plan.join('\n')}`).toEqual([]);
};

describe('query plans of the hot queries', () => {
  const db = openMemoryStore();
  const runbooks = statementsOf(new RunbookSearchIndex(db, new RunbookGroups(db)));
  const drills = statementsOf(new DrillRepo(db));
  const incidents = statementsOf(new IncidentRepo(db));
  const rosters = statementsOf(new RosterRepo(db));
  const slos = statementsOf(new SloRepo(db));
  const filter = { tag: null, service: null, archived: 0, today: '2026-01-01' };

  it('search matches through the full-text index, lets it rank and stop at the limit, and reads runbooks by id', () => {
    const plan = planOf(db, runbooks.search, { ...filter, query: '"disk"*', limit: 50 });
    const fts = /^SCAN runbooks_fts VIRTUAL TABLE INDEX (\d+):r?M/.exec(plan[0] ?? '');
    expect(fts, plan.join('\n')).not.toBeNull();
    // FTS5's "ordered by rank" flag: it returns rows best first, so SQLite stops at the limit without sorting them all.
    expect(Number(fts?.[1]) & 32).toBe(32);
    expect(plan[1]).toBe('SEARCH r USING INTEGER PRIMARY KEY (rowid=?)');
    noFullScans(plan, ['r', 'runbooks', 'runbook_tags', 'runbook_services']);
  });

  it('a query that names a runbook exactly finds it by the name index, and its row by rowid', () => {
    expect(planOf(db, runbooks.named, { key: 'cputhrottlinghigh' })).toEqual([
      'SEARCH runbook_names USING COVERING INDEX runbook_names_by_key (key=?)',
      'USE TEMP B-TREE FOR ORDER BY',
    ]);
    const plan = planOf(db, runbooks.searchIds, { ...filter, query: '"CPUThrottlingHigh"*', ids: '[4]' });
    // "=": the full-text index is entered at each named runbook's rowid, not run over every match.
    expect(plan[0], plan.join('\n')).toMatch(/^SCAN runbooks_fts VIRTUAL TABLE INDEX \d+:=/);
    expect(plan).toContain('SEARCH r USING INTEGER PRIMARY KEY (rowid=?)');
    noFullScans(plan, ['r', 'runbooks', 'runbook_tags', 'runbook_services', 'runbook_names']);
    // Replacing a runbook's names is a seek on its key too.
    expect(planOf(db, runbooks.deleteNames, [4])).toEqual(['SEARCH runbook_names USING PRIMARY KEY (runbook_id=?)']);
  });

  it("a search's best sections come from each hit's own sections, read by rowid range, never by a match over every section", () => {
    expect(runbooks.sectionScores).toBeUndefined();
    expect(planOf(db, runbooks.sections, [1, 2])).toEqual(['SEARCH runbook_sections_fts_content USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)']);
  });

  it("the list's first screenful reads only its own rows' tags and services", () => {
    const groups = new RunbookGroups(db);
    const repo = statementsOf(new RunbookRepo(db, new RunbookSearchIndex(db, groups), groups));
    const plan = planOf(db, repo.firstPage, { ...filter, limit: 60 });
    // The page is picked from the runbooks table first (a subquery), and the per-row tag and service lists are read for its rows.
    expect(plan[0], plan.join('\n')).toMatch(/^CO-ROUTINE page|^MATERIALIZE page/);
    expect(plan.filter((step) => /^SEARCH runbook_(tags|services) USING/.test(step.trim())).length, plan.join('\n')).toBeGreaterThanOrEqual(2);
    noFullScans(plan, ['runbook_tags', 'runbook_services']);
    // Whether the demo is loaded (asked by every console at start) seeks to the runbooks without a file.
    expect(planOf(db, repo.hasDemo).join('\n')).toMatch(/SEARCH runbooks USING INDEX runbooks_by_source_path \(source_path=\?\)/);
  });

  it("re-importing a runbook finds its sections by key and deletes each by rowid, never by a range over the full-text index", () => {
    expect(planOf(db, runbooks.sectionRowids, [1, 2])).toEqual(['SEARCH runbook_sections_fts_content USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)']);
    // "=": FTS5 goes to the one row; a rowid range (BETWEEN, "><") on the FTS5 table walks every section of the library.
    const plan = planOf(db, runbooks.deleteSectionFts, [1]);
    expect(plan, plan.join('\n')).toEqual([expect.stringMatching(/^SCAN runbook_sections_fts VIRTUAL TABLE INDEX \d+:=$/)]);
  });

  it('on-call lookups find people, schedules and overlapping overrides by index', () => {
    expect(planOf(db, rosters.personId, ['ana'])).toEqual(['SEARCH people USING COVERING INDEX sqlite_autoindex_people_1 (handle=?)']);
    expect(planOf(db, rosters.scheduleId, ['Payments'])).toEqual(['SEARCH schedules USING COVERING INDEX sqlite_autoindex_schedules_1 (name=?)']);
    const overlapping = planOf(db, rosters.overlapping, { scheduleId: 1, start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z' });
    expect(overlapping).toContain('SEARCH o USING INDEX overrides_by_schedule (schedule_id=? AND start_at<?)');
    noFullScans(overlapping, ['o', 's', 'p']);
  });

  it("timeline reads walk one incident's events in order through its index, and its key marks through their own", () => {
    const events = planOf(db, incidents.events, [1]);
    expect(events).toEqual(['SEARCH incident_events USING INDEX incident_events_in_order (incident_id=?)']);
    // One event by its key, and its number in the incident counted from the covering index (never a scan).
    expect(planOf(db, incidents.event, [1, 2])).toEqual([
      'SEARCH e USING INTEGER PRIMARY KEY (rowid=?)',
      'CORRELATED SCALAR SUBQUERY 1',
      'SEARCH s USING COVERING INDEX incident_events_in_order (incident_id=? AND at<?)',
    ]);
    // The few key marks through their partial index, then sorted: never a walk over every event of a long incident.
    expect(planOf(db, incidents.keyMarks, [1])).toEqual(['SEARCH incident_events USING INDEX incident_events_key_marks (incident_id=?)', 'USE TEMP B-TREE FOR ORDER BY']);
    expect(planOf(db, incidents.eventCount, [1])).toEqual(['SEARCH incident_events USING COVERING INDEX incident_events_by_incident (incident_id=?)']);
  });

  it("the incident list reads each incident's commander by key in the same statement, and an incident's roles by its key", () => {
    const list = planOf(db, incidents.list, { open: 1, drills: 0 });
    expect(list).toContain('SEARCH c USING INDEX sqlite_autoindex_incident_roles_1 (incident_id=? AND role=?) LEFT-JOIN');
    noFullScans(list, ['c', 'incident_roles']);
    expect(planOf(db, incidents.roles, [1]).join('\n')).toMatch(/^SEARCH incident_roles USING INDEX sqlite_autoindex_incident_roles_1 \(incident_id=\?\)/);
  });

  it('a drill scenario is read by its key (or its title), never by loading every scenario', () => {
    const byId = planOf(db, drills.scenario, [1]);
    expect(byId[0]).toBe('SEARCH s USING INTEGER PRIMARY KEY (rowid=?)');
    noFullScans(byId, ['drill_runs']);
    // Importing a scenario finds the one it replaces by title in the statement itself.
    expect(drills.scenarioTitled?.source).toMatch(/WHERE s\.title = \?/);
  });

  it("an SLO's hourly roll-ups are read, replaced and written by seeking its key's hour range, never by scanning every SLO's hours", () => {
    expect(planOf(db, slos.hours, [1, 0, 3_600_000, '[]'])).toEqual(['SEARCH slo_hours USING PRIMARY KEY (slo_id=? AND hour_ms>? AND hour_ms<?)']);
    expect(planOf(db, slos.deleteHours, [1, 0, 3_600_000])).toEqual(['SEARCH slo_hours USING PRIMARY KEY (slo_id=? AND hour_ms>? AND hour_ms<?)']);
    // The raw edges of a cut hour: the same seek on the buckets' key.
    expect(planOf(db, slos.buckets, [1, 0, 3_600_000, 0])).toEqual(['SEARCH slo_bucket_hours USING INDEX sqlite_autoindex_slo_bucket_hours_1 (slo_id=? AND hour_ms>? AND hour_ms<?)']);
    expect(planOf(db, slos.storedHours, [1, 0, 3_600_000])).toEqual(['SEARCH slo_bucket_hours USING INDEX sqlite_autoindex_slo_bucket_hours_1 (slo_id=? AND hour_ms>? AND hour_ms<?)']);
  });
});
