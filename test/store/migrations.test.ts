import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { HoldfastError } from '../../src/main/errors';
import { migrate, schemaVersion } from '../../src/main/store/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../src/main/store/migrations';
import { migration001 } from '../../src/main/store/migrations/001-runbooks';
import { migration010 } from '../../src/main/store/migrations/010-prose-steps';
import type { Migration } from '../../src/main/store/migrations/types';
import { openStore } from '../../src/main/store/open';
import { tempDir } from '../fixtures/temp';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );

describe('migration registry', () => {
  it('numbers migrations in ascending order, the newest the latest schema', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(versions[0]).toBe(1);
    expect(LATEST_SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('001 creates the runbook library with a working full-text index', () => {
    const db = new Database(':memory:');
    migrate(db, [migration001]);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(expect.arrayContaining(['settings', 'runbooks', 'runbook_tags', 'runbook_services', 'runbooks_fts']));
    db.prepare("INSERT INTO runbooks_fts (rowid, title, body, tags, services) VALUES (1, 'Disk full', 'free space on /var', '', '')").run();
    expect(db.prepare("SELECT rowid FROM runbooks_fts WHERE runbooks_fts MATCH 'spa*'").all()).toEqual([{ rowid: 1 }]);
    expect(() =>
      db.prepare("INSERT INTO runbooks (title, body, source_text, origin, content_hash, created_at, updated_at) VALUES ('', '', '', 'import', 'h', 'now', 'now')").run(),
    ).toThrow(/CHECK constraint/);
  });
});

describe('migrate', () => {
  it('applies pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const db = new Database(':memory:');
    migrate(db, [migration001]);
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(database) {
        database.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [migration001, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half_done');
  });

  it('is a no-op on an up-to-date database', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(migrate(db, migrations)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
  });
});

describe('openStore', () => {
  it('sets the pragmas the incident log relies on', () => {
    const db = openStore(path.join(tempDir(), 'holdfast.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database from a newer Holdfast and leaves the file untouched', () => {
    const file = path.join(tempDir(), 'holdfast.db');
    const newer = new Database(file);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.exec('CREATE TABLE from_the_future (x)');
    newer.close();
    const before = fs.readFileSync(file);

    const error = captureError(() => openStore(file));
    expect(error).toBeInstanceOf(HoldfastError);
    expect((error as HoldfastError).code).toBe('STORE_TOO_NEW');
    expect((error as HoldfastError).message).toMatch(/newer version of Holdfast.*not changed/s);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('reports a file that is not a database without changing it', () => {
    const file = path.join(tempDir(), 'holdfast.db');
    fs.writeFileSync(file, 'this is not sqlite, just text that happens to be here\n'.repeat(100));
    const before = fs.readFileSync(file);
    const error = captureError(() => openStore(file));
    expect((error as HoldfastError).code).toBe('STORE_UNREADABLE');
    expect((error as HoldfastError).message).toContain(file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('backs up an existing database before migrating it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'holdfast.db');
    const db = openStore(file, { migrations: [migration001] });
    db.prepare("INSERT INTO settings (key, value) VALUES ('kept', 'yes')").run();
    db.close();

    const next: Migration = { version: 2, name: 'next', up: (d) => d.exec('CREATE TABLE next_table (id INTEGER)') };
    openStore(file, { migrations: [migration001, next] }).close();

    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(dir, 'backups', backups[0] ?? ''), { readonly: true });
    expect(schemaVersion(backup)).toBe(1);
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'kept'").get()).toEqual({ value: 'yes' });
    backup.close();
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('002 runbook authoring', () => {
  it('carries runbooks stored by the first schema over, with tags, a uid, steps and a first revision', async () => {
    const { Core } = await import('../../src/main/core/core');
    const { fixedClock } = await import('../../src/main/core/clock');
    const dir = tempDir();
    const file = path.join(dir, 'holdfast.db');
    const v1 = openStore(file, { migrations: [migration001] });
    const source = '---\ntitle: Disk full\ntags: [disk]\n---\n# Disk full\n\n## Mitigation\n\n- Delete old logs `rm /var/log/app/*.gz`\n';
    v1.prepare(
      `INSERT INTO runbooks (id, title, body, front_matter, source_text, source_path, origin, content_hash, created_at, updated_at)
       VALUES (7, 'Disk full', ?, '{"title":"Disk full","tags":["disk"]}', ?, '/srv/runbooks/disk.md', 'import', 'old', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).run(source.slice(source.indexOf('# Disk')), source);
    v1.prepare("INSERT INTO runbook_tags VALUES (7, 'disk')").run();
    v1.close();

    // Migrating onwards from schema 1, as a user upgrading from the first release would.
    const store = openStore(file);
    expect(schemaVersion(store)).toBe(LATEST_SCHEMA_VERSION);
    const core = new Core(store, { dataDir: dir, assetsDir: dir, clock: fixedClock('2026-11-27T00:00:00Z') });
    const runbook = core.runbooks.get(7);
    expect(runbook).toMatchObject({ title: 'Disk full', tags: ['disk'], revision: 1, relativePath: 'disk.md', sourcePath: '/srv/runbooks/disk.md' });
    expect(runbook.uid).toMatch(/^[0-9a-f]{16}$/);
    expect(runbook.steps.map((step) => step.commands)).toEqual([['rm /var/log/app/*.gz']]);
    expect(core.runbooks.search({ query: 'logs', limit: 5 }).map((hit) => hit.id)).toEqual([7]);
    expect(core.settings.get('runbooks.reindex')).toBeUndefined();
    core.close();
  });
});

describe('003 rosters, 004 incidents, 005 post-mortems', () => {
  const migrated = () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return db;
  };

  it('003 creates the roster tables; an override must end after it starts', () => {
    const db = migrated();
    expect(tables(db)).toEqual(expect.arrayContaining(['people', 'teams', 'team_services', 'schedules', 'overrides', 'escalation_policies']));
    db.exec(`INSERT INTO people (handle, name, time_zone) VALUES ('ana', 'Ana', 'UTC');
             INSERT INTO teams (name) VALUES ('Ops');
             INSERT INTO schedules (team_id, name, time_zone, layers) VALUES (1, 'Primary', 'UTC', '[]');`);
    expect(() =>
      db.prepare("INSERT INTO overrides (schedule_id, person_id, start_at, end_at, created_at) VALUES (1, 1, '2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z', 'now')").run(),
    ).toThrow(/CHECK constraint/);
  });

  it('004 keeps incident events append-only, allowing only a correction to be linked once', () => {
    const db = migrated();
    db.exec(`INSERT INTO incidents (title, severity, status, started_at, detected_at, declared_at) VALUES ('x', 'SEV2', 'investigating', 't', 't', 't');
             INSERT INTO incident_events (incident_id, at, type, actor, text) VALUES (1, 't', 'note', 'a', 'first');
             INSERT INTO incident_events (incident_id, at, type, actor, text) VALUES (1, 't', 'correction', 'a', 'second');`);
    expect(() => db.prepare("UPDATE incident_events SET text = 'changed' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM incident_events WHERE id = 1').run()).toThrow(/append-only/);
    db.prepare('UPDATE incident_events SET superseded_by = 2 WHERE id = 1').run();
    expect(() => db.prepare('UPDATE incident_events SET superseded_by = NULL WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO incidents (title, severity, status, started_at, detected_at, declared_at) VALUES ('y', 'SEV9', 'investigating', 't', 't', 't')").run()).toThrow(/CHECK/);
  });

  it('005 adds post-mortems, action items and an incident time zone defaulting to UTC', () => {
    const db = migrated();
    db.exec("INSERT INTO incidents (title, severity, status, started_at, detected_at, declared_at) VALUES ('x', 'SEV2', 'investigating', 't', 't', 't')");
    expect(db.prepare('SELECT time_zone FROM incidents').get()).toEqual({ time_zone: 'UTC' });
    expect(tables(db)).toEqual(expect.arrayContaining(['postmortems', 'action_items']));
    expect(() =>
      db.prepare("INSERT INTO action_items (incident_id, description, type, due_date, created_at, updated_at) VALUES (1, 'x', 'prevent', '2026-02-30', 't', 't')").run(),
    ).toThrow(/CHECK constraint/);
  });
});

describe('006 incident search', () => {
  it('indexes the incidents already stored, so the history finds them at once', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 5));
    db.exec(`INSERT INTO incidents (title, severity, status, services, started_at, detected_at, declared_at, resolution_summary)
               VALUES ('Checkout down', 'SEV1', 'resolved', '["checkout"]', 't', 't', 't', 'Expired certificate');
             INSERT INTO incident_events (incident_id, at, type, actor, text) VALUES (1, 't', 'note', 'a', 'handshake failures');`);
    migrate(db, migrations);
    const find = (word: string) => db.prepare('SELECT incident_id FROM incident_search WHERE incident_search MATCH ?').all(word);
    expect(find('checkout')).toEqual([{ incident_id: 1 }]);
    expect(find('certificate')).toEqual([{ incident_id: 1 }]);
    expect(find('handshake')).toEqual([{ incident_id: 1 }]);
  });
});

describe('007 drills', () => {
  it('creates scenarios, runs and their events; an unknown event kind is refused', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    expect(tables(db)).toEqual(expect.arrayContaining(['drill_scenarios', 'drill_runs', 'drill_events']));
    db.exec(`INSERT INTO drill_scenarios (title, targets, created_at, updated_at) VALUES ('x', '{}', 't', 't');
             INSERT INTO incidents (title, severity, status, started_at, detected_at, declared_at, drill) VALUES ('x', 'SEV2', 'investigating', 't', 't', 't', 1);
             INSERT INTO drill_runs (scenario_id, incident_id, state, started_at, scenario) VALUES (1, 1, 'running', 't', '{}');`);
    expect(() => db.prepare("INSERT INTO drill_events (run_id, at, kind) VALUES (1, 't', 'exploded')").run()).toThrow(/CHECK/);
  });
});

describe('008 lookup indexes', () => {
  it('rebuilds the runbook indexes of an older store: hits name their section, alert names match as words', async () => {
    const { Core } = await import('../../src/main/core/core');
    const { fixedClock } = await import('../../src/main/core/clock');
    const dir = tempDir();
    const file = path.join(dir, 'holdfast.db');
    const v1 = openStore(file, { migrations: [migration001] });
    const source = '# KubePodCrashLooping\n\n## Diagnosis\n\n- Read the pod logs with `kubectl logs $POD`.\n';
    v1.prepare(
      `INSERT INTO runbooks (id, title, body, front_matter, source_text, source_path, origin, content_hash, created_at, updated_at)
       VALUES (3, 'KubePodCrashLooping', ?, '{}', ?, '/srv/runbooks/crash.md', 'import', 'old', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).run(source, source);
    v1.close();
    const v7 = openStore(file, { migrations: migrations.slice(0, 7) });
    expect(schemaVersion(v7)).toBe(7);
    v7.close();

    const store = openStore(file);
    expect(schemaVersion(store)).toBeGreaterThanOrEqual(8);
    expect(store.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'incident_events_key_marks'").all()).toHaveLength(1);
    const core = new Core(store, { dataDir: dir, assetsDir: dir, clock: fixedClock('2026-11-27T00:00:00Z') });
    expect(core.runbooks.search({ query: 'pod logs', limit: 5 })).toEqual([
      expect.objectContaining({ id: 3, section: { id: 'diagnosis', title: 'Diagnosis' } }),
    ]);
    expect(core.runbooks.search({ query: 'crash looping', limit: 5 }).map((hit) => hit.id)).toEqual([3]);
    expect(core.settings.get('runbooks.reindex')).toBeUndefined();
    core.close();
  });
});

describe('009 runbook names', () => {
  it("fills an older store's runbook names on the next start, so an alert name found only in the file name finds its runbook first", async () => {
    const { Core } = await import('../../src/main/core/core');
    const { fixedClock } = await import('../../src/main/core/clock');
    const dir = tempDir();
    const file = path.join(dir, 'holdfast.db');
    const v8 = openStore(file, { migrations: migrations.slice(0, 8) });
    const insert = v8.prepare(
      `INSERT INTO runbooks (id, uid, title, body, source_text, relative_path, origin, content_hash, revision, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'import', 'h', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    const throttling = '# CPU Throttling High\n\nProcesses experience elevated CPU throttling.\n';
    insert.run(4, 'rb_000000000004', 'CPU Throttling High', throttling, throttling, 'kubernetes/CPUThrottlingHigh.md');
    const mentions = '# Pod slow\n\nCPUThrottlingHigh fires first; CPUThrottlingHigh means CPU throttling is high.\n';
    insert.run(5, 'rb_000000000005', 'Pod slow', mentions, mentions, 'kubernetes/pod-slow.md');
    // Saved before Markdown had bounds: it cannot be read again, and must not stop the app from starting.
    const deep = `# Quoted thread\n\n${'>'.repeat(40)} an old reply\n`;
    insert.run(6, 'rb_000000000006', 'Quoted thread', deep, deep, 'mail/thread.md');
    v8.close();

    const store = openStore(file);
    expect(schemaVersion(store)).toBeGreaterThanOrEqual(9);
    expect(store.prepare('SELECT count(*) AS n FROM runbook_names').get()).toEqual({ n: 0 });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const core = new Core(store, { dataDir: dir, assetsDir: dir, clock: fixedClock('2026-11-27T00:00:00Z') });
    expect(core.settings.get('runbooks.reindex')).toBeUndefined();
    expect(store.prepare("SELECT runbook_id, kind, key, name FROM runbook_names WHERE runbook_id = 4 ORDER BY kind").all()).toEqual([
      { runbook_id: 4, kind: 'alert', key: 'cputhrottlinghigh', name: 'CPUThrottlingHigh' },
      { runbook_id: 4, kind: 'title', key: 'cputhrottlinghigh', name: 'CPU Throttling High' },
    ]);
    expect(core.runbooks.search({ query: 'CPUThrottlingHigh', limit: 5 }).map((hit) => hit.id)).toEqual([4, 5]);
    expect(core.runbooks.get(4).alerts).toEqual(['CPUThrottlingHigh']);
    expect(core.runbooks.get(6)).toMatchObject({ title: 'Quoted thread', body: deep });
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringMatching(/^\[holdfast\] runbook 6 keeps its earlier steps and index: Line 3 nests block quotes 40 deep/)]);
    errors.mockRestore();
    // Deleting a runbook takes its names with it.
    store.prepare('DELETE FROM runbooks WHERE id = 4').run();
    expect(store.prepare('SELECT count(*) AS n FROM runbook_names WHERE runbook_id = 4').get()).toEqual({ n: 0 });
    core.close();
  });
});

describe('010 prose steps and borrowed front matter keys', () => {
  it("gives an older store's prose runbooks their steps and services on the next start; an incident keeps the checklist it copied", async () => {
    const { Core } = await import('../../src/main/core/core');
    const { fixedClock } = await import('../../src/main/core/clock');
    const dir = tempDir();
    const file = path.join(dir, 'holdfast.db');
    // A store as 0.9 left it, in today's schema but for 010 (whose settings are applied below): a core runs only on
    // the schema it was built for, and 010 changes no table, only what the next start rebuilds.
    const v9 = openStore(file, { migrations: migrations.filter((migration) => migration.version !== 10) });
    // As 0.9 stored it: a prose Diagnosis gave no step, and `component` was only kept.
    const body = '# etcdMembersDown\n\n## Diagnosis\n\nCheck the members:\n\n```shell\n$ etcdctl member list\n```\n\n## Mitigation\n\nReboot the member that is down.\n';
    const source = `---\ntitle: etcdMembersDown\ncomponent: etcd\nweight: 5\n---\n${body}`;
    v9.prepare(
      `INSERT INTO runbooks (id, uid, title, body, source_text, relative_path, origin, content_hash, revision, extra_front_matter, created_at, updated_at)
       VALUES (2, 'rb_000000000002', 'etcdMembersDown', ?, ?, 'etcd/etcdMembersDown.md', 'import', 'h', 1, '{"component":"etcd","weight":5}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).run(body, source);
    // Started once on 0.9, so nothing was left to rebuild.
    v9.prepare("DELETE FROM settings WHERE key = 'runbooks.reindex'").run();
    const before = new Core(v9, { dataDir: dir, assetsDir: dir, clock: fixedClock('2026-11-27T00:00:00Z') });
    expect(before.runbooks.get(2).steps).toEqual([]);
    const incident = before.incidents.declare({ title: 'etcd members down', severity: 'SEV2', services: ['etcd'], drill: false });
    before.incidents.attachRunbook(incident.id, 2);
    before.close();

    const store = openStore(file);
    migration010.up(store);
    expect(schemaVersion(store)).toBeGreaterThanOrEqual(10);
    const core = new Core(store, { dataDir: dir, assetsDir: dir, clock: fixedClock('2026-11-28T00:00:00Z') });
    expect(core.settings.get('runbooks.reindex')).toBeUndefined();
    expect(core.settings.get('runbooks.read_borrowed_keys')).toBeUndefined();
    const runbook = core.runbooks.get(2);
    expect(runbook.steps.map((step) => [step.section, step.commands])).toEqual([
      ['Diagnosis', ['$ etcdctl member list']],
      ['Mitigation', []],
    ]);
    expect(runbook).toMatchObject({ services: ['etcd'], revision: 2, extraFrontMatter: { component: 'etcd', weight: 5 } });
    expect(core.runbooks.listRevisions(2)[0]).toMatchObject({ author: 'holdfast', message: expect.stringContaining('component') as string });
    // The incident walks what it copied when the runbook had no steps: one step to read and follow it.
    expect(core.incidents.get(incident.id).runbooks[0]?.steps.map((step) => step.id)).toEqual(['st_read_and_follow']);
    // Done once: a service removed afterwards stays removed on the next start.
    await core.runbooks.save({ id: 2, metadata: { ...runbook.metadata, services: [] }, body: runbook.body });
    core.close();
    const again = new Core(openStore(file), { dataDir: dir, assetsDir: dir, clock: fixedClock('2026-11-29T00:00:00Z') });
    expect(again.runbooks.get(2).services).toEqual([]);
    again.close();
  });
});

describe('011 changes', () => {
  it('adds the change tables to an older store; a change, its log, a window and an event are kept, and a change without its record is refused', () => {
    const dir = tempDir();
    const file = path.join(dir, 'holdfast.db');
    const v10 = openStore(file, { migrations: migrations.slice(0, 10) });
    expect(tables(v10)).not.toContain('changes');
    v10.close();

    const store = openStore(file);
    expect(schemaVersion(store)).toBeGreaterThanOrEqual(11);
    expect(tables(store)).toEqual(expect.arrayContaining(['changes', 'change_services', 'change_log', 'change_windows', 'change_events', 'change_event_services']));
    const uid = '01KDVDNA00GGGGGGGGGGGGGGGG';
    store
      .prepare("INSERT INTO changes (uid, record, title, start_ms, end_ms, state, created_at) VALUES (?, '{}', 'Upgrade', 1000, 2000, 'draft', '2026-11-27T00:00:00Z')")
      .run(uid);
    store
      .prepare("INSERT INTO change_log (uid, change_uid, at, actor, kind, detail) VALUES ('01KDVDNA00GGGGGGGGGGGGGGGH', ?, '2026-11-27T00:00:00Z', 'ana', 'created', '{}')")
      .run(uid);
    expect(() => store.prepare("INSERT INTO changes (uid, record, title, start_ms, end_ms, state, created_at) VALUES ('x', 'not json', 't', 1, 2, 'draft', 'now')").run()).toThrow(
      /CHECK constraint/,
    );
    expect(() => store.prepare("INSERT INTO changes (uid, record, title, start_ms, end_ms, state, created_at) VALUES ('y', '{}', 't', 2, 1, 'draft', 'now')").run()).toThrow(/CHECK constraint/);
    // A log entry of a change that is not stored is refused; deleting a change takes its log with it.
    expect(() =>
      store.prepare("INSERT INTO change_log (uid, change_uid, at, actor, kind, detail) VALUES ('z', 'nope', 'now', 'ana', 'note', '{}')").run(),
    ).toThrow(/FOREIGN KEY/);
    store.prepare('DELETE FROM changes WHERE uid = ?').run(uid);
    expect(store.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual({ n: 0 });
    store.close();
  });
});
