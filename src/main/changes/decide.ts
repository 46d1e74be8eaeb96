import { READABLE } from '../../shared/issue-words';
import {
  ChangeLogEntry,
  NewChangeInput,
  type Change,
  type ChangeRecord,
  type ChangeCheck,
  type NewChange,
  type RuleName,
} from '../../shared/changes';
import { HoldfastError, validationError } from '../errors';
import { newUid, uidAfter } from './ids';
import { RULE_FUNCTIONS, checkChange, type RuleContext } from './rules';
import { nowMs } from './rules/context';
import { parseOverride } from './validate';
import { apply, overrideCovering, replay, stateWords, type ChangeProgress, type Refusal } from './walk';

/**
 * Walking a change: each action a person takes becomes one log entry, or is
 * refused with the rule that forbids it. With the rules' context, starting and
 * promoting are also refused while any rule blocks (a freeze, an open SEV1 on
 * the service, an exhausted budget...), unless an override covers the block.
 */

export type WalkAction =
  | { kind: 'schedule' }
  | { kind: 'gate'; tier: string; result: 'pass' | 'fail'; checks?: { check: string; result: 'pass' | 'fail' }[] }
  | { kind: 'start' }
  /** To the next tier, or to `tier` (a later one: skipping needs an override of tiered-release). */
  | { kind: 'promote'; tier?: string }
  | { kind: 'complete' }
  | { kind: 'rollback' }
  | { kind: 'cancel' }
  | { kind: 'override'; rule: RuleName; reason: string; approver: string }
  | { kind: 'note' };

export interface Acting {
  actor: string;
  at: number | string | Date;
  evidence?: string;
}

export type Decision = { ok: true; entry: ChangeLogEntry } | { ok: false; rule: RuleName | null; reason: string };

const refused = (refusal: Pick<Refusal, 'rule' | 'reason'>): Decision => ({ ok: false, rule: refusal.rule, reason: refusal.reason });
const toMs = (at: Acting['at']): number => nowMs({ now: at });

/**
 * A new change as a draft: its record (with a new ULID) and the log's first
 * entry. Give it what parseNewChange accepted (that checks what the change
 * refers to); a bad shape still throws a HoldfastError naming each bad field.
 */
export function createChange(input: NewChange, acting: Acting): { record: ChangeRecord; entry: ChangeLogEntry } {
  const result = NewChangeInput.safeParse(input, READABLE);
  if (!result.success) throw validationError(result.error);
  const change = result.data;
  const at = toMs(acting.at);
  const uid = newUid(at);
  const record: ChangeRecord = { uid, createdAt: new Date(at).toISOString(), createdBy: acting.actor, ...change };
  const entry = ChangeLogEntry.parse({ uid: uidAfter(at, uid), change: uid, at: record.createdAt, actor: acting.actor, kind: 'created', detail: {}, evidence: acting.evidence ?? '' });
  return { record, entry };
}

/**
 * The log entry for `action`, or why it is refused. Pure: the caller appends
 * the entry. `context` (the rules' inputs) is needed for overrides, and makes
 * start and promote wait for every rule to stop blocking. `judged` is the
 * rules' verdict on the change at `acting.at` when the caller has it already
 * (a view asks decide() about each verb: the rules run once, not per verb).
 */
export function decide(change: Change, action: WalkAction, acting: Acting, context?: RuleContext, judged?: ChangeCheck): Decision {
  const progress = replay(change, change.log);
  const at = toMs(acting.at);
  const built = detailOf(change, progress, action, acting, at, context);
  if ('reason' in built) return refused(built);
  const parsed = ChangeLogEntry.safeParse({
    uid: uidAfter(at, progress.lastUid ?? undefined),
    change: change.uid,
    at: new Date(at).toISOString(),
    actor: acting.actor,
    evidence: acting.evidence ?? '',
    ...built,
  });
  if (!parsed.success) return refused({ rule: null, reason: validationError(parsed.error).message });
  const entry = parsed.data;
  if (context && (action.kind === 'start' || action.kind === 'promote')) {
    const blocking = (judged ?? checkChange(change, { ...context, now: at })).rules.find((rule) => rule.verdict === 'block');
    if (blocking) return refused({ rule: blocking.rule, reason: `${blocking.reason}` });
  }
  const refusal = apply(progress, entry);
  return refusal ? refused(refusal) : { ok: true, entry };
}

/** decide(), throwing a HoldfastError that names the rule, for callers that stop at the first refusal. */
export function walk(change: Change, action: WalkAction, acting: Acting, context?: RuleContext): ChangeLogEntry {
  const decision = decide(change, action, acting, context);
  if (!decision.ok) throw new HoldfastError('CONFLICT', refusalMessage(action, decision));
  return decision.entry;
}

export const refusalMessage = (action: WalkAction, refusal: { rule: RuleName | null; reason: string }): string =>
  `Cannot ${action.kind} the change${refusal.rule ? ` (rule ${refusal.rule})` : ''}: ${refusal.reason.replace(/\.$/, '')}.`;

type Built = Pick<ChangeLogEntry, 'kind' | 'detail'> | Pick<Refusal, 'rule' | 'reason'>;

function detailOf(change: Change, progress: ChangeProgress, action: WalkAction, acting: Acting, at: number, context?: RuleContext): Built {
  const current = progress.tiers[progress.current];
  switch (action.kind) {
    case 'schedule':
      return { kind: 'scheduled', detail: {} };
    case 'note':
      return { kind: 'note', detail: {} };
    case 'cancel':
      return { kind: 'cancelled', detail: {} };
    case 'complete':
      return { kind: 'completed', detail: {} };
    case 'rollback':
      return { kind: 'rolled-back', detail: { rollback: change.rollback } };
    case 'gate':
      return {
        kind: 'gate',
        detail: { tier: action.tier, phase: progress.state === 'in-progress' ? 'post' : 'pre', result: action.result, checks: action.checks ?? [] },
      };
    case 'start': {
      const first = progress.tiers[0];
      if (!first) return { rule: 'tiered-release', reason: 'the change has no tiers to start; plan at least one' };
      return { kind: 'started', detail: { tier: first.name } };
    }
    case 'promote': {
      if (progress.state !== 'in-progress' || !current) return { rule: null, reason: `only a change in progress can be promoted; the change is ${stateWords(progress.state)}` };
      const next = action.tier ?? progress.tiers[progress.current + 1]?.name;
      if (next === undefined) return { rule: null, reason: `${current.name} is the last tier: complete the change instead` };
      return { kind: 'promoted', detail: { from: current.name, tier: next } };
    }
    case 'override': {
      if (!context) return { rule: null, reason: 'an override is judged against the rules: give the rules their context' };
      let override;
      try {
        override = parseOverride({ rule: action.rule, reason: action.reason, approver: action.approver }, acting.actor, context.roster);
      } catch (error) {
        return { rule: null, reason: error instanceof Error ? error.message : String(error) };
      }
      const covers = coverable(change, progress, action.rule, { ...context, now: at });
      if (covers.length === 0) return { rule: null, reason: `${action.rule} does not block this change now: there is nothing to override` };
      return { kind: 'override', detail: { rule: override.rule, reason: override.reason, approver: override.approver, covers } };
    }
  }
}

/**
 * What an override of `rule` given now covers: the blocks the rule shows, and
 * the refusals of that rule the walk's next steps would meet (a missing gate, a
 * skipped tier, an early start), none already covered.
 */
export function coverable(change: Change, progress: ChangeProgress, rule: RuleName, context: RuleContext): string[] {
  const keys = new Set<string>();
  for (const finding of RULE_FUNCTIONS[rule].findings(change, progress, context)) {
    if (finding.verdict === 'block' && finding.key !== undefined && !overrideCovering(progress, rule, finding.key)) keys.add(finding.key);
  }
  const at = new Date(nowMs(context)).toISOString();
  const base = { uid: '00000000000000000000000000', change: change.uid, at, actor: 'simulation', evidence: 'simulation' } as const;
  const current = progress.tiers[progress.current];
  const candidates: ChangeLogEntry[] = [];
  if (progress.state === 'scheduled' && progress.tiers[0]) candidates.push({ ...base, kind: 'started', detail: { tier: progress.tiers[0].name } });
  if (progress.state === 'in-progress' && current) {
    for (const tier of progress.tiers.slice(progress.current + 1)) candidates.push({ ...base, kind: 'promoted', detail: { from: current.name, tier: tier.name } });
    candidates.push({ ...base, kind: 'completed', detail: {} });
    candidates.push({ ...base, kind: 'gate', detail: { tier: current.name, phase: 'post', result: 'pass', checks: [] } });
  }
  for (const candidate of candidates) {
    const refusal = apply(structuredClone(progress), candidate, (other) => other.rule !== rule);
    if (refusal?.rule === rule && refusal.key !== null) keys.add(refusal.key);
  }
  return [...keys];
}
