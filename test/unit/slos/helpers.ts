import { sloDefinition, type SloDefinition } from '../../../src/main/slos/definition';
import { KIND_SCHEMAS } from '../../../src/main/slos/openslo-schema';
import { readSloYaml } from '../../../src/main/slos/openslo-read';
import type { Bucket } from '../../../src/main/slos/series';
import { sloText } from '../../fixtures/openslo-text';

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
export function incidentSlo(options: { target?: string; window?: string; method?: 'Occurrences' | 'Timeslices' | 'RatioTimeslices'; extra?: string } = {}): SloDefinition {
  return definitionOf(
    sloText({
      name: 'checkout-availability',
      sli: 'incidents',
      displayName: 'Available',
      slices: '\n      timeSliceTarget: 0.99\n      timeSliceWindow: 1m',
      ...options,
    }),
  );
}

/** An SLO on `checkout` whose SLI is imported good/total data. */
export function dataSlo(method: 'Occurrences' | 'Timeslices' | 'RatioTimeslices', target = '0.999'): SloDefinition {
  return definitionOf(sloText({ name: 'checkout-requests', sli: 'requests', method, target }));
}

/** 1-minute buckets from `start`, `count` of them, each with `total` events of which `bad(i)` are bad. */
export function minuteBuckets(start: number, count: number, total: number, bad: (index: number) => number = () => 0): Bucket[] {
  return Array.from({ length: count }, (_, index) => ({ start: start + index * MINUTE, width: MINUTE, good: total - bad(index), total, value: null }));
}
