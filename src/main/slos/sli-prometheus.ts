import { z } from 'zod';
import { HoldfastError } from '../errors';
import type { SloDefinition } from './definition';
import type { Bucket } from './series';
import { pointsToBuckets, type SliPoint } from './sli-points';

/**
 * SLI data as Prometheus answers a range query (`/api/v1/query_range`, saved
 * with curl): `resultType: matrix`, one series, values `[unix_seconds, "value"]`.
 * Either two answers, events and all events, matched by timestamp (the events
 * are good ones, or bad ones when the SLO's ratio is bad/total); or one series: a ratio for ratio SLIs (of good, or of bad for a
 * `rawType: failure` SLI), a value for threshold SLIs. A sample sums the step
 * before it, so its bucket ends at its timestamp. NaN and infinite samples
 * (Prometheus's 0/0) are no data; timestamps only one of two answers has are
 * dropped too. Rates can put good a hair above total: it is clamped to total.
 */

const Sample = z.tuple([z.number(), z.string()]);
const Matrix = z.looseObject({
  resultType: z.string(),
  result: z.array(z.looseObject({ metric: z.record(z.string(), z.string()).optional(), values: z.array(Sample).optional() })),
});
const Answer = z.union([
  z.looseObject({ status: z.literal('success'), data: Matrix }),
  z.looseObject({ status: z.literal('error'), error: z.string().optional(), errorType: z.string().optional() }),
  Matrix,
]);

/** One series' finite samples, keyed by epoch ms. */
export function readPrometheusSeries(text: string, fileName: string): Map<number, number> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HoldfastError('VALIDATION', `${fileName} is not JSON (${error instanceof Error ? error.message : String(error)}); save Prometheus's answer to /api/v1/query_range as it comes.`, 'path');
  }
  const answer = Answer.safeParse(json);
  if (!answer.success) {
    throw new HoldfastError('VALIDATION', `${fileName} is not a Prometheus query answer: it needs data.resultType and data.result with values [unix_seconds, "value"].`, 'path');
  }
  const value = answer.data;
  if ('status' in value && value.status === 'error') {
    const reason = [value.error, value.errorType].find((text): text is string => typeof text === 'string') ?? 'no reason given';
    throw new HoldfastError('VALIDATION', `${fileName} is an error answer from Prometheus: ${reason}; fix the query and save its answer again.`, 'path');
  }
  const matrix = ('data' in value ? value.data : value) as z.output<typeof Matrix>;
  if (matrix.resultType !== 'matrix') {
    throw new HoldfastError('VALIDATION', `${fileName} is a ${matrix.resultType} answer; Holdfast reads range queries (/api/v1/query_range), whose answers are a matrix.`, 'path');
  }
  if (matrix.result.length !== 1) {
    const labels = matrix.result.slice(0, 3).map((series) => JSON.stringify(series.metric ?? {}));
    throw new HoldfastError(
      'VALIDATION',
      matrix.result.length === 0
        ? `${fileName} holds no series: the query matched nothing in that range.`
        : `${fileName} holds ${matrix.result.length} series (${labels.join(', ')}…); aggregate them in the query, e.g. sum(…), so it holds one.`,
      'path',
    );
  }
  const samples = new Map<number, number>();
  for (const [seconds, text] of matrix.result[0]?.values ?? []) {
    const number = Number(text);
    if (Number.isFinite(number)) samples.set(Math.round(seconds * 1000), number);
  }
  return samples;
}

/** `events` are good events, or bad ones when the SLO's ratio is `bad`/`total`. */
export type PrometheusFiles =
  | { kind: 'events'; events: { text: string; fileName: string }; total: { text: string; fileName: string } }
  | { kind: 'series'; series: { text: string; fileName: string } };

export function parsePrometheusSli(files: PrometheusFiles, definition: SloDefinition): Bucket[] {
  const points: SliPoint[] = [];
  let name: string;
  if (files.kind === 'series') {
    name = files.series.fileName;
    const shape = definition.indicator;
    for (const [at, number] of readPrometheusSeries(files.series.text, name)) {
      if (shape === 'threshold') {
        points.push({ start: at, width: 0, good: 0, total: 0, value: number });
      } else {
        const ratio = Math.min(Math.max(number, 0), 1);
        points.push({ start: at, width: 0, good: shape === 'raw-failure' || shape === 'bad' ? 1 - ratio : ratio, total: 1, value: null });
      }
    }
  } else {
    if (definition.indicator === 'threshold') {
      throw new HoldfastError('VALIDATION', `SLO "${definition.name}" has a threshold SLI: import one series of its values, not events and total.`, 'path');
    }
    name = files.events.fileName;
    const events = readPrometheusSeries(files.events.text, files.events.fileName);
    const totals = readPrometheusSeries(files.total.text, files.total.fileName);
    for (const [at, count] of events) {
      const total = totals.get(at);
      if (total === undefined || total < 0) continue;
      const part = Math.min(Math.max(count, 0), total);
      points.push({ start: at, width: 0, good: definition.indicator === 'bad' ? total - part : part, total, value: null });
    }
  }
  if (points.length === 0) throw new HoldfastError('VALIDATION', `${name} has no samples with a value${files.kind === 'series' ? '' : ' at the same timestamps as the total'}.`, 'path');
  return pointsToBuckets(points, definition, name, true);
}
