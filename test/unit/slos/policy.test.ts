import { describe, expect, it } from 'vitest';
import { budgetGate, minEventsOf, policyFor, readPolicyAnnotations } from '../../../src/main/slos/policy';
import { DEFAULT_BUDGET_POLICY, type SloListItem } from '../../../src/shared/slos';

function status(name: string, service: string, remaining: number | null): SloListItem {
  return {
    name,
    service,
    target: 0.999,
    window: '30d rolling',
    budgetingMethod: 'Timeslices',
    source: 'incidents',
    status: remaining === null ? 'no-data' : remaining <= 0 ? 'exhausted' : remaining < 0.25 ? 'warning' : 'ok',
    budget: { total: 1, consumed: remaining === null ? null : 1 - remaining, remaining },
    budgetMinutes: null,
  };
}

describe('the budget gate the change rules ask', () => {
  const statuses = [status('checkout-availability', 'checkout', -0.16), status('checkout-latency', 'checkout', 0.1), status('search-errors', 'search', 0.9)];

  it('blocks a normal change on a service whose budget is exhausted, naming the SLO', () => {
    expect(budgetGate('checkout', statuses, DEFAULT_BUDGET_POLICY, 'normal')).toEqual({
      verdict: 'block',
      reason: 'SLO "checkout-availability" on checkout has exhausted its error budget (-16 % left); normal changes are blocked by the budget policy until it recovers',
      slo: 'checkout-availability',
    });
    expect(budgetGate('Checkout', statuses, DEFAULT_BUDGET_POLICY, 'standard').verdict).toBe('block');
  });

  it('only warns an emergency change', () => {
    expect(budgetGate('checkout', statuses, DEFAULT_BUDGET_POLICY, 'emergency')).toMatchObject({ verdict: 'warn', slo: 'checkout-availability' });
  });

  it('warns below the warning threshold and passes with budget left, no SLO, or no data', () => {
    expect(budgetGate('checkout', [statuses[1] as SloListItem], DEFAULT_BUDGET_POLICY, 'normal')).toEqual({
      verdict: 'warn',
      reason: 'SLO "checkout-latency" on checkout has 10 % of its error budget left, below the policy\'s 25 %',
      slo: 'checkout-latency',
    });
    expect(budgetGate('search', statuses, DEFAULT_BUDGET_POLICY, 'normal')).toEqual({ verdict: 'pass', reason: 'every SLO of search has budget left or no data yet', slo: null });
    expect(budgetGate('billing', statuses, DEFAULT_BUDGET_POLICY, 'normal')).toEqual({ verdict: 'pass', reason: 'billing has no SLO', slo: null });
    expect(budgetGate('ledger', [status('ledger-writes', 'ledger', null)], DEFAULT_BUDGET_POLICY, 'normal').verdict).toBe('pass');
  });

  it('follows the service’s own policy: block earlier, let standard changes through with a warning', () => {
    const { policy, problems } = readPolicyAnnotations({
      'holdfast.dev/budget-block-below-percent': '15',
      'holdfast.dev/budget-standard-changes': 'warn',
    });
    expect(problems).toEqual([]);
    const latency = [statuses[1] as SloListItem];
    expect(budgetGate('checkout', latency, policy, 'normal')).toMatchObject({ verdict: 'block', slo: 'checkout-latency' });
    expect(budgetGate('checkout', latency, policy, 'normal').reason).toContain('has 10 % of its error budget left; normal changes are blocked');
    expect(budgetGate('checkout', latency, policy, 'standard').verdict).toBe('warn');
  });
});

describe('budget policy annotations', () => {
  it('are percentages and actions in words, the SLO’s over the service’s', () => {
    const policy = policyFor({ 'holdfast.dev/budget-warn-below-percent': '30', 'holdfast.dev/budget-emergency-changes': 'block' }, { 'holdfast.dev/budget-warn-below-percent': '50' });
    expect(policy).toEqual({ ...DEFAULT_BUDGET_POLICY, warnBelow: 0.5, emergency: 'block' });
    expect(minEventsOf({ 'holdfast.dev/burn-min-events': '50' })).toBe(50);
    expect(minEventsOf({})).toBe(10);
  });

  it('name each value that is wrong and what to write', () => {
    expect(readPolicyAnnotations({ 'holdfast.dev/budget-normal-changes': 'deny', 'holdfast.dev/budget-block-below-percent': 'ten', 'holdfast.dev/burn-min-events': '1.5' }).problems).toEqual([
      'metadata.annotations["holdfast.dev/budget-block-below-percent"] is "ten": write a percentage of the budget left as a number in quotes, e.g. "25"',
      'metadata.annotations["holdfast.dev/budget-normal-changes"] is "deny": write block, warn or pass',
      'metadata.annotations["holdfast.dev/burn-min-events"] is "1.5": write a whole number in quotes, e.g. "10"',
    ]);
  });
});
