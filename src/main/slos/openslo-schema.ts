import { z } from 'zod';
import { BUDGETING_METHODS, THRESHOLD_OPS } from '../../shared/slos';
import { isKnownZone } from '../rosters/time';
import { DURATION_SHORTHAND, parseCalendarStart, timeSliceMs } from './duration';

/**
 * OpenSLO v1 objects, checked by the rules of the published specification
 * (github.com/OpenSLO/OpenSLO, README "Specification" and schemas/v1): required
 * fields, enums, exactly-one-of pairs, names, duration shorthand. Objects are
 * loose: fields the spec does not name (vendor extensions) are allowed and kept.
 */

/** Names as the spec's name schema allows them: lowercase letters, digits and `- . | / \`. */
const NAME = /^[a-z0-9][a-z0-9.|/\\-]*[a-z0-9]*$/;

export const name = z
  .string()
  .min(1, 'is empty')
  .max(255, 'may be at most 255 characters')
  .regex(NAME, 'must be lowercase letters, digits and - . | / \\, starting with a letter or digit (e.g. checkout-availability)');

const description = z.string().max(1050, 'may be at most 1,050 characters');

const duration = z.string().regex(DURATION_SHORTHAND, 'must be a duration such as 5m, 1h, 28d, 1w, 1M, 1Q or 1Y (a whole number, then m h d w M Q Y)');

export const metadata = z.looseObject({
  name,
  displayName: z.string().min(1, 'is empty').optional(),
  labels: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  annotations: z.record(z.string(), z.string({ error: 'must be text; quote numbers and words like yes in YAML ("25")' })).optional(),
});

const metricSource = z
  .looseObject({
    metricSourceRef: name.optional(),
    type: z.string().min(1, 'is empty').optional(),
    spec: z.record(z.string(), z.unknown()),
  })
  .superRefine((source, context) => {
    if (source.metricSourceRef === undefined && source.type === undefined) {
      context.addIssue({ code: 'custom', path: ['type'], message: 'is required when there is no metricSourceRef (e.g. Prometheus)' });
    }
  });

const metric = z.looseObject({ metricSource });

const ratioMetric = z
  .looseObject({
    counter: z.boolean().optional(),
    good: metric.optional(),
    bad: metric.optional(),
    total: metric.optional(),
    rawType: z.enum(['success', 'failure']).optional(),
    raw: metric.optional(),
  })
  .superRefine((ratio, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (ratio.raw !== undefined) {
      for (const key of ['good', 'bad', 'total'] as const) if (ratio[key] !== undefined) issue(key, 'cannot be used together with raw');
      if (ratio.rawType === undefined) issue('rawType', 'is required with raw: success or failure');
      return;
    }
    if (ratio.good !== undefined && ratio.bad !== undefined) issue('bad', 'cannot be used together with good: give one of them with total');
    if (ratio.good === undefined && ratio.bad === undefined) issue('good', 'is required: give good or bad with total (or raw with rawType)');
    if (ratio.total === undefined) issue('total', 'is required with good or bad');
  });

export const sliSpec = z
  .looseObject({
    description: description.optional(),
    thresholdMetric: metric.optional(),
    ratioMetric: ratioMetric.optional(),
  })
  .superRefine((spec, context) => {
    if (spec.thresholdMetric !== undefined && spec.ratioMetric !== undefined) {
      context.addIssue({ code: 'custom', path: ['ratioMetric'], message: 'cannot be used together with thresholdMetric: give one of them' });
    } else if (spec.thresholdMetric === undefined && spec.ratioMetric === undefined) {
      context.addIssue({ code: 'custom', path: ['ratioMetric'], message: 'is required: give ratioMetric or thresholdMetric' });
    }
  });

const timeWindow = z
  .looseObject({
    duration,
    isRolling: z.boolean().optional(),
    calendar: z
      .looseObject({
        startTime: z.string().refine((text) => parseCalendarStart(text) !== null, 'must be a real date and time without a zone, e.g. "2026-01-01 00:00:00"'),
        timeZone: z.string().refine(isKnownZone, 'must be a time zone the tz database knows, e.g. Europe/Berlin'),
      })
      .optional(),
  })
  .superRefine((window, context) => {
    if (window.calendar !== undefined && window.isRolling === true) {
      context.addIssue({ code: 'custom', path: ['isRolling'], message: 'cannot be true for a calendar window: remove calendar for a rolling one' });
    }
    if (window.calendar === undefined && window.isRolling === false) {
      context.addIssue({ code: 'custom', path: ['calendar'], message: 'is required when isRolling is false: give startTime and timeZone' });
    }
  });

const objective = z.looseObject({
  displayName: z.string().optional(),
  op: z.enum(THRESHOLD_OPS).optional(),
  value: z.number().optional(),
  target: z.number().min(0, 'must be at least 0').lt(1, 'must be below 1 (0.999 is 99.9 %)').optional(),
  targetPercent: z.number().min(0, 'must be at least 0').lt(100, 'must be below 100').optional(),
  timeSliceTarget: z.number().gt(0, 'must be above 0').max(1, 'may be at most 1').optional(),
  timeSliceWindow: z.union([z.number(), z.string()]).optional(),
});

export const sloSpec = z
  .looseObject({
    description: description.optional(),
    service: name,
    indicator: z.looseObject({ metadata, spec: sliSpec }).optional(),
    indicatorRef: name.optional(),
    timeWindow: z.array(timeWindow).length(1, 'must hold exactly one window').optional(),
    budgetingMethod: z.enum(BUDGETING_METHODS),
    objectives: z.array(objective).min(1, 'needs at least one objective'),
    alertPolicies: z.array(z.unknown()).optional(),
  })
  .superRefine((spec, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    if (spec.indicator !== undefined && spec.indicatorRef !== undefined) issue(['indicatorRef'], 'cannot be used together with indicator: give one of them');
    if (spec.indicator === undefined && spec.indicatorRef === undefined) issue(['indicator'], 'is required: give indicator, or indicatorRef naming an SLI');
    const threshold = spec.indicator?.spec.thresholdMetric !== undefined;
    if (threshold && spec.objectives.length > 1) issue(['objectives'], 'may hold only one objective with a thresholdMetric');
    spec.objectives.forEach((goal, index) => {
      if (goal.target !== undefined && goal.targetPercent !== undefined) issue(['objectives', index, 'targetPercent'], 'cannot be used together with target');
      if (goal.target === undefined && goal.targetPercent === undefined) issue(['objectives', index, 'target'], 'is required: give target (0.999) or targetPercent (99.9)');
      if (threshold && goal.op === undefined) issue(['objectives', index, 'op'], 'is required with a thresholdMetric: lt, lte, gt or gte');
      if (threshold && goal.value === undefined) issue(['objectives', index, 'value'], 'is required with a thresholdMetric: the value the metric is compared with');
      const sliced = spec.budgetingMethod !== 'Occurrences';
      if (spec.budgetingMethod === 'Timeslices' && goal.timeSliceTarget === undefined) {
        issue(['objectives', index, 'timeSliceTarget'], 'is required with Timeslices: the share of good in a slice that makes it good (e.g. 0.95)');
      }
      if (sliced && goal.timeSliceWindow === undefined) issue(['objectives', index, 'timeSliceWindow'], `is required with ${spec.budgetingMethod}: the length of a slice (e.g. 1m)`);
      if (goal.timeSliceWindow !== undefined && timeSliceMs(goal.timeSliceWindow) === null) {
        issue(['objectives', index, 'timeSliceWindow'], 'must be minutes (5) or a duration from 1m to weeks (1m, 5m, 1h)');
      }
    });
  });

const serviceSpec = z.looseObject({ description: description.optional() });

const dataSourceSpec = z.looseObject({
  description: description.optional(),
  type: z.string().min(1, 'is empty'),
  connectionDetails: z.unknown().optional(),
});

const alertConditionSpec = z.looseObject({
  description: description.optional(),
  severity: z.string().min(1, 'is empty'),
  condition: z.looseObject({
    kind: z.enum(['burnrate']).optional(),
    threshold: z.number(),
    lookbackWindow: duration,
    alertAfter: duration,
  }),
});

const alertPolicySpec = z.looseObject({
  description: description.optional(),
  alertWhenNoData: z.boolean().optional(),
  alertWhenResolved: z.boolean().optional(),
  alertWhenBreaching: z.boolean().optional(),
  conditions: z.array(z.unknown()).length(1, 'must hold exactly one condition (a conditionRef or an inline AlertCondition)'),
  notificationTargets: z.array(z.unknown()),
});

const notificationTargetSpec = z.looseObject({
  description: description.optional(),
  target: z.string().min(1, 'is empty'),
});

/** Each kind's document: `spec` is checked by the kind's rules. Service's spec may be empty. */
export const KIND_SCHEMAS = {
  SLO: z.looseObject({ metadata, spec: sloSpec }),
  SLI: z.looseObject({ metadata, spec: sliSpec }),
  Service: z.looseObject({ metadata, spec: z.preprocess((value) => value ?? {}, serviceSpec) }),
  DataSource: z.looseObject({ metadata, spec: dataSourceSpec }),
  AlertPolicy: z.looseObject({ metadata, spec: alertPolicySpec }),
  AlertCondition: z.looseObject({ metadata, spec: alertConditionSpec }),
  AlertNotificationTarget: z.looseObject({ metadata, spec: notificationTargetSpec }),
} as const;

export type OpenSloSlo = z.output<typeof KIND_SCHEMAS.SLO>;
export type OpenSloSli = z.output<typeof KIND_SCHEMAS.SLI>;
export type SliSpec = z.output<typeof sliSpec>;
