import { sloDefinition, type SloDefinition } from '../../../src/main/slos/definition';
import { KIND_SCHEMAS } from '../../../src/main/slos/openslo-schema';
import { readSloYaml } from '../../../src/main/slos/openslo-read';
import type { Bucket } from '../../../src/main/slos/series';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The one SLO (with an inline indicator) in `yaml`, as Holdfast computes with it. */
export function definitionOf(yaml: string): SloDefinition {
  const object = readSloYaml(yaml).objects.find((candidate) => candidate.kind === 'SLO');
  if (!object) throw new Error('no SLO in the YAML');
  const slo = KIND_SCHEMAS.SLO.parse(object.value);
  if (!slo.spec.indicator) throw new Error('the SLO has no inline indicator');
  return sloDefinition(slo, slo.spec.indicator.spec);
}

/** An SLO whose SLI is the incidents on `checkout`. */
export function incidentSlo(options: { target?: string; window?: string; method?: string; extra?: string } = {}): SloDefinition {
  return definitionOf(`apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-incidents
    spec:
      ratioMetric:
        counter: false
        bad:
          metricSource:
            type: Holdfast
            spec:
              source: incidents
        total:
          metricSource:
            type: Holdfast
            spec:
              source: incidents
  timeWindow:
${options.window ?? '    - duration: 30d\n      isRolling: true'}
  budgetingMethod: ${options.method ?? 'Timeslices'}
  objectives:
    - displayName: Available
      target: ${options.target ?? '0.999'}
      timeSliceTarget: 0.99
      timeSliceWindow: 1m
${options.extra ?? ''}`);
}

/** An SLO on `checkout` whose SLI is imported good/total data. */
export function dataSlo(method: 'Occurrences' | 'Timeslices' | 'RatioTimeslices', target = '0.999'): SloDefinition {
  const slices = method === 'Occurrences' ? '' : `\n      timeSliceWindow: 1m${method === 'Timeslices' ? '\n      timeSliceTarget: 0.95' : ''}`;
  return definitionOf(`apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-requests
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-good-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{code!~"5.."}[1m]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total[1m]))
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: ${method}
  objectives:
    - target: ${target}${slices}
`);
}

/** 1-minute buckets from `start`, `count` of them, each with `total` events of which `bad(i)` are bad. */
export function minuteBuckets(start: number, count: number, total: number, bad: (index: number) => number = () => 0): Bucket[] {
  return Array.from({ length: count }, (_, index) => ({ start: start + index * MINUTE, width: MINUTE, good: total - bad(index), total, value: null }));
}
