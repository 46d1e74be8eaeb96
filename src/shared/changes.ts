import { z } from 'zod';
import { SEVERITIES } from './incidents';
import { isIsoInstant } from './rosters';

/**
 * Changes under the five rules of engagement: the records, their log, the
 * freeze and peak windows, external change events, and the rules' verdicts.
 * Structure only: what needs the time-zone database, cron parsing or the store
 * (a zone that exists, a cron that parses, a service or runbook that is known)
 * is checked in src/main/changes.
 */

export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export const RISKS = ['low', 'medium', 'high'] as const;
export type Risk = (typeof RISKS)[number];

export const CHANGE_STATES = ['draft', 'scheduled', 'in-progress', 'completed', 'rolled-back', 'cancelled'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];
export const FINISHED_STATES: readonly ChangeState[] = ['completed', 'rolled-back', 'cancelled'];

export const RULES = ['advance-notice', 'complete-steps', 'tiered-release', 'peak-windows', 'service-checks'] as const;
export type RuleName = (typeof RULES)[number];

export const VERDICTS = ['pass', 'warn', 'block'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const WINDOW_KINDS = ['freeze', 'peak'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const LOG_KINDS = ['created', 'scheduled', 'gate', 'started', 'promoted', 'completed', 'rolled-back', 'cancelled', 'override', 'note'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/** A JSON Lines file of change events is read whole; larger is refused before parsing. */
export const CHANGE_EVENTS_FILE = { what: 'a change events file', bytes: 50_000_000, lines: 200_000 } as const;

// ── building blocks ────────────────────────────────────────────────────────

const text = (max: number, what = 'text') => z.string().trim().min(1, `cannot be empty; give the ${what}`).max(max, `may be at most ${max} characters`);

/** An ISO-8601 instant with its zone or offset, naming a real day and time. */
export const isoInstant = z
  .string()
  .trim()
  .refine(isIsoInstant, { message: 'use an ISO-8601 instant with a zone that names a real day and time, e.g. 2026-11-27T03:00:00Z', abort: true });

/** A ULID: 26 characters of Crockford base 32, time first. */
export const ulidText = z
  .string()
  .regex(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/, 'is not a ULID (26 characters such as 01KDVDNA00GGGGGGGGGGGGGGGG)');

export const serviceName = text(100, 'service name');
/** A person's roster handle (`ana`), not their display name. */
export const handle = text(100, 'roster handle of a person');

const runbookId = z.number({ error: 'give the runbook id, a whole number' }).int().positive('give the runbook id, a whole number');
const revision = z.number({ error: 'give the revision, a whole number' }).int().positive('give the revision, a whole number');

/** A runbook pinned to one revision: the plan is walked as it was when pinned. */
export const RunbookRef = z.object({ runbookId, revision }).strict();
export type RunbookRef = z.infer<typeof RunbookRef>;

/** The rollback: a runbook, or one section (heading anchor) of it, pinned too. */
export const RollbackRef = z.object({ runbookId, revision, section: z.string().trim().min(1).max(200).optional() }).strict();
export type RollbackRef = z.infer<typeof RollbackRef>;

export const Gate = z
  .object({
    checks: z.array(text(500, 'check')).max(50, 'a gate may have at most 50 checks'),
    /** Where the checks were taken from, when they are a runbook section's steps. */
    from: RollbackRef.optional(),
  })
  .strict();

export const Tier = z
  .object({
    name: text(50, 'tier name'),
    percent: z.number({ error: 'give the share of traffic or hosts, 1 to 100' }).int('give a whole percentage').min(1, 'must be at least 1 %').max(100, 'may be at most 100 %'),
    soakMinutes: z.number().int().min(0, 'cannot be negative').max(10_080, 'may be at most a week (10080 minutes)').default(0),
    gate: Gate.default({ checks: [] }),
  })
  .strict();
export type Tier = z.infer<typeof Tier>;

const PlannedWindow = z
  .object({ start: isoInstant, end: isoInstant, zone: z.string().trim().min(1).max(100).default('UTC') })
  .strict()
  .refine((w) => Date.parse(w.end) > Date.parse(w.start), { message: 'must be after the start', path: ['end'] });

// ── change records ─────────────────────────────────────────────────────────

const changeFields = {
  title: text(300, 'title'),
  services: z.array(serviceName).min(1, 'name at least one service').max(50, 'at most 50 services'),
  type: z.enum(CHANGE_TYPES, { error: 'use standard, normal or emergency' }),
  risk: z.enum(RISKS, { error: 'use low, medium or high' }),
  owner: handle,
  approver: handle.nullable().default(null),
  window: PlannedWindow,
  plan: RunbookRef.nullable().default(null),
  rollback: RollbackRef.nullable().default(null),
  tiers: z.array(Tier).max(20, 'at most 20 tiers').default([]),
};

/** Services named once; tiers named once and each reaching more than the one before. */
function refineChange(change: { services: string[]; tiers: Tier[] }, context: z.RefinementCtx): void {
  const seen = new Set<string>();
  change.services.forEach((service, i) => {
    if (seen.has(service)) context.addIssue({ code: 'custom', path: ['services', i], message: `"${service}" is named twice` });
    seen.add(service);
  });
  const names = new Set<string>();
  change.tiers.forEach((tier, i) => {
    if (names.has(tier.name.toLowerCase())) context.addIssue({ code: 'custom', path: ['tiers', i, 'name'], message: `"${tier.name}" names two tiers` });
    names.add(tier.name.toLowerCase());
    const before = change.tiers[i - 1];
    if (before && tier.percent <= before.percent) {
      context.addIssue({
        code: 'custom',
        path: ['tiers', i, 'percent'],
        message: `tiers overlap: ${tier.name} reaches ${tier.percent} %, no more than ${before.name} before it (${before.percent} %); each tier must reach more than the one before`,
      });
    }
  });
}

/** What a person gives to plan a change. */
export const NewChangeInput = z.object(changeFields).strict().superRefine(refineChange);
export type NewChange = z.output<typeof NewChangeInput>;

/** A change as stored: what was planned, with its own ULID. Its state is not here: it is derived from the log. */
export const ChangeRecord = z
  .object({ uid: ulidText, createdAt: isoInstant, createdBy: handle, ...changeFields })
  .strict()
  .superRefine(refineChange);
export type ChangeRecord = z.output<typeof ChangeRecord>;

// ── the change log ─────────────────────────────────────────────────────────

export const GATE_PHASES = ['pre', 'post'] as const;
export type GatePhase = (typeof GATE_PHASES)[number];
const passFail = z.enum(['pass', 'fail'], { error: 'use pass or fail' });

const GateDetail = z
  .object({
    tier: text(50, 'tier name'),
    /** `pre`: before the tier starts (the first tier's baseline); `post`: after it soaked. */
    phase: z.enum(GATE_PHASES),
    result: passFail,
    checks: z.array(z.object({ check: text(500, 'check'), result: passFail }).strict()).max(50).default([]),
  })
  .strict();

export const OverrideInput = z
  .object({
    rule: z.enum(RULES, { error: `use one of ${RULES.join(', ')}` }),
    reason: z.string().trim().min(10, 'say why, in at least 10 characters').max(2000),
    /** The second person who approves it: a roster handle, not the one asking. */
    approver: handle,
  })
  .strict();
export type OverrideInput = z.infer<typeof OverrideInput>;

/** An override with who asked for it (`by`, the log entry's actor): the approver must be someone else. */
export const Override = OverrideInput.extend({ by: handle }).superRefine((override, context) => {
  if (override.approver === override.by) {
    context.addIssue({ code: 'custom', path: ['approver'], message: `an override needs a second person: ${override.by} cannot approve their own; name the approver` });
  }
});
export type Override = z.infer<typeof Override>;

const OverrideDetail = OverrideInput.extend({
  /** The blocks (finding keys) the rule showed when the override was given; it covers those only. */
  covers: z.array(z.string().min(1).max(300)).min(1).max(100),
}).strict();

const empty = z.object({}).strict().default({});
const LogCommon = z.object({
  uid: ulidText,
  /** The change's uid: entries travel (and merge) on their own. */
  change: ulidText,
  at: isoInstant,
  actor: handle,
  evidence: z.string().trim().max(10_000).default(''),
});
const entry = <K extends string, D extends z.ZodType>(kind: K, detail: D) => LogCommon.extend({ kind: z.literal(kind), detail }).strict();

/** One line of a change's append-only log: who did what when, with the evidence. */
export const ChangeLogEntry = z.discriminatedUnion('kind', [
  entry('created', empty),
  entry('scheduled', empty),
  entry('gate', GateDetail),
  entry('started', z.object({ tier: text(50) }).strict()),
  entry('promoted', z.object({ from: text(50), tier: text(50) }).strict()),
  entry('completed', empty),
  entry('rolled-back', z.object({ rollback: RollbackRef.nullable() }).strict()),
  entry('cancelled', empty),
  entry('override', OverrideDetail),
  entry('note', empty),
]);
export type ChangeLogEntry = z.output<typeof ChangeLogEntry>;
export type LogEntryOf<K extends LogKind> = Extract<ChangeLogEntry, { kind: K }>;

/** A change as the rules see it: its record and its whole log. Its state is derived from the log. */
export type Change = ChangeRecord & { log: readonly ChangeLogEntry[] };

// ── freeze and peak windows ────────────────────────────────────────────────

/**
 * A window is one-off (`from`, `to`) or recurring (`cron`, `duration`, `zone`):
 * a five-field cron expression read in the zone, each occurrence lasting the
 * duration. `services` is `all` or the services it covers.
 */
export const WindowInput = z
  .object({
    name: text(200, 'window name'),
    kind: z.enum(WINDOW_KINDS, { error: 'use freeze or peak' }),
    services: z.union([z.literal('all'), z.array(serviceName).min(1, 'name a service, or use all').max(200)]).default('all'),
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    cron: z.string().trim().min(1, 'cannot be empty').max(200).optional(),
    duration: z.string().trim().min(1, 'cannot be empty').max(50).optional(),
    zone: z.string().trim().min(1).max(100).optional(),
    reason: z.string().trim().max(2000).default(''),
  })
  .strict()
  .superRefine((window, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    const recurring = window.cron !== undefined || window.duration !== undefined;
    const oneOff = window.from !== undefined || window.to !== undefined;
    if (recurring && oneOff) {
      issue(window.cron === undefined ? 'duration' : 'cron', 'give either from and to (one-off) or cron, duration and zone (recurring), not both');
      return;
    }
    if (recurring) {
      if (window.cron === undefined) issue('cron', 'required with duration: a five-field cron expression such as "0 18 * * 5"');
      if (window.duration === undefined) issue('duration', 'required with cron: how long each occurrence lasts, e.g. 2h, 90m or 1d');
      if (window.zone === undefined) issue('zone', 'required with cron: the time zone the cron expression is read in, e.g. Europe/London');
      return;
    }
    if (window.from === undefined) issue('from', 'give from and to (one-off), or cron, duration and zone (recurring)');
    if (window.to === undefined) issue('to', 'give from and to (one-off), or cron, duration and zone (recurring)');
    if (window.from !== undefined && window.to !== undefined && Date.parse(window.to) <= Date.parse(window.from)) issue('to', 'must be after from');
  });
export type WindowInputValue = z.output<typeof WindowInput>;
export type Window = WindowInputValue & { uid: string };

/** One stretch of time a window is in force. Instants are epoch milliseconds. */
export interface WindowOccurrence {
  start: number;
  end: number;
}

// ── external change events (PagerDuty's change-event shape) ───────────────

export const ChangeEventLink = z
  .object({ href: z.url({ error: 'is not a link (use an absolute URL such as https://ci.example.com/run/42)' }).max(2000), text: z.string().max(500).optional() })
  .strict();

/**
 * One change event as PagerDuty's change-event API takes it (flattened), plus
 * `services`. Other fields of that API (routing_key, images) are dropped, not refused.
 */
export const ChangeEventInput = z
  .object({
    summary: text(1024, 'summary of what changed'),
    timestamp: isoInstant.refine((value) => Date.parse(value) >= 0, { message: 'must be in 1970 or later' }),
    source: z.string().trim().max(255).default(''),
    links: z.array(ChangeEventLink).max(50).default([]),
    custom_details: z.record(z.string(), z.unknown()).default({}),
    /** The services it touched; none means it may touch any. */
    services: z.array(serviceName).max(50).default([]),
  });
export type ChangeEvent = z.output<typeof ChangeEventInput> & { uid: string };

export interface ChangeEventsImport {
  events: ChangeEvent[];
  failed: { line: number; error: string }[];
}

// ── rules, verdicts and their configuration ────────────────────────────────

export interface OverrideNote {
  uid: string;
  at: string;
  by: string;
  approver: string;
  reason: string;
}

export interface RuleVerdict {
  rule: RuleName;
  verdict: Verdict;
  reason: string;
  /** What the verdict was read from, one fact a line. */
  evidence: string[];
  /** The overrides that turned a block of this rule into a pass; empty when none did. */
  overrides: OverrideNote[];
}

export interface ChangeCheck {
  uid: string;
  verdict: Verdict;
  rules: RuleVerdict[];
}

/** An SLO budget as the SLO side reports it for a service (issue #18's policy feeds `peak-windows`). */
export interface BudgetStatus {
  slo: string;
  status: 'ok' | 'warning' | 'exhausted' | 'no-data';
  /** Fraction of the budget left (may be below 0 when overspent), or null without data. */
  remaining: number | null;
}

/** An incident as the rules and "what changed?" need it. */
export interface IncidentRef {
  id: number | string;
  title?: string;
  severity?: (typeof SEVERITIES)[number];
  services: readonly string[];
  startedAt: string;
  resolvedAt?: string | null;
  drill?: boolean;
}

const byRisk = (schema: z.ZodType<number>) => z.object({ low: schema, medium: schema, high: schema }).strict();
const byType = <T extends z.ZodType>(schema: T) => z.object({ standard: schema, normal: schema, emergency: schema }).strict();
const hours = z.number().min(0).max(24 * 366);
const verdict = z.enum(VERDICTS);

export const ChangeRulesConfig = z
  .object({
    advanceNotice: z.object({ hours: byType(byRisk(hours)) }).strict(),
    completeSteps: z
      .object({
        markers: z.array(z.string().trim().min(1).max(50)).max(20),
        approverRequired: byType(z.boolean()),
      })
      .strict(),
    tieredRelease: z
      .object({
        minTiers: byRisk(z.number().int().min(1).max(20)),
        firstTierMaxPercent: byRisk(z.number().int().min(1).max(100)),
      })
      .strict(),
    peakWindows: z
      .object({
        freeze: byType(verdict),
        peak: byType(verdict),
        stopTheLine: z.object({ severities: z.array(z.enum(SEVERITIES)), verdict: byType(verdict) }).strict(),
        budget: z.object({ exhausted: byType(verdict), warning: byType(verdict) }).strict(),
        otherChanges: byType(verdict),
      })
      .strict(),
  })
  .strict();
export type ChangeRulesConfig = z.infer<typeof ChangeRulesConfig>;

/** The defaults docs/changes.md documents; a workspace overrides any part of them. */
export const DEFAULT_CHANGE_RULES: ChangeRulesConfig = {
  advanceNotice: {
    hours: {
      standard: { low: 0, medium: 0, high: 0 },
      normal: { low: 24, medium: 48, high: 72 },
      // Emergency changes are measured against the normal lead times but only warn.
      emergency: { low: 24, medium: 48, high: 72 },
    },
  },
  completeSteps: { markers: ['TODO', 'TBD', 'FIXME'], approverRequired: { standard: false, normal: true, emergency: false } },
  tieredRelease: { minTiers: { low: 1, medium: 2, high: 3 }, firstTierMaxPercent: { low: 100, medium: 25, high: 10 } },
  peakWindows: {
    freeze: { standard: 'block', normal: 'block', emergency: 'block' },
    peak: { standard: 'warn', normal: 'warn', emergency: 'warn' },
    stopTheLine: { severities: ['SEV1', 'SEV2'], verdict: { standard: 'block', normal: 'block', emergency: 'warn' } },
    budget: {
      exhausted: { standard: 'block', normal: 'block', emergency: 'warn' },
      warning: { standard: 'warn', normal: 'warn', emergency: 'warn' },
    },
    otherChanges: { standard: 'warn', normal: 'warn', emergency: 'warn' },
  },
};

// ── "what changed?" ────────────────────────────────────────────────────────

export const WHY_CODES = ['in-progress', 'rolled-back', 'failed-gate', 'just-before', 'during', 'same-service', 'any-service'] as const;
export type WhyCode = (typeof WHY_CODES)[number];

/** One line of an incident's "what changed?", as `incident show --json` gives it under `changes`. */
export interface WhatChangedItem {
  kind: 'change' | 'event';
  id: string;
  title: string;
  services: string[];
  /** UTC ISO-8601: when it happened (a change: when it started, else its planned start). */
  at: string;
  /** Why it is listed, in words, strongest reason first. */
  why: string;
  /** The same reasons as codes, for chips and filters. */
  reasons: WhyCode[];
  /** A change's number in this store (its screen is `#/changes/<number>`); null for an event. */
  number: number | null;
  /** An event's links (its CI run, its flag's page); none for a change. */
  links: { href: string; text?: string | undefined }[];
}

// ── operation inputs (the console's forms use them too) ───────────────────

/** A change, a window: its local number (what `change list` shows) or its ULID. */
export const RecordId = z.union([z.number().int('give the number `change list` shows, or the ULID').positive('give the number `change list` shows, or the ULID'), ulidText]);
const actor = z.string().trim().min(1).max(100).optional();
/** A runbook as a command line or a form names it: its number or its stable id (`rb_…`). */
const runbookPick = z.union([z.number().int().positive(), z.string().trim().min(1).max(100)]);

/** A tier as planned on the command line (`--tier canary:5:15`) or in the form; its gate checks may come from `checks`. */
export const TierPlan = z
  .object({
    name: text(50, 'tier name'),
    percent: z.number({ error: 'give the share of traffic or hosts, 1 to 100' }),
    soakMinutes: z.number().default(0),
    checks: z.array(z.string()).max(50).optional(),
  })
  .strict();

/**
 * What `change new` and the console's form give: the plan and rollback name a
 * runbook (pinned to its current revision when the change is made), the
 * window is two instants and a zone, and `checks` are the service checks of
 * every tier's gate that names none of its own.
 */
export const CreateChangeInput = z
  .object({
    title: z.string(),
    services: z.array(z.string()),
    type: z.string(),
    risk: z.string(),
    owner: z.string().trim().min(1).max(100).optional(),
    approver: z.string().trim().min(1).max(100).nullable().optional(),
    start: z.string(),
    end: z.string(),
    zone: z.string().trim().min(1).max(100).default('UTC'),
    plan: runbookPick.nullable().optional(),
    rollback: runbookPick.nullable().optional(),
    rollbackSection: z.string().trim().min(1).max(200).optional(),
    tiers: z.array(TierPlan).max(20, 'at most 20 tiers').default([]),
    checks: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
    /** Keep it a draft; otherwise it is scheduled at once. */
    draft: z.boolean().default(false),
    actor,
  })
  .strict();
export type CreateChangeInput = z.input<typeof CreateChangeInput>;

export const ChangeIdInput = z.object({ id: RecordId }).strict();

export const ListChangesInput = z
  .object({ from: isoInstant.optional(), to: isoInstant.optional(), service: serviceName.optional() })
  .strict()
  .refine((input) => !input.from || !input.to || Date.parse(input.to) > Date.parse(input.from), { message: 'must be after from', path: ['to'] });

export const WALK_VERBS = ['schedule', 'start', 'promote', 'complete', 'rollback', 'cancel', 'note'] as const;
export type WalkVerb = (typeof WALK_VERBS)[number];

/** One step of the walk: start, promote (to the next tier, or `tier`), complete, roll back, cancel, or a note. */
export const WalkChangeInput = z
  .object({
    id: RecordId,
    action: z.enum(WALK_VERBS, { error: `use one of ${WALK_VERBS.join(', ')}` }),
    tier: z.string().trim().min(1).max(50).optional(),
    evidence: z.string().trim().max(10_000).default(''),
    actor,
  })
  .strict();

/** A gate's result for a tier: before the first tier starts (pre-check) or after the running tier soaked. */
export const RecordGateInput = z
  .object({
    id: RecordId,
    tier: text(50, 'tier name'),
    result: passFail,
    evidence: z.string().trim().min(1, 'say what the checks showed (numbers, a graph link)').max(10_000),
    checks: z.array(z.object({ check: text(500, 'check'), result: passFail }).strict()).max(50).default([]),
    actor,
  })
  .strict();

export const OverrideChangeInput = OverrideInput.extend({ id: RecordId, actor }).strict();

export const ListWindowsInput = z.object({ at: isoInstant.optional() }).strict();
export const RemoveWindowInput = z.object({ id: RecordId }).strict();

export const ImportChangeEventsInput = z.object({ path: z.string().trim().min(1, 'give the path of a .jsonl file').max(4096) }).strict();
/** One change event posted by a script: PagerDuty's change-event shape, flat or wrapped in `payload`. */
export const PostChangeEventInput = z.object({ event: z.record(z.string(), z.unknown()) }).strict();

export const ChangeCalendarInput = z
  .object({ from: isoInstant, to: isoInstant, service: serviceName.optional() })
  .strict()
  .refine((input) => Date.parse(input.to) > Date.parse(input.from), { message: 'must be after from', path: ['to'] })
  .refine((input) => Date.parse(input.to) - Date.parse(input.from) <= 400 * 86_400_000, { message: 'a calendar covers at most 400 days', path: ['to'] });

export const WhatChangedInput = z
  .object({ incidentId: z.number().int().positive(), lookBackHours: z.number().positive().max(24 * 90).optional() })
  .strict();
