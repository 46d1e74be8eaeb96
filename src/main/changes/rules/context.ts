import type {
  BudgetStatus,
  Change,
  ChangeRulesConfig,
  IncidentRef,
  OverrideNote,
  RollbackRef,
  RuleName,
  RuleVerdict,
  RunbookRef,
  Verdict,
  Window,
} from '../../../shared/changes';
import { overrideCovering, progressOf, type ChangeProgress, type OverrideRecord } from '../walk';

/** A runbook at the revision a change pinned, as the rules read it. */
export interface PinnedRunbook {
  id: number;
  revision: number;
  /** The runbook's newest revision: a plan pinned to an older one may be stale. */
  latestRevision: number;
  title: string;
  body: string;
  steps: readonly { number: number; text: string; sectionId: string | null }[];
  sections: readonly { id: string; title: string }[];
}

/** Everything a rule may read besides the change: all passed in, so every rule is a pure function. */
export interface RuleContext {
  now: number | string | Date;
  windows: readonly Window[];
  roster: { people: readonly { handle: string; name?: string }[] };
  /** Incidents not yet resolved (drills are ignored). */
  openIncidents: readonly IncidentRef[];
  config: ChangeRulesConfig;
  /** The pinned revision of a runbook, or null/undefined when there is no such runbook or revision. */
  runbooks: (ref: RunbookRef) => PinnedRunbook | null | undefined;
  /** The SLO budgets of a service (issue #18's budget policy); absent until SLOs exist. */
  budgets?: (service: string) => BudgetStatus | readonly BudgetStatus[] | undefined;
  /** Other changes, to warn about two on one service at once. */
  otherChanges?: readonly Change[];
}

export const nowMs = (context: Pick<RuleContext, 'now'>): number =>
  typeof context.now === 'number' ? context.now : context.now instanceof Date ? context.now.getTime() : Date.parse(context.now);

/**
 * One thing a rule found. A block with a `key` can be covered by an override of
 * the rule that names that key (an override covers the blocks the rule showed
 * when it was given, nothing later).
 */
export interface Finding {
  verdict: Verdict;
  reason: string;
  evidence?: string[];
  key?: string;
}

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, block: 2 };
export const worst = (verdicts: Iterable<Verdict>): Verdict => {
  let out: Verdict = 'pass';
  for (const verdict of verdicts) if (RANK[verdict] > RANK[out]) out = verdict;
  return out;
};

const note = (override: OverrideRecord): OverrideNote => ({
  uid: override.uid,
  at: new Date(override.at).toISOString(),
  by: override.by,
  approver: override.approver,
  reason: override.reason,
});

/** The rule's verdict from its findings: the worst one not covered by an override. */
export function compose(rule: RuleName, findings: Finding[], progress: ChangeProgress): RuleVerdict {
  const overrides: OverrideNote[] = [];
  const effective = findings.map((finding) => {
    const override = finding.verdict === 'block' && finding.key !== undefined ? overrideCovering(progress, rule, finding.key) : undefined;
    if (!override) return finding;
    if (!overrides.some((known) => known.uid === override.uid)) overrides.push(note(override));
    return {
      ...finding,
      verdict: 'pass' as const,
      reason: `Overridden by ${override.by}, approved by ${override.approver} ("${override.reason}"): ${finding.reason}`,
    };
  });
  const verdict = worst(effective.map((finding) => finding.verdict));
  const problems = effective.filter((finding) => finding.verdict === verdict);
  const lead = verdict === 'pass' ? (effective.find((finding) => finding.reason.startsWith('Overridden')) ?? effective[0]) : problems[0];
  const others = effective.filter((finding) => finding !== lead && finding.verdict !== 'pass');
  let reason = lead?.reason ?? 'Nothing to check.';
  if (verdict !== 'pass' && problems.length > 1) reason += ` (and ${problems.length - 1} more: see evidence)`;
  const evidence = [...(lead?.evidence ?? []), ...others.flatMap((finding) => [finding.reason, ...(finding.evidence ?? [])])];
  return { rule, verdict, reason, evidence, overrides };
}

/** A rule as the five share it: a pure function of the change and the context. */
export type Rule = (change: Change, context: RuleContext) => RuleVerdict;

export function rule(name: RuleName, find: (change: Change, progress: ChangeProgress, context: RuleContext) => Finding[]): Rule & { findings: typeof find } {
  const run = (change: Change, context: RuleContext) => {
    const progress = progressOf(change);
    return compose(name, find(change, progress, context), progress);
  };
  return Object.assign(run, { findings: find });
}

// ── wording shared by the rules ────────────────────────────────────────────

export const isoText = (ms: number): string => new Date(ms).toISOString().replace(/:00\.000Z$/, 'Z').replace(/\.000Z$/, 'Z');

/** `72 h`, `2.5 h`, `45 min`: a lead time as people read it. */
export function hoursText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const sign = ms < 0 ? '-' : '';
  if (minutes < 60) return `${sign}${minutes} min`;
  const hours = minutes / 60;
  return `${sign}${Number.isInteger(hours) || hours >= 10 ? Math.round(hours) : hours.toFixed(1)} h`;
}

export const runbookText = (ref: RunbookRef | RollbackRef): string =>
  `runbook #${ref.runbookId} revision ${ref.revision}${'section' in ref && ref.section ? `, section "${ref.section}"` : ''}`;

/** Where to roll back, in words, for a failed gate. */
export function rollbackPointer(change: Change, context: Pick<RuleContext, 'runbooks'>): string {
  if (!change.rollback) return 'the change has no rollback runbook: roll back by hand and record what you did';
  const runbook = context.runbooks(change.rollback);
  return `roll back with ${runbook ? `"${runbook.title}" (${runbookText(change.rollback)})` : runbookText(change.rollback)}`;
}

export const describeKind = (change: Pick<Change, 'type' | 'risk'>): string => `a ${change.type} change of ${change.risk} risk`;
