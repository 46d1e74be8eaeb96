import type { Database, Statement } from 'better-sqlite3';
import { ulid } from 'ulid';
import type { OpenSloKind, SloDataImportResult } from '../../shared/slos';
import { writeTransaction } from '../store/transaction';
import type { SloDefinition } from './definition';
import { packBuckets, unpackBuckets } from '../store/bucket-pack';
import { ceilHour, floorHour, hourRollups, HOUR, rollupBasis } from './rollup';
import type { Bucket, JudgedSpan } from './series';
import { MAX_BUCKET_MS } from './sli-points';
import type { TimeRange } from './window';

/**
 * The SLO domain's SQL (tables: store/migrations/012-slos.ts, 013-slo-hours.ts, 016-slo-bucket-hours.ts), prepared
 * once. Private to the domain: other domains ask its service.
 */

export interface StoredSloObject {
  id: number;
  uid: string;
  kind: OpenSloKind;
  name: string;
  text: string;
  hash: string;
  sourcePath: string | null;
}

export interface StoredExclusion extends TimeRange {
  id: number;
  uid: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

type Change = 'imported' | 'updated' | 'unchanged';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export class SloRepo {
  private readonly statements: Record<string, Statement>;

  constructor(readonly db: Database) {
    const prepare = (sql: string) => db.prepare(sql);
    this.statements = {
      objectByKey: prepare('SELECT id, uid, kind, name, text, hash, source_path AS sourcePath FROM slo_objects WHERE kind = ? AND name = ?'),
      objects: prepare('SELECT id, uid, kind, name, text, hash, source_path AS sourcePath FROM slo_objects ORDER BY kind, name'),
      insertObject: prepare(
        'INSERT INTO slo_objects (uid, kind, name, text, hash, source_path, imported_at, updated_at) VALUES (@uid, @kind, @name, @text, @hash, @sourcePath, @now, @now)',
      ),
      updateObject: prepare('UPDATE slo_objects SET text = @text, hash = @hash, source_path = @sourcePath, updated_at = @now WHERE id = @id'),
      importByHash: prepare('SELECT from_ms AS start, to_ms AS end, buckets FROM slo_data_imports WHERE slo_id = ? AND hash = ?'),
      storedHours: prepare('SELECT hour_ms, buckets, reach_ms FROM slo_bucket_hours WHERE slo_id = ? AND hour_ms >= ? AND hour_ms < ? ORDER BY hour_ms'),
      storedHour: prepare('SELECT data FROM slo_bucket_hours WHERE slo_id = ? AND hour_ms = ?'),
      putHour: prepare(
        'INSERT INTO slo_bucket_hours (slo_id, hour_ms, buckets, reach_ms, data) VALUES (?, ?, ?, ?, ?) ' +
          'ON CONFLICT (slo_id, hour_ms) DO UPDATE SET buckets = excluded.buckets, reach_ms = excluded.reach_ms, data = excluded.data',
      ),
      dropHour: prepare('DELETE FROM slo_bucket_hours WHERE slo_id = ? AND hour_ms = ?'),
      dropStaleImports: prepare('DELETE FROM slo_data_imports WHERE slo_id = @slo AND from_ms < @to AND to_ms > @from'),
      recordImport: prepare(
        'INSERT INTO slo_data_imports (uid, slo_id, hash, from_ms, to_ms, buckets, imported_at) VALUES (@uid, @slo, @hash, @from, @to, @buckets, @now)',
      ),
      buckets: prepare('SELECT hour_ms, data FROM slo_bucket_hours WHERE slo_id = ? AND hour_ms >= ? AND hour_ms < ? AND reach_ms > ? ORDER BY hour_ms'),
      deleteHours: prepare('DELETE FROM slo_hours WHERE slo_id = ? AND hour_ms >= ? AND hour_ms < ?'),
      insertHour: prepare('INSERT INTO slo_hours (slo_id, hour_ms, good, bad, total, basis) VALUES (?, ?, ?, ?, ?, ?)'),
      hours: prepare('SELECT hour_ms, bad, total FROM slo_hours WHERE slo_id = ? AND hour_ms >= ? AND hour_ms < ? AND basis = ? ORDER BY hour_ms'),
      insertExclusion: prepare(
        'INSERT INTO slo_exclusions (uid, slo_id, from_ms, to_ms, reason, created_by, created_at) VALUES (@uid, @slo, @from, @to, @reason, @createdBy, @now)',
      ),
      allExclusions: prepare(
        'SELECT id, uid, from_ms AS start, to_ms AS end, reason, created_by AS createdBy, created_at AS createdAt FROM slo_exclusions WHERE slo_id = ? ORDER BY from_ms DESC, id DESC',
      ),
      removeExclusion: prepare('DELETE FROM slo_exclusions WHERE slo_id = ? AND uid = ?'),
      exclusions: prepare(
        'SELECT id, uid, from_ms AS start, to_ms AS end, reason, created_by AS createdBy, created_at AS createdAt FROM slo_exclusions WHERE slo_id = ? AND from_ms < ? AND to_ms > ? ORDER BY from_ms',
      ),
    };
  }

  object(kind: OpenSloKind, name: string): StoredSloObject | undefined {
    return this.statements.objectByKey?.get(kind, name) as StoredSloObject | undefined;
  }

  objects(): StoredSloObject[] {
    return this.statements.objects?.all() as StoredSloObject[];
  }

  /** Stores an object read by an import: added, replaced when its text changed, left alone when not. */
  putObject(object: { kind: OpenSloKind; name: string; text: string; hash: string; sourcePath: string | null }, now: Date): Change {
    const stored = this.object(object.kind, object.name);
    if (stored?.hash === object.hash) return 'unchanged';
    const values = { ...object, now: now.toISOString() };
    if (stored) this.statements.updateObject?.run({ ...values, id: stored.id });
    else this.statements.insertObject?.run({ ...values, uid: ulid(now.getTime()) });
    return stored ? 'updated' : 'imported';
  }

  /**
   * Stores a data file's buckets (sorted by start) for an SLO in one
   * transaction: what was stored in the span they cover (from the first
   * bucket's start to the last one's end) is replaced, never added to. The same
   * file again (by content hash) changes nothing while its data is still the
   * stored data. The hourly roll-ups of the hours it touches (and the hour
   * after, which an earlier bucket may no longer reach into) are rebuilt in
   * the same transaction, judged by `definition` (without it they are dropped
   * and reads of those hours go to the raw buckets).
   */
  importBuckets(sloId: number, buckets: readonly Bucket[], hash: string, now: Date, definition?: SloDefinition): SloDataImportResult {
    const first = buckets[0];
    const last = buckets.at(-1);
    if (!first || !last) throw new Error('no buckets to import');
    const from = first.start;
    const to = last.start + last.width;
    return writeTransaction(this.db, () => {
      const earlier = this.statements.importByHash?.get(sloId, hash) as { start: number; end: number; buckets: number } | undefined;
      if (earlier) return { buckets: earlier.buckets, from: iso(earlier.start), to: iso(earlier.end), replaced: 0, unchanged: true };
      const replaced = this.replaceSpan(sloId, buckets, { start: from, end: to });
      this.statements.dropStaleImports?.run({ slo: sloId, from, to });
      this.rollUp(sloId, definition, buckets);
      this.statements.recordImport?.run({ uid: ulid(now.getTime()), slo: sloId, hash, from, to, buckets: buckets.length, now: now.toISOString() });
      return { buckets: buckets.length, from: iso(from), to: iso(to), replaced, unchanged: false };
    });
  }

  /**
   * Puts `buckets` (sorted, covering `span`) in place of every stored bucket
   * that overlaps `span`, hour by packed hour: an hour inside the span is
   * replaced without being read, an hour at its edges (or before it, with a
   * bucket reaching into it) keeps its buckets outside the span. Answers how
   * many stored buckets were replaced.
   */
  private replaceSpan(sloId: number, buckets: readonly Bucket[], span: TimeRange): number {
    let replaced = 0;
    // Hour → the stored buckets it keeps, for every stored hour that changes.
    const kept = new Map<number, Bucket[]>();
    const stored = (this.statements.storedHours as Statement).raw(true).all(sloId, floorHour(span.start - MAX_BUCKET_MS), span.end) as [number, number, number][];
    const firstHour = floorHour(span.start);
    for (const [hour, count, reach] of stored) {
      // An hour before the span's changes only when a bucket of it reaches into the span; an hour from its first on may take new buckets.
      if (hour < firstHour && reach <= span.start) continue;
      if (hour >= span.start && hour + HOUR <= span.end) {
        replaced += count;
        kept.set(hour, []);
        continue;
      }
      const { data } = this.statements.storedHour?.get(sloId, hour) as { data: Buffer };
      const outside = unpackBuckets(hour, data).filter((bucket) => bucket.start >= span.end || bucket.start + bucket.width <= span.start);
      replaced += count - outside.length;
      if (outside.length < count || hour >= firstHour) kept.set(hour, outside);
    }
    const put = this.statements.putHour as Statement;
    const write = (hour: number, packed: readonly Bucket[]) => {
      if (packed.length === 0) {
        this.statements.dropHour?.run(sloId, hour);
        return;
      }
      let reach = -Infinity;
      for (const bucket of packed) reach = Math.max(reach, bucket.start + bucket.width);
      put.run(sloId, hour, packed.length, reach, packBuckets(hour, packed));
    };
    for (let index = 0; index < buckets.length; ) {
      const hour = floorHour((buckets[index] as Bucket).start);
      let end = index;
      while (end < buckets.length && (buckets[end] as Bucket).start < hour + HOUR) end += 1;
      const added = buckets.slice(index, end);
      const old = kept.get(hour);
      kept.delete(hour);
      // What an hour keeps lies before the span or after it, so the new buckets go between.
      write(hour, old ? [...old.filter((bucket) => bucket.start < span.start), ...added, ...old.filter((bucket) => bucket.start >= span.end)] : added);
      index = end;
    }
    for (const [hour, rest] of kept) write(hour, rest);
    return replaced;
  }

  /**
   * Rebuilds the roll-ups of the hours just-imported `buckets` touch, and of the
   * hour after. What is stored in `[from, to)` is now exactly `buckets`, so only
   * the edges of the first and the last hour are read back.
   */
  private rollUp(sloId: number, definition: SloDefinition | undefined, buckets: readonly Bucket[]): void {
    const from = (buckets[0] as Bucket).start;
    const last = buckets.at(-1) as Bucket;
    const to = last.start + last.width;
    const range = { start: floorHour(from), end: ceilHour(to) + HOUR };
    this.statements.deleteHours?.run(sloId, range.start, range.end);
    const basis = definition ? rollupBasis(definition) : null;
    if (!definition || basis === null) return;
    const before = this.buckets(sloId, { start: range.start, end: from }).filter((bucket) => bucket.start < from);
    const after = this.buckets(sloId, { start: to, end: range.end }).filter((bucket) => bucket.start >= to);
    const insert = this.statements.insertHour as Statement;
    const around = before.length === 0 && after.length === 0 ? buckets : [...before, ...buckets, ...after];
    for (const hour of hourRollups(definition, around, range.start, range.end)) {
      insert.run(sloId, hour.start, hour.counted - hour.bad, hour.bad, hour.counted, basis);
    }
  }

  /** The roll-ups judged by `basis` of the whole hours in `[from, to)`, sorted. */
  hours(sloId: number, basis: string, range: TimeRange): JudgedSpan[] {
    const rows = (this.statements.hours as Statement).raw(true).all(sloId, ceilHour(range.start), range.end - HOUR + 1, basis) as [number, number, number][];
    return rows.map(([start, bad, counted]) => ({ start, end: start + HOUR, bad, counted }));
  }

  /** Buckets that overlap `[from, to)`, sorted by start. */
  buckets(sloId: number, range: TimeRange): Bucket[] {
    const rows = (this.statements.buckets as Statement).raw(true).all(sloId, floorHour(range.start - MAX_BUCKET_MS), range.end, range.start) as [number, Buffer][];
    const all: Bucket[] = [];
    for (const [hour, data] of rows) unpackBuckets(hour, data, all);
    return all.filter((bucket) => bucket.start < range.end && bucket.start + bucket.width > range.start);
  }

  addExclusion(sloId: number, exclusion: TimeRange & { reason: string; createdBy: string }, now: Date): StoredExclusion {
    const uid = ulid(now.getTime());
    const id = Number(
      this.statements.insertExclusion?.run({ uid, slo: sloId, from: exclusion.start, to: exclusion.end, reason: exclusion.reason, createdBy: exclusion.createdBy, now: now.toISOString() })
        .lastInsertRowid,
    );
    return { id, uid, start: exclusion.start, end: exclusion.end, reason: exclusion.reason, createdBy: exclusion.createdBy, createdAt: now.toISOString() };
  }

  /** Every exclusion of an SLO, the latest first. */
  allExclusions(sloId: number): StoredExclusion[] {
    return this.statements.allExclusions?.all(sloId) as StoredExclusion[];
  }

  /** Removes one exclusion by its ULID; false when the SLO has none by it. */
  removeExclusion(sloId: number, uid: string): boolean {
    return (this.statements.removeExclusion?.run(sloId, uid).changes ?? 0) > 0;
  }

  /** Exclusions that overlap `[from, to)`. */
  exclusions(sloId: number, range: TimeRange): StoredExclusion[] {
    return this.statements.exclusions?.all(sloId, range.end, range.start) as StoredExclusion[];
  }
}
