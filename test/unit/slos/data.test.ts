import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLimitedTextChunks } from '../../../src/main/files/read-limited';
import { FILE_LIMITS } from '../../../src/shared/limits';
import { openMemoryStore } from '../../../src/main/store/open';
import { HoldfastError } from '../../../src/main/errors';
import { evaluateSlo } from '../../../src/main/slos/evaluate';
import { SloRepo } from '../../../src/main/slos/repo';
import { parseSliCsv, SliCsvReader } from '../../../src/main/slos/sli-csv';
import { parseInstant } from '../../../src/main/slos/sli-points';
import { parsePrometheusSli } from '../../../src/main/slos/sli-prometheus';
import { tempDir } from '../../fixtures/temp';
import { dataSlo, DAY, definitionOf, MINUTE } from './helpers';

const FILE = 'checkout.csv';
const T0 = Date.parse('2026-06-01T00:00:00Z');

function refusal(run: () => unknown): HoldfastError {
  try {
    run();
  } catch (error) {
    if (error instanceof HoldfastError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const thresholdSlo = () =>
  definitionOf(`apiVersion: openslo/v1
kind: SLO
metadata: {name: checkout-latency}
spec:
  service: checkout
  indicator:
    metadata: {name: checkout-p99}
    spec:
      thresholdMetric:
        metricSource: {type: Prometheus, spec: {query: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))'}}
  budgetingMethod: Occurrences
  objectives:
    - {op: lte, value: 0.3, target: 0.99}
`);

describe('SLI data from CSV', () => {
  it('reads timestamp,good,total and timestamp,bad,total rows as buckets as long as the rows are apart', () => {
    const good = parseSliCsv('timestamp,good,total\n2026-06-01T00:00:00Z,98,100\n2026-06-01T00:01:00Z,100,100\n', FILE, dataSlo('Occurrences'));
    expect(good).toEqual([
      { start: T0, width: MINUTE, good: 98, total: 100, value: null },
      { start: T0 + MINUTE, width: MINUTE, good: 100, total: 100, value: null },
    ]);
    const bad = parseSliCsv('Timestamp, Bad, Total\r\n1780272000,2,100\r\n1780272300,0,50\r\n', FILE, dataSlo('Occurrences'));
    expect(bad.map((b) => [b.start, b.width, b.good, b.total])).toEqual([
      [T0, 5 * MINUTE, 98, 100],
      [T0 + 5 * MINUTE, 5 * MINUTE, 50, 50],
    ]);
  });

  it('reads each row’s instant the same however it is written, across midnight, with fractions and offsets, and still refuses an impossible time', () => {
    const rows = [
      '2026-06-01T23:58:00Z,1,1',
      '2026-06-01T23:58:30.250Z,2,2',
      '2026-06-01T23:59:00Z,3,3',
      '2026-06-02T01:59:30+02:00,4,4',
      '2026-06-02T00:00:00Z,5,5',
      '2026-06-02 00:00:30Z,6,6',
      '2026-06-02T00:01:00.5Z,7,7',
      ' 2026-06-02T00:01:30Z ,8,8',
      '2026-06-02T00:02:00z,9,9',
    ];
    const read = parseSliCsv(`timestamp,good,total\n${rows.join('\n')}\n`, FILE, dataSlo('Occurrences'));
    expect(read.map((bucket) => [bucket.start, bucket.good])).toEqual(rows.map((row, i) => [parseInstant(row.split(',')[0] ?? ''), i + 1]));
    // Every bucket as long as the smallest gap between rows (00:01:00.5 to 00:01:30).
    expect(new Set(read.map((bucket) => bucket.width))).toEqual(new Set([29_500]));
    const impossible = refusal(() => parseSliCsv('timestamp,good,total\n2026-06-01T23:58:00Z,1,1\n2026-06-01T24:00:00Z,1,1\n2026-06-01T23:59:60Z,1,1\n', FILE, dataSlo('Occurrences')));
    expect(impossible.details).toEqual([
      'checkout.csv:3: "2026-06-01T24:00:00Z" is not a timestamp; write ISO-8601 with a zone (2026-06-01T00:00:00Z) or Unix seconds',
      'checkout.csv:4: "2026-06-01T23:59:60Z" is not a timestamp; write ISO-8601 with a zone (2026-06-01T00:00:00Z) or Unix seconds',
    ]);
  });

  it('refuses a file with bad rows whole, naming each row by its line', () => {
    const text = [
      'timestamp,good,total',
      '2026-06-01T00:00:00Z,98,100',
      '',
      '2026-06-01T00:01:00,1,1',
      '2026-06-01T00:02:00Z,120,100',
      '2026-06-01T00:03:00Z,-1,100',
      '2026-06-01T00:00:00Z,1,1',
      '2026-06-01T00:05:00Z,1',
    ].join('\n');
    const error = refusal(() => parseSliCsv(text, FILE, dataSlo('Occurrences')));
    expect(error.message).toBe('checkout.csv was not imported (5 problems); nothing was changed.');
    expect(error.details).toEqual([
      'checkout.csv:4: "2026-06-01T00:01:00" is not a timestamp; write ISO-8601 with a zone (2026-06-01T00:00:00Z) or Unix seconds',
      'checkout.csv:5: good (120) is more than total (100)',
      'checkout.csv:6: good is "-1"; write a count of zero or more',
      'checkout.csv:7: the timestamp 2026-06-01T00:00:00Z is also on line 2; one row per bucket',
      'checkout.csv:8: has 2 values; the header has 3 (timestamp,good,total)',
    ]);
  });

  it('needs a header, and the header that fits the SLO', () => {
    expect(refusal(() => parseSliCsv('2026-06-01T00:00:00Z,98,100\n', FILE, dataSlo('Occurrences'))).message).toBe(
      'checkout.csv:1: the first row is data; the file needs a header row: write one of timestamp,good,total or timestamp,bad,total or timestamp,value.',
    );
    expect(refusal(() => parseSliCsv('timestamp,value\n2026-06-01T00:00:00Z,0.2\n', FILE, dataSlo('Occurrences'))).message).toMatch(/timestamp,value is data for a threshold SLI/);
    expect(parseSliCsv('timestamp,value\n2026-06-01T00:00:00Z,0.2\n', FILE, thresholdSlo())[0]).toMatchObject({ value: 0.2 });
  });

  it('judges threshold values by the objective: 0.2 s meets lte 0.3, 0.5 s does not', () => {
    const definition = thresholdSlo();
    const buckets = parseSliCsv('timestamp,value\n2026-06-01T00:00:00Z,0.2\n2026-06-01T00:01:00Z,0.5\n', FILE, definition);
    const { measure } = evaluateSlo({ definition, buckets, incidents: [], exclusions: [] }, T0 + DAY);
    expect([measure.bad, measure.counted]).toEqual([1, 2]);
  });
});

describe('SLI CSV read as it comes', () => {
  const text = [
    '# exported from the gateway, 2026-06-01 — times in UTC',
    'timestamp , good , total',
    '2026-06-01T00:00:00Z,98,100\r',
    '"2026-06-01T00:01:00Z", "99" ,100 # retried',
    '',
    '2026-06-01T00:02:00.000+00:00,100,100',
  ].join('\n');

  it('gives the same buckets however the text is cut: mid-line, mid-CRLF, mid-character', () => {
    const whole = parseSliCsv(text, FILE, dataSlo('Occurrences'));
    expect(whole.map((bucket) => [bucket.start, bucket.good, bucket.total])).toEqual([
      [T0, 98, 100],
      [T0 + MINUTE, 99, 100],
      [T0 + 2 * MINUTE, 100, 100],
    ]);
    for (const size of [1, 2, 7, 31]) {
      const reader = new SliCsvReader(FILE, dataSlo('Occurrences'));
      for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size));
      expect(reader.end()).toEqual(whole);
    }
  });

  it('reads a file in chunks with the checks of a whole read: a byte-order mark dropped, a character split between chunks kept whole, binary refused', () => {
    const dir = tempDir();
    const file = path.join(dir, 'month.csv');
    fs.writeFileSync(file, `\uFEFF${text}`);
    const pieces: string[] = [];
    readLimitedTextChunks(file, FILE_LIMITS.sliData, (piece) => pieces.push(piece), 5);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(text);
    fs.writeFileSync(file, Buffer.from([0x74, 0x69, 0x6d, 0x65, 0xff, 0xfe, 0x00, 0x01]));
    expect(() => readLimitedTextChunks(file, FILE_LIMITS.sliData, () => undefined, 3)).toThrow(/is not UTF-8 text/);
    expect(() => readLimitedTextChunks(file, { what: 'an SLI data file', bytes: 4 }, () => undefined)).toThrow(/is 8 bytes; an SLI data file may be at most 4 bytes/);
  });

  it('says which line has a broken quote, with the other problems, and stores nothing', () => {
    const error = refusal(() => parseSliCsv('timestamp,good,total\n"2026-06-01T00:00:00Z,1,1\n2026-06-01T00:01:00Z,1"0,10\n', FILE, dataSlo('Occurrences')));
    expect(error.details).toEqual([
      'checkout.csv:2: a quoted value is not closed on its line',
      'checkout.csv:3: a quote in the middle of the value 1"0; quote whole values',
    ]);
  });
});

const matrix = (values: [number, string][], extra = {}) => JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] }, ...extra });
const seconds = T0 / 1000;

describe('timestamps in SLI files', () => {
  it('read ISO-8601 with a zone or offset and Unix seconds, strictly', () => {
    expect(parseInstant('2026-06-01T02:00:00+02:00')).toBe(T0);
    expect(parseInstant('2026-06-01 00:00Z')).toBe(T0);
    expect(parseInstant('2026-05-31T20:30:00.250-03:30')).toBe(T0 + 250);
    expect(parseInstant('1780272000')).toBe(T0);
    expect(parseInstant('2026-06-01T05:00:00+05:00[Asia/Karachi]')).toBe(T0);
    for (const wrong of ['2026-02-30T00:00:00Z', '2026-06-01T24:00:00Z', '2026-06-01T00:00:00', '2026-06-01', 'yesterday']) expect(parseInstant(wrong)).toBeNull();
  });
});

describe('SLI data from Prometheus query_range answers', () => {
  it('matches good and total by timestamp; a sample is the step before it; NaN is no data', () => {
    const good = { text: matrix([[seconds + 60, '99'], [seconds + 120, '100'], [seconds + 180, 'NaN']]), fileName: 'good.json' };
    const total = { text: matrix([[seconds + 60, '100'], [seconds + 120, '99.5'], [seconds + 180, '0']]), fileName: 'total.json' };
    const buckets = parsePrometheusSli({ kind: 'events', events: good, total }, dataSlo('Occurrences'));
    expect(buckets).toEqual([
      { start: T0, width: MINUTE, good: 99, total: 100, value: null },
      { start: T0 + MINUTE, width: MINUTE, good: 99.5, total: 99.5, value: null },
    ]);
  });

  it('takes the events as bad ones when the SLO counts bad over total', () => {
    const bad = definitionOf(`apiVersion: openslo/v1
kind: SLO
metadata: {name: checkout-errors}
spec:
  service: checkout
  indicator:
    metadata: {name: checkout-5xx}
    spec:
      ratioMetric:
        bad: {metricSource: {type: Prometheus, spec: {query: errors}}}
        total: {metricSource: {type: Prometheus, spec: {query: requests}}}
  budgetingMethod: Occurrences
  objectives: [{target: 0.99}]
`);
    const events = { text: matrix([[seconds + 60, '3']]), fileName: 'bad.json' };
    const total = { text: matrix([[seconds + 60, '100']]), fileName: 'total.json' };
    expect(parsePrometheusSli({ kind: 'events', events, total }, bad)).toEqual([{ start: T0, width: MINUTE, good: 97, total: 100, value: null }]);
  });

  it('reads one ratio series as a share of good per step (of bad for a failure ratio)', () => {
    const series = { text: matrix([[seconds + 60, '0.25'], [seconds + 120, '0']]), fileName: 'ratio.json' };
    expect(parsePrometheusSli({ kind: 'series', series }, dataSlo('RatioTimeslices')).map((b) => b.good)).toEqual([0.25, 0]);
    const sloth = definitionOf(`version: prometheus/v1
service: checkout
slos:
  - name: availability
    objective: 99.9
    sli: {raw: {error_ratio_query: 'sum(rate(errors[{{.window}}]))'}}
`);
    expect(parsePrometheusSli({ kind: 'series', series }, sloth).map((b) => b.good)).toEqual([0.75, 1]);
  });

  it('says what is wrong with an answer it cannot use', () => {
    const slo = dataSlo('Occurrences');
    const series = (text: string) => ({ kind: 'series' as const, series: { text, fileName: 'p.json' } });
    expect(refusal(() => parsePrometheusSli(series('{"status":"success","data":{"resultType":"vector","result":[]}}'), slo)).message).toBe(
      'p.json is a vector answer; Holdfast reads range queries (/api/v1/query_range), whose answers are a matrix.',
    );
    const two = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { pod: 'a' }, values: [] }, { metric: { pod: 'b' }, values: [] }] } });
    expect(refusal(() => parsePrometheusSli(series(two), slo)).message).toMatch(/^p\.json holds 2 series \(\{"pod":"a"\}, \{"pod":"b"\}…\); aggregate them in the query/);
    expect(refusal(() => parsePrometheusSli(series('{"status":"error","errorType":"bad_data","error":"parse error at char 5"}'), slo)).message).toBe(
      'p.json is an error answer from Prometheus: parse error at char 5; fix the query and save its answer again.',
    );
    expect(refusal(() => parsePrometheusSli(series('not json'), slo)).message).toMatch(/^p\.json is not JSON/);
  });
});

function repoWithSlo() {
  // The tables as migration 012 makes them.
  const db = openMemoryStore();
  const repo = new SloRepo(db);
  const now = new Date('2026-07-01T00:00:00Z');
  repo.putObject({ kind: 'SLO', name: 'checkout-requests', text: 'x\n', hash: 'h', sourcePath: null }, now);
  const id = repo.object('SLO', 'checkout-requests')?.id ?? 0;
  return { db, repo, id, now };
}

const minuteRows = (from: number, count: number, good = 99, total = 100) =>
  Array.from({ length: count }, (_, i) => ({ start: from + i * MINUTE, width: MINUTE, good, total, value: null }));

describe('the SLI data store', () => {
  it('imports buckets once: the same file again changes nothing; an overlapping file replaces, never adds', () => {
    const { repo, id, now } = repoWithSlo();
    expect(repo.importBuckets(id, minuteRows(T0, 60), 'file-a', now)).toEqual({ buckets: 60, from: '2026-06-01T00:00:00Z', to: '2026-06-01T01:00:00Z', replaced: 0, unchanged: false });
    expect(repo.importBuckets(id, minuteRows(T0, 60), 'file-a', now)).toMatchObject({ buckets: 60, replaced: 0, unchanged: true });
    const overlap = repo.importBuckets(id, minuteRows(T0 + 30 * MINUTE, 60, 50, 100), 'file-b', now);
    expect(overlap).toMatchObject({ buckets: 60, replaced: 30, unchanged: false });
    const stored = repo.buckets(id, { start: T0, end: T0 + 2 * 60 * MINUTE });
    expect(stored).toHaveLength(90);
    expect(stored.reduce((sum, b) => sum + b.total, 0)).toBe(9000);
    expect(stored.filter((b) => b.good === 50)).toHaveLength(60);
    // file-a's data is no longer all there: importing it again replaces the hour it covers (half of it file-b's).
    expect(repo.importBuckets(id, minuteRows(T0, 60), 'file-a', now)).toMatchObject({ replaced: 60, unchanged: false });
    expect(repo.buckets(id, { start: T0, end: T0 + 2 * 60 * MINUTE }).filter((b) => b.good === 50)).toHaveLength(30);
  });

  it('replaces buckets of another width over the same time, so a coarser file never double counts', () => {
    const { repo, id, now } = repoWithSlo();
    repo.importBuckets(id, minuteRows(T0, 60), 'minutes', now);
    const hourly = [{ start: T0, width: 60 * MINUTE, good: 5000, total: 6000, value: null }];
    expect(repo.importBuckets(id, hourly, 'hour', now)).toMatchObject({ buckets: 1, replaced: 60 });
    expect(repo.buckets(id, { start: T0, end: T0 + 60 * MINUTE })).toEqual(hourly);
  });

  it('keeps what an hour held outside a new file: two halves of an hour imported one after the other make the whole hour', () => {
    const { repo, id, now } = repoWithSlo();
    repo.importBuckets(id, minuteRows(T0 + 15 * MINUTE, 30, 90), 'middle', now);
    expect(repo.importBuckets(id, minuteRows(T0, 15, 80), 'first quarter', now)).toMatchObject({ buckets: 15, replaced: 0 });
    expect(repo.importBuckets(id, minuteRows(T0 + 45 * MINUTE, 30, 70), 'last quarter and on', now)).toMatchObject({ buckets: 30, replaced: 0 });
    const stored = repo.buckets(id, { start: T0, end: T0 + 2 * 60 * MINUTE });
    expect(stored.map((b) => (b.start - T0) / MINUTE)).toEqual(Array.from({ length: 75 }, (_, i) => i));
    expect(stored.map((b) => b.good)).toEqual([...Array<number>(15).fill(80), ...Array<number>(30).fill(90), ...Array<number>(30).fill(70)]);
    // A read from inside an hour gets only what overlaps it, in order.
    expect(repo.buckets(id, { start: T0 + 44 * MINUTE + 1, end: T0 + 46 * MINUTE }).map((b) => (b.start - T0) / MINUTE)).toEqual([44, 45]);
  });

  it('replaces a stored bucket that starts an hour before a new file and reaches into it, and keeps one that ends where it begins', () => {
    const { repo, id, now } = repoWithSlo();
    const long = { start: T0 - 30 * MINUTE, width: 60 * MINUTE, good: 10, total: 10, value: null };
    const ending = { start: T0 - 2 * 60 * MINUTE, width: 60 * MINUTE, good: 20, total: 20, value: 2.5 };
    repo.importBuckets(id, [ending, long], 'long', now);
    expect(repo.importBuckets(id, minuteRows(T0, 60), 'minutes', now)).toMatchObject({ replaced: 1 });
    expect(repo.buckets(id, { start: T0 - DAY, end: T0 + DAY })).toEqual([ending, ...minuteRows(T0, 60)]);
  });

  it('keeps exclusions per SLO, found by the range they overlap', () => {
    const { repo, id, now } = repoWithSlo();
    const added = repo.addExclusion(id, { start: T0, end: T0 + 10 * MINUTE, reason: 'database upgrade', createdBy: 'ana' }, now);
    expect(added.uid).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(repo.exclusions(id, { start: T0 + 5 * MINUTE, end: T0 + DAY })).toEqual([added]);
    expect(repo.exclusions(id, { start: T0 + 10 * MINUTE, end: T0 + DAY })).toEqual([]);
  });

  it('stores objects by kind and name, and tells an unchanged one from an updated one', () => {
    const { repo, now } = repoWithSlo();
    expect(repo.putObject({ kind: 'SLO', name: 'checkout-requests', text: 'x\n', hash: 'h', sourcePath: null }, now)).toBe('unchanged');
    expect(repo.putObject({ kind: 'SLO', name: 'checkout-requests', text: 'y\n', hash: 'h2', sourcePath: 'a.yaml' }, now)).toBe('updated');
    expect(repo.putObject({ kind: 'SLI', name: 'checkout-requests', text: 'z\n', hash: 'h3', sourcePath: null }, now)).toBe('imported');
    expect(repo.objects().map((o) => `${o.kind}/${o.name}:${o.hash}`)).toEqual(['SLI/checkout-requests:h3', 'SLO/checkout-requests:h2']);
  });

  it('imports 30 days of 1-minute data for 20 SLOs (864,000 buckets); the time is printed, not asserted', () => {
    const { db, repo, now } = repoWithSlo();
    const ids = Array.from({ length: 20 }, (_, i) => {
      repo.putObject({ kind: 'SLO', name: `slo-${i}`, text: `${i}\n`, hash: `${i}`, sourcePath: null }, now);
      return repo.object('SLO', `slo-${i}`)?.id ?? 0;
    });
    const month = minuteRows(T0, 30 * 24 * 60);
    const began = performance.now();
    for (const id of ids) repo.importBuckets(id, month, `month-${id}`, now);
    const took = performance.now() - began;
    console.log(`imported 864,000 buckets in ${Math.round(took)} ms (budget 2,000 ms)`);
    expect(db.prepare('SELECT sum(buckets) AS n, count(*) AS hours FROM slo_bucket_hours').get()).toEqual({ n: 864_000, hours: 20 * 30 * 24 });
  });
});
