import { FINISHED_STATES, type Change, type ChangeLogEntry, type ChangeRecord, type ChangeState, type GatePhase, type LogEntryOf, type RuleName } from '../../shared/changes';

/**
 * A change's state, derived from its log alone: draft → scheduled → in progress
 * (tier by tier: started, soaked, gate recorded, promoted) → completed, rolled
 * back or cancelled. The log is replayed in ULID order, so two machines' logs
 * merged by union of uids replay to one state; an entry that is not legal where
 * it falls (two machines promoted at once) is set aside with the reason, never
 * thrown.
 */

export interface GateRecord {
  uid: string;
  at: number;
  actor: string;
  result: 'pass' | 'fail';
  evidence: string;
}

export interface TierProgress {
  name: string;
  percent: number;
  soakMinutes: number;
  startedAt: number | null;
  /** When its soak time is over: a passing gate can be recorded from then. */
  soakUntil: number | null;
  /** The latest pre-check (the first tier's baseline, before it starts). */
  pre: GateRecord | null;
  /** The latest post-check (after it soaked). */
  post: GateRecord | null;
  /** When the next tier took over (or the change completed), if it did. */
  leftAt: number | null;
  /** Promoted past without running it (an override of tiered-release allowed it). */
  skipped: boolean;
}

export interface OverrideRecord {
  uid: string;
  at: number;
  by: string;
  approver: string;
  rule: RuleName;
  reason: string;
  covers: string[];
}

/** A step the walk refused, lifted by an override (an early start, a skipped tier, a missing gate). */
export interface LiftedRefusal {
  rule: RuleName;
  key: string;
  reason: string;
  override: OverrideRecord;
}

export interface ChangeProgress {
  state: ChangeState;
  /** The planned start (epoch ms) and whether the change is an emergency: what an early start is judged by. */
  plannedStart: number;
  emergency: boolean;
  scheduledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** Index of the running tier; -1 before the first starts. */
  current: number;
  tiers: TierProgress[];
  overrides: OverrideRecord[];
  lifted: LiftedRefusal[];
  /** Entries of a merged log that were not legal where they fell, with why. */
  setAside: { uid: string; reason: string }[];
  lastUid: string | null;
}

/**
 * Why a step is refused. `rule` names the rule that forbids it (null when it is
 * simply not a step of this state); `key` identifies the block so an override
 * of that rule can cover it (null: no override can).
 */
export interface Refusal {
  rule: RuleName | null;
  key: string | null;
  reason: string;
}

const STATE_WORDS: Record<ChangeState, string> = {
  draft: 'a draft',
  scheduled: 'scheduled',
  'in-progress': 'in progress',
  completed: 'completed',
  'rolled-back': 'rolled back',
  cancelled: 'cancelled',
};
export const stateWords = (state: ChangeState): string => STATE_WORDS[state];

const iso = (ms: number): string => new Date(ms).toISOString();

export function initialProgress(record: ChangeRecord): ChangeProgress {
  return {
    state: 'draft',
    plannedStart: Date.parse(record.window.start),
    emergency: record.type === 'emergency',
    scheduledAt: null,
    startedAt: null,
    finishedAt: null,
    current: -1,
    tiers: record.tiers.map((tier) => ({ ...tier, startedAt: null, soakUntil: null, pre: null, post: null, leftAt: null, skipped: false })),
    overrides: [],
    lifted: [],
    setAside: [],
    lastUid: null,
  };
}

/** The log in replay order: by uid, each uid once. */
export function orderedLog(log: readonly ChangeLogEntry[]): ChangeLogEntry[] {
  const byUid = new Map<string, ChangeLogEntry>();
  for (const entry of log) if (!byUid.has(entry.uid)) byUid.set(entry.uid, entry);
  return [...byUid.values()].sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

/** Replays the log; never throws on a bad entry (it is set aside with the reason). */
export function replay(record: ChangeRecord, log: readonly ChangeLogEntry[]): ChangeProgress {
  const progress = initialProgress(record);
  for (const entry of orderedLog(log)) {
    const refusal = entry.change === record.uid ? apply(progress, entry) : { rule: null, key: null, reason: `it belongs to change ${entry.change}` };
    if (refusal) progress.setAside.push({ uid: entry.uid, reason: refusal.reason });
    progress.lastUid = entry.uid;
  }
  return progress;
}

const progressCache = new WeakMap<readonly ChangeLogEntry[], { record: ChangeRecord; progress: ChangeProgress }>();

/** The change's progress, replayed once per log array (treat the answer as read-only). */
export function progressOf(change: Change): ChangeProgress {
  const cached = progressCache.get(change.log);
  const same = cached && cached.record.uid === change.uid && cached.record.tiers === change.tiers && cached.record.window === change.window && cached.record.type === change.type;
  if (cached && same) return cached.progress;
  const progress = replay(change, change.log);
  progressCache.set(change.log, { record: change, progress });
  return progress;
}

export const stateOf = (change: Change): ChangeState => progressOf(change).state;

/** The override of `rule` that covers `key`, if any (the latest). */
export function overrideCovering(progress: ChangeProgress, rule: RuleName, key: string): OverrideRecord | undefined {
  for (let i = progress.overrides.length - 1; i >= 0; i--) {
    const override = progress.overrides[i];
    if (override && override.rule === rule && override.covers.includes(key)) return override;
  }
  return undefined;
}

/**
 * How one entry is being applied: `lift` (for working out what an override
 * would cover) passes refusals of other rules; `lifts` collects the refusals
 * overrides lifted, kept only if the entry goes through.
 */
interface Applying {
  lift?: ((refusal: Refusal) => boolean) | undefined;
  lifts: LiftedRefusal[];
}

/** The refusal, unless an override covers it (or the simulation lifts it). */
function guard(progress: ChangeProgress, refusal: Refusal, applying: Applying): Refusal | null {
  if (refusal.rule === null || refusal.key === null) return refusal;
  if (applying.lift?.(refusal)) return null;
  const override = overrideCovering(progress, refusal.rule, refusal.key);
  if (!override) return refusal;
  applying.lifts.push({ rule: refusal.rule, key: refusal.key, reason: refusal.reason, override });
  return null;
}

function gateRefusal(tier: TierProgress, phase: GatePhase, rollbackHint: string): Refusal | null {
  const gate = phase === 'pre' ? tier.pre : tier.post;
  const what = phase === 'pre' ? `the pre-check of tier ${tier.name}` : `the gate of tier ${tier.name}`;
  if (!gate) {
    return {
      rule: 'service-checks',
      key: `gate:${tier.name}:${phase}:missing`,
      reason: `${what} has not been recorded; run its checks and record them (pass or fail, with evidence) first`,
    };
  }
  if (gate.result === 'fail') {
    return {
      rule: 'service-checks',
      key: `gate:${tier.name}:${phase}:failed:${gate.uid}`,
      reason: `${what} failed at ${iso(gate.at)} (${gate.evidence || 'no evidence given'}); fix it and record a passing check, or ${rollbackHint}`,
    };
  }
  return null;
}

const rollbackHintOf = (progress: ChangeProgress): string => (progress.state === 'in-progress' ? 'roll the change back' : 'cancel the change');

/**
 * Applies one entry to the progress (mutating it), or says why it is not legal
 * here and leaves the progress as it was. `lift` lets a simulation pass
 * refusals of other rules.
 */
export function apply(progress: ChangeProgress, entry: ChangeLogEntry, lift?: (refusal: Refusal) => boolean): Refusal | null {
  const applying: Applying = { lift, lifts: [] };
  const refusal = applyEntry(progress, entry, applying);
  if (!refusal) progress.lifted.push(...applying.lifts);
  return refusal;
}

function applyEntry(progress: ChangeProgress, entry: ChangeLogEntry, applying: Applying): Refusal | null {
  const at = Date.parse(entry.at);
  const { state } = progress;
  const notHere = (what: string): Refusal => ({ rule: null, key: null, reason: `${what}: the change is ${STATE_WORDS[state]}` });
  if (FINISHED_STATES.includes(state) && entry.kind !== 'note') return notHere(`Nothing more can happen to it (${entry.kind})`);
  const current = progress.tiers[progress.current];
  const first = progress.tiers[0];
  const last = progress.tiers.at(-1);

  switch (entry.kind) {
    case 'created':
    case 'note':
      return null;
    case 'scheduled':
      if (state !== 'draft') return notHere('Only a draft can be scheduled');
      progress.state = 'scheduled';
      progress.scheduledAt = at;
      return null;
    case 'override': {
      if (entry.detail.approver === entry.actor) {
        return { rule: null, key: null, reason: `an override needs a second person: ${entry.actor} cannot approve their own override` };
      }
      progress.overrides.push({ uid: entry.uid, at, by: entry.actor, ...entry.detail });
      return null;
    }
    case 'gate':
      return applyGate(progress, entry, at, applying);
    case 'started': {
      if (state !== 'scheduled') return notHere(state === 'draft' ? 'Schedule the change before starting it' : 'Only a scheduled change can start');
      if (!first) return { rule: 'tiered-release', key: null, reason: 'the change has no tiers to start; plan at least one' };
      if (entry.detail.tier !== first.name) return { rule: 'tiered-release', key: null, reason: `a change starts with its first tier, ${first.name}, not ${entry.detail.tier}` };
      const refusal = gateRefusal(first, 'pre', rollbackHintOf(progress));
      if (refusal && guard(progress, refusal, applying)) return refusal;
      if (at < progress.plannedStart && !progress.emergency) {
        const early: Refusal = {
          rule: 'advance-notice',
          key: 'early-start',
          reason: `the change is announced for ${iso(progress.plannedStart)}; starting before then cuts its notice`,
        };
        if (guard(progress, early, applying)) return early;
      }
      progress.state = 'in-progress';
      progress.startedAt = at;
      startTier(progress, 0, at);
      return null;
    }
    case 'promoted': {
      if (state !== 'in-progress' || !current) return notHere('Only a change in progress can be promoted');
      if (entry.detail.from !== current.name) return { rule: null, key: null, reason: `the running tier is ${current.name}, not ${entry.detail.from}` };
      const target = progress.tiers.findIndex((tier) => tier.name === entry.detail.tier);
      if (target === -1) return { rule: null, key: null, reason: `the change has no tier named ${entry.detail.tier}` };
      if (target <= progress.current) return { rule: 'tiered-release', key: null, reason: `tier ${entry.detail.tier} has already run; tiers only move forward (roll back to undo)` };
      const gate = gateRefusal(current, 'post', 'roll the change back');
      if (gate && guard(progress, gate, applying)) return gate;
      const skipped = progress.tiers.slice(progress.current + 1, target);
      if (skipped.length > 0) {
        const names = skipped.map((tier) => tier.name).join(', ');
        const refusal: Refusal = { rule: 'tiered-release', key: `skip:${names}`, reason: `promoting from ${current.name} to ${entry.detail.tier} skips ${names}; walk the tiers in order` };
        if (guard(progress, refusal, applying)) return refusal;
        for (const tier of skipped) tier.skipped = true;
      }
      current.leftAt = at;
      startTier(progress, target, at);
      return null;
    }
    case 'completed': {
      if (state !== 'in-progress' || !current || !last) return notHere('Only a change in progress can be completed');
      const gate = gateRefusal(current, 'post', 'roll the change back');
      if (gate && guard(progress, gate, applying)) return gate;
      const remaining = progress.tiers.slice(progress.current + 1);
      if (remaining.length > 0) {
        const names = remaining.map((tier) => tier.name).join(', ');
        const refusal: Refusal = { rule: 'tiered-release', key: `skip:${names}`, reason: `completing at ${current.name} skips ${names}; promote through every tier first` };
        if (guard(progress, refusal, applying)) return refusal;
        for (const tier of remaining) tier.skipped = true;
      }
      current.leftAt = at;
      progress.state = 'completed';
      progress.finishedAt = at;
      return null;
    }
    case 'rolled-back':
      if (state !== 'in-progress') return notHere(state === 'scheduled' ? 'Nothing has been rolled out to roll back (cancel it instead)' : 'Only a change in progress can be rolled back');
      progress.state = 'rolled-back';
      progress.finishedAt = at;
      return null;
    case 'cancelled':
      if (state !== 'draft' && state !== 'scheduled') return notHere('A change in progress is rolled back or completed, not cancelled');
      progress.state = 'cancelled';
      progress.finishedAt = at;
      return null;
  }
}

function startTier(progress: ChangeProgress, index: number, at: number): void {
  const tier = progress.tiers[index];
  if (!tier) return;
  progress.current = index;
  tier.startedAt = at;
  tier.soakUntil = at + tier.soakMinutes * 60_000;
}

function applyGate(progress: ChangeProgress, entry: LogEntryOf<'gate'>, at: number, applying: Applying): Refusal | null {
  const { tier: name, phase, result } = entry.detail;
  const tier = progress.tiers.find((candidate) => candidate.name === name);
  if (!tier) return { rule: null, key: null, reason: `the change has no tier named ${name}` };
  if (!entry.evidence) return { rule: 'service-checks', key: null, reason: 'a gate needs evidence: say what the checks showed (numbers, a graph link)' };
  const record: GateRecord = { uid: entry.uid, at, actor: entry.actor, result, evidence: entry.evidence };
  if (phase === 'pre') {
    if (progress.state !== 'scheduled') {
      return { rule: null, key: null, reason: `a pre-check is recorded while the change is scheduled, before it starts; the change is ${STATE_WORDS[progress.state]}` };
    }
    if (tier !== progress.tiers[0]) return { rule: 'tiered-release', key: null, reason: `the pre-check is for the first tier, ${progress.tiers[0]?.name ?? ''}, not ${name}` };
    tier.pre = record;
    return null;
  }
  const current = progress.tiers[progress.current];
  if (progress.state !== 'in-progress' || !current) {
    return { rule: null, key: null, reason: `a tier's gate is recorded after the tier ran; the change is ${STATE_WORDS[progress.state]}` };
  }
  if (tier !== current) {
    const when = tier.startedAt === null ? 'has not started' : 'is already behind';
    return { rule: 'tiered-release', key: null, reason: `tier ${name} ${when}; record the gate of the running tier, ${current.name}` };
  }
  if (result === 'pass' && tier.soakUntil !== null && at < tier.soakUntil) {
    const refusal: Refusal = {
      rule: 'tiered-release',
      key: `soak:${name}`,
      reason: `tier ${name} soaks ${tier.soakMinutes} minutes, until ${iso(tier.soakUntil)}; record a passing gate from then (a failing one at any time)`,
    };
    if (guard(progress, refusal, applying)) return refusal;
  }
  tier.post = record;
  return null;
}
