import { ChangeLogEntry, ChangeRecord, type Change, type ChangeEvent, type Window } from '../../shared/changes';
import type { Store } from '../store/open';
import { writeTransaction } from '../store/transaction';
import { plannedSpan } from './span';
import { replay, type ChangeProgress } from './walk';

/** A change as stored: with its local id (what the command line takes) beside its ULID. */
export type StoredChange = Change & { id: number };

/** "In progress" has no end yet: the end of time, for the activity index. */
const OPEN_END = 8.64e15;
const ANY_SERVICE = '*';

interface LogRow {
  uid: string;
  change_uid: string;
  at: string;
  actor: string;
  kind: string;
  detail: string;
  evidence: string;
}

/** All SQL for changes (tables: store/migrations/011-changes.ts). */
export class ChangeRepo {
  private prepared: ReturnType<ChangeRepo['prepare']> | undefined;

  /** Prepared on first use: a core opened on a store not yet migrated (a migration's own test) never asks for them. */
  private get statements(): ReturnType<ChangeRepo['prepare']> {
    return (this.prepared ??= this.prepare());
  }

  constructor(private readonly db: Store) {}

  private prepare() {
    const db = this.db;
    return {
      insertChange: db.prepare<{ uid: string; record: string; title: string; start: number; end: number; state: string; createdAt: string }>(`
        INSERT INTO changes (uid, record, title, start_ms, end_ms, state, created_at)
        VALUES (@uid, @record, @title, @start, @end, @state, @createdAt)`),
      insertService: db.prepare<{ service: string; id: number | bigint; start: number; end: number }>(
        'INSERT INTO change_services (service, change_id, start_ms, end_ms) VALUES (@service, @id, @start, @end)',
      ),
      insertLog: db.prepare<LogRow>(`
        INSERT INTO change_log (uid, change_uid, at, actor, kind, detail, evidence)
        VALUES (@uid, @change_uid, @at, @actor, @kind, @detail, @evidence) ON CONFLICT (uid) DO NOTHING`),
      updateState: db.prepare<{ uid: string; state: string }>('UPDATE changes SET state = @state WHERE uid = @uid'),
      updateActivity: db.prepare<{ uid: string; activeStart: number | null; activeEnd: number | null }>(`
        UPDATE change_services SET active_start_ms = @activeStart, active_end_ms = @activeEnd
        WHERE change_id = (SELECT id FROM changes WHERE uid = @uid)`),
      byId: db.prepare<[number], { id: number; record: string }>('SELECT id, record FROM changes WHERE id = ?'),
      byUid: db.prepare<[string], { id: number; record: string }>('SELECT id, record FROM changes WHERE uid = ?'),
      logsOf: db.prepare<[string], Omit<LogRow, 'change_uid'> & { change: string }>(`
        SELECT uid, change_uid AS change, at, actor, kind, detail, evidence FROM change_log
        WHERE change_uid IN (SELECT value FROM json_each(?)) ORDER BY change_uid, uid`),
      planned: db.prepare<{ from: number; to: number }, { id: number; record: string }>(`
        SELECT id, record FROM changes WHERE start_ms < @to AND end_ms > @from ORDER BY start_ms, id`),
      plannedOn: db.prepare<{ service: string; from: number; to: number }, { id: number; record: string }>(`
        SELECT c.id, c.record FROM change_services s JOIN changes c ON c.id = s.change_id
        WHERE s.service = @service AND s.start_ms < @to AND s.end_ms > @from ORDER BY s.start_ms, c.id`),
      activeOn: db.prepare<{ services: string; from: number; to: number }, { id: number; record: string }>(`
        SELECT c.id, c.record FROM changes c WHERE c.id IN (
          SELECT change_id FROM change_services
          WHERE service IN (SELECT value FROM json_each(@services)) AND active_end_ms >= @from AND active_start_ms < @to)`),
      active: db.prepare<{ from: number; to: number }, { id: number; record: string }>(`
        SELECT c.id, c.record FROM changes c WHERE c.id IN (
          SELECT change_id FROM change_services WHERE active_end_ms >= @from AND active_start_ms < @to)`),
      insertWindow: db.prepare<{ uid: string; name: string; kind: string; window: string; createdAt: string }>(`
        INSERT INTO change_windows (uid, name, kind, window, created_at) VALUES (@uid, @name, @kind, @window, @createdAt)`),
      putWindow: db.prepare<{ uid: string; name: string; kind: string; window: string; createdAt: string }>(`
        INSERT INTO change_windows (uid, name, kind, window, created_at) VALUES (@uid, @name, @kind, @window, @createdAt)
        ON CONFLICT (uid) DO UPDATE SET name = excluded.name, kind = excluded.kind, window = excluded.window`),
      windows: db.prepare<[], { id: number; window: string }>('SELECT id, window FROM change_windows ORDER BY name COLLATE NOCASE, id'),
      removeWindow: db.prepare<{ id: number | null; uid: string | null }>('DELETE FROM change_windows WHERE id = @id OR uid = @uid'),
      insertEvent: db.prepare<{ uid: string; at: number; event: string; importedAt: string }>(`
        INSERT INTO change_events (uid, at_ms, event, imported_at) VALUES (@uid, @at, @event, @importedAt)
        ON CONFLICT (uid) DO NOTHING RETURNING id`),
      insertEventService: db.prepare<{ service: string; at: number; id: number }>(
        'INSERT INTO change_event_services (service, at_ms, event_id) VALUES (@service, @at, @id)',
      ),
      eventsOn: db.prepare<{ services: string; from: number; to: number }, { event: string; uid: string }>(`
        SELECT e.uid, e.event FROM change_events e WHERE e.id IN (
          SELECT event_id FROM change_event_services
          WHERE service IN (SELECT value FROM json_each(@services)) AND at_ms >= @from AND at_ms < @to)`),
      events: db.prepare<{ from: number; to: number }, { event: string; uid: string }>(
        'SELECT uid, event FROM change_events WHERE at_ms >= @from AND at_ms < @to',
      ),
    };
  }

  /** Stores a new change (its record; a log or id beside it is not stored) with the log's first entry; returns its local id. */
  insert(change: ChangeRecord | Change, created: ChangeLogEntry): number {
    return writeTransaction(this.db, () => {
      const id = this.insertRecord(change);
      this.insertEntries([created]);
      return id;
    });
  }

  /** Stores a change's record alone (its log comes by append): one made on another machine. Returns its local id. */
  insertRecord(change: ChangeRecord | Change): number {
    const { log: _log, id: _id, ...fields } = change as Partial<StoredChange>;
    const record = ChangeRecord.parse(fields);
    return writeTransaction(this.db, () => {
      const span = plannedSpan(record);
      const { lastInsertRowid } = this.statements.insertChange.run({
        uid: record.uid,
        record: JSON.stringify(record),
        title: record.title,
        start: span.start,
        end: span.end,
        state: 'draft',
        createdAt: record.createdAt,
      });
      for (const service of record.services) this.statements.insertService.run({ service, id: lastInsertRowid, ...span });
      return Number(lastInsertRowid);
    });
  }

  /**
   * Adds log entries (one decided here, or many merged from another machine;
   * uids already stored are skipped) and refreshes the change's cached state.
   */
  append(change: Change, entries: readonly ChangeLogEntry[]): ChangeProgress & { added: number } {
    return writeTransaction(this.db, () => {
      const added = this.insertEntries(entries);
      const stored = this.change(change.uid);
      const progress = replay(change, stored?.log ?? [...change.log, ...entries]);
      this.statements.updateState.run({ uid: change.uid, state: progress.state });
      const started = progress.startedAt;
      this.statements.updateActivity.run({
        uid: change.uid,
        activeStart: started,
        activeEnd: started === null ? null : (progress.finishedAt ?? OPEN_END),
      });
      return { ...progress, added };
    });
  }

  /** Inserts log entries, skipping uids already stored; returns how many were new. */
  private insertEntries(entries: readonly ChangeLogEntry[]): number {
    let added = 0;
    for (const entry of entries) {
      added += this.statements.insertLog.run({
        uid: entry.uid,
        change_uid: entry.change,
        at: entry.at,
        actor: entry.actor,
        kind: entry.kind,
        detail: JSON.stringify(entry.detail),
        evidence: entry.evidence,
      }).changes;
    }
    return added;
  }

  /** One change with its whole log, by local id or ULID. */
  change(idOrUid: number | string): StoredChange | null {
    const row = typeof idOrUid === 'number' ? this.statements.byId.get(idOrUid) : this.statements.byUid.get(idOrUid);
    return row ? (this.withLogs([row])[0] ?? null) : null;
  }

  /** Changes whose planned window overlaps [from, to) (epoch ms), on `service` when given, by planned start. */
  planned(from: number, to: number, service?: string): StoredChange[] {
    const rows = service === undefined ? this.statements.planned.all({ from, to }) : this.statements.plannedOn.all({ service, from, to });
    return this.withLogs(rows);
  }

  /** Changes that were running at some time in [from, to) on any of `services` (all, when none are named): for "what changed?". */
  touching(services: readonly string[], from: number, to: number): StoredChange[] {
    const rows = services.length === 0 ? this.statements.active.all({ from, to }) : this.statements.activeOn.all({ services: JSON.stringify(services), from, to });
    return this.withLogs(rows);
  }

  private withLogs(rows: { id: number; record: string }[]): StoredChange[] {
    if (rows.length === 0) return [];
    const records = rows.map((row) => ({ id: row.id, record: ChangeRecord.parse(JSON.parse(row.record)) }));
    const logs = new Map<string, ChangeLogEntry[]>();
    for (const row of this.statements.logsOf.all(JSON.stringify(records.map(({ record }) => record.uid)))) {
      const entry = ChangeLogEntry.parse({ ...row, detail: JSON.parse(row.detail) as unknown });
      let log = logs.get(row.change);
      if (!log) logs.set(row.change, (log = []));
      log.push(entry);
    }
    return records.map(({ id, record }) => ({ ...record, id, log: logs.get(record.uid) ?? [] }));
  }

  addWindow(window: Window, createdAt: string): number {
    const { lastInsertRowid } = this.statements.insertWindow.run({ uid: window.uid, name: window.name, kind: window.kind, window: JSON.stringify(window), createdAt });
    return Number(lastInsertRowid);
  }

  /** Stores a window made elsewhere (another machine's), or its new fields when it is here already. */
  putWindow(window: Window, createdAt: string): void {
    this.statements.putWindow.run({ uid: window.uid, name: window.name, kind: window.kind, window: JSON.stringify(window), createdAt });
  }

  windows(): (Window & { id: number })[] {
    return this.statements.windows.all().map((row) => ({ ...(JSON.parse(row.window) as Window), id: row.id }));
  }

  /** Removes a window by local id or ULID; false when there is none. */
  removeWindow(idOrUid: number | string): boolean {
    const { changes } = this.statements.removeWindow.run(typeof idOrUid === 'number' ? { id: idOrUid, uid: null } : { id: null, uid: idOrUid });
    return changes > 0;
  }

  /** Stores change events; one already stored (same uid: same content) is skipped. */
  importEvents(events: readonly ChangeEvent[], importedAt: string): { imported: number; unchanged: number } {
    return writeTransaction(this.db, () => {
      let imported = 0;
      for (const event of events) {
        const at = Date.parse(event.timestamp);
        const row = this.statements.insertEvent.get({ uid: event.uid, at, event: JSON.stringify(event), importedAt }) as { id: number } | undefined;
        if (!row) continue;
        imported++;
        for (const service of event.services.length > 0 ? event.services : [ANY_SERVICE]) this.statements.insertEventService.run({ service, at, id: row.id });
      }
      return { imported, unchanged: events.length - imported };
    });
  }

  /** Events in [from, to) on any of `services` or naming none (all events, when no service is named). */
  eventsTouching(services: readonly string[], from: number, to: number): ChangeEvent[] {
    const rows = services.length === 0 ? this.statements.events.all({ from, to }) : this.statements.eventsOn.all({ services: JSON.stringify([...services, ANY_SERVICE]), from, to });
    return rows.map((row) => JSON.parse(row.event) as ChangeEvent);
  }
}
