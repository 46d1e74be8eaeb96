import { z } from 'zod';
import { ANNOTATIONS } from '../../shared/slos';

/**
 * Sloth's `prometheus/v1` service spec (github.com/slok/sloth), read only: each
 * of its SLOs becomes an OpenSLO v1 SLO with the same queries, so it is budgeted
 * and exported like any other (export writes OpenSLO; Holdfast never writes
 * Sloth files). Sloth budgets events over a 30-day rolling window by default,
 * and so does the SLO made from it.
 */

export const SLOTH_VERSION = 'prometheus/v1';
/** Sloth's default SLO period. */
const SLOTH_WINDOW = '30d';

const text = z.string().trim().min(1, 'is empty');
const labels = z.record(z.string(), z.string()).optional();

const SlothSpec = z.looseObject({
  version: z.literal(SLOTH_VERSION),
  service: text,
  labels,
  slos: z
    .array(
      z.looseObject({
        name: text,
        objective: z.number().gt(0, 'must be above 0').lt(100, 'must be below 100: an objective of 100 leaves no error budget'),
        description: z.string().optional(),
        labels,
        sli: z
          .looseObject({
            events: z.looseObject({ error_query: text, total_query: text }).optional(),
            raw: z.looseObject({ error_ratio_query: text }).optional(),
            plugin: z.looseObject({ id: text }).optional(),
          })
          .superRefine((sli, context) => {
            const given = [sli.events, sli.raw, sli.plugin].filter((kind) => kind !== undefined).length;
            if (given !== 1) context.addIssue({ code: 'custom', message: 'needs exactly one of events, raw or plugin' });
          }),
      }),
    )
    .min(1, 'needs at least one SLO'),
});

export type SlothSpec = z.output<typeof SlothSpec>;

export const parseSlothSpec = (value: unknown) => SlothSpec.safeParse(value);

/** A Sloth name as an OpenSLO name: lowercase, with anything but letters, digits and `-` `.` made `-`. */
export const openSloName = (value: string): string =>
  value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'unnamed';

const prometheus = (query: string) => ({ metricSource: { type: 'Prometheus', spec: { query } } });

export interface SlothConversion {
  /** OpenSLO SLO documents, as plain values. */
  slos: Record<string, unknown>[];
  /** SLOs not converted, with why. */
  skipped: string[];
}

export function slothToOpenSlo(spec: SlothSpec): SlothConversion {
  const service = openSloName(spec.service);
  const slos: Record<string, unknown>[] = [];
  const skipped: string[] = [];
  for (const slo of spec.slos) {
    const name = `${service}-${openSloName(slo.name)}`;
    let ratioMetric: Record<string, unknown>;
    if (slo.sli.events) {
      ratioMetric = { counter: false, bad: prometheus(slo.sli.events.error_query), total: prometheus(slo.sli.events.total_query) };
    } else if (slo.sli.raw) {
      ratioMetric = { counter: false, rawType: 'failure', raw: prometheus(slo.sli.raw.error_ratio_query) };
    } else {
      skipped.push(`Sloth SLO "${slo.name}" uses the SLI plugin "${slo.sli.plugin?.id ?? ''}", whose queries only Sloth knows`);
      continue;
    }
    const mergedLabels = { ...spec.labels, ...slo.labels };
    slos.push({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name,
        displayName: slo.name,
        ...(Object.keys(mergedLabels).length > 0 ? { labels: mergedLabels } : {}),
        annotations: { [ANNOTATIONS.importedFrom]: 'sloth' },
      },
      spec: {
        ...(slo.description ? { description: slo.description } : {}),
        service,
        indicator: { metadata: { name }, spec: { ratioMetric } },
        timeWindow: [{ duration: SLOTH_WINDOW, isRolling: true }],
        budgetingMethod: 'Occurrences',
        // targetPercent keeps Sloth's number exactly: 99.9 / 100 is 0.9990000000000001 in floating point.
        objectives: [{ displayName: slo.name, targetPercent: slo.objective }],
      },
    });
  }
  return { slos, skipped };
}
