import {
  ANNOTATIONS,
  BudgetPolicy,
  DEFAULT_BUDGET_POLICY,
  GATE_VERDICTS,
  type BudgetGateResult,
  type BudgetMinutes,
  type BudgetFractions,
  type ChangeType,
  type GateVerdict,
  type SloListItem,
} from '../../shared/slos';
import { budgetFractions, budgetMinutes, DEFAULT_MIN_EVENTS, type SloMeasure } from './budget';

/**
 * The budget policy of a service: what its SLOs' remaining budget means for
 * changes on it. Written as annotations on the OpenSLO Service (and, to differ
 * for one SLO, on that SLO), percentages of the budget left:
 *
 *   holdfast.dev/budget-warn-below-percent: "25"   below: warn (and status warning)
 *   holdfast.dev/budget-block-below-percent: "0"   at or below: each change type's action
 *   holdfast.dev/budget-normal-changes: block      block | warn | pass
 *   holdfast.dev/budget-standard-changes: block
 *   holdfast.dev/budget-emergency-changes: warn
 */

const PERCENT = /^-?\d+(\.\d+)?$/;

/** Reads the policy annotations over `base`; each value that is wrong is a problem naming its key. */
export function readPolicyAnnotations(annotations: Record<string, string>, base: BudgetPolicy = DEFAULT_BUDGET_POLICY): { policy: BudgetPolicy; problems: string[] } {
  const problems: string[] = [];
  const policy: BudgetPolicy = { ...base };
  const percent = (key: string, apply: (fraction: number) => void) => {
    const text = annotations[key];
    if (text === undefined) return;
    if (!PERCENT.test(text.trim()) || Number(text) > 100) {
      problems.push(`metadata.annotations["${key}"] is "${text}": write a percentage of the budget left as a number in quotes, e.g. "25"`);
      return;
    }
    apply(Number(text) / 100);
  };
  percent(ANNOTATIONS.warnBelow, (fraction) => (policy.warnBelow = Math.max(fraction, 0)));
  percent(ANNOTATIONS.blockBelow, (fraction) => (policy.blockBelow = fraction));
  const actions: [string, 'normal' | 'standard' | 'emergency'][] = [
    [ANNOTATIONS.normalChanges, 'normal'],
    [ANNOTATIONS.standardChanges, 'standard'],
    [ANNOTATIONS.emergencyChanges, 'emergency'],
  ];
  for (const [key, type] of actions) {
    const text = annotations[key];
    if (text === undefined) continue;
    if ((GATE_VERDICTS as readonly string[]).includes(text)) policy[type] = text as GateVerdict;
    else problems.push(`metadata.annotations["${key}"] is "${text}": write block, warn or pass`);
  }
  const minEvents = annotations[ANNOTATIONS.minEvents];
  if (minEvents !== undefined && !/^\d+$/.test(minEvents)) problems.push(`metadata.annotations["${ANNOTATIONS.minEvents}"] is "${minEvents}": write a whole number in quotes, e.g. "10"`);
  return { policy: BudgetPolicy.parse(policy), problems };
}

/** The policy for one SLO: the service's annotations, then the SLO's own over them. Invalid values are left at the default (the import refuses them). */
export const policyFor = (serviceAnnotations: Record<string, string>, sloAnnotations: Record<string, string>): BudgetPolicy =>
  readPolicyAnnotations(sloAnnotations, readPolicyAnnotations(serviceAnnotations).policy).policy;

export const minEventsOf = (annotations: Record<string, string>): number => {
  const text = annotations[ANNOTATIONS.minEvents];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : DEFAULT_MIN_EVENTS;
};

const SEVERITY: Record<GateVerdict, number> = { pass: 0, warn: 1, block: 2 };

const percentText = (fraction: number): string => `${Math.round(fraction * 1000) / 10} %`;

/**
 * The change rule `peak-windows` asks this before a change on `service`: the
 * worst verdict over the service's SLOs (`statuses`: rows of `slo list`; others
 * are ignored), naming the SLO behind it. An SLO without data never holds a
 * change back.
 */
export function budgetGate(service: string, statuses: readonly SloListItem[], policy: BudgetPolicy, changeType: ChangeType): BudgetGateResult {
  const wanted = service.trim().toLowerCase();
  const mine = statuses.filter((status) => status.service.trim().toLowerCase() === wanted);
  let worst: BudgetGateResult = {
    verdict: 'pass',
    reason: mine.length === 0 ? `${service} has no SLO` : `every SLO of ${service} has budget left or no data yet`,
    slo: null,
  };
  let worstRemaining = Infinity;
  for (const status of mine) {
    const remaining = status.budget.remaining;
    if (remaining === null) continue;
    let verdict: GateVerdict = 'pass';
    let reason = '';
    if (remaining <= policy.blockBelow) {
      verdict = policy[changeType];
      const state = remaining <= 0 ? `has exhausted its error budget (${percentText(remaining)} left)` : `has ${percentText(remaining)} of its error budget left`;
      const action = verdict === 'block' ? 'are blocked' : verdict === 'warn' ? 'go ahead with a warning' : 'are allowed';
      reason = `SLO "${status.name}" on ${status.service} ${state}; ${changeType} changes ${action} by the budget policy until it recovers`;
    } else if (remaining < policy.warnBelow) {
      verdict = 'warn';
      reason = `SLO "${status.name}" on ${status.service} has ${percentText(remaining)} of its error budget left, below the policy's ${percentText(policy.warnBelow)}`;
    }
    if (verdict === 'pass') continue;
    if (SEVERITY[verdict] > SEVERITY[worst.verdict] || (SEVERITY[verdict] === SEVERITY[worst.verdict] && remaining < worstRemaining)) {
      worst = { verdict, reason, slo: status.name };
      worstRemaining = remaining;
    }
  }
  return worst;
}

/**
 * "What if" a full outage of `minutes` happened now: the budget with that much
 * more bad. For Occurrences the outage's events are the window's average events
 * per minute, all bad; without events so far there is no rate to go by, and
 * the answer is the budget as it is.
 */
export function whatIfOutage(m: SloMeasure, minutes: number): { measure: SloMeasure; budget: BudgetFractions; budgetMinutes: BudgetMinutes | null } {
  const added = Math.max(minutes, 0);
  let next: SloMeasure;
  if (m.unit === 'minutes') {
    // Those minutes are in the window already (as good, or as no data): they turn bad; the budget is the window's.
    next = { ...m, bad: m.bad + added };
  } else {
    const elapsed = (Math.min(m.window.end, m.at) - m.window.start) / 60_000;
    const perMinute = elapsed > 0 ? m.counted / elapsed : 0;
    const events = perMinute * added;
    next = { ...m, bad: m.bad + events, counted: m.counted + events, budget: m.budget + (1 - m.target) * events };
  }
  return { measure: next, budget: budgetFractions(next), budgetMinutes: budgetMinutes(next) };
}
