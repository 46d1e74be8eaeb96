import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { memoryCore, op } from '../../fixtures/core';
import { ASSETS_DIR } from '../../fixtures/temp';

const HOUR = 3_600_000;

/** A scheduled emergency change on checkout, due to start now (its notice only warns), two tiers with a gate each. */
async function scheduledChange() {
  const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
  await op(core, 'loadDemoWorkspace', {});
  await op(core, 'importRoster', { path: path.join(ASSETS_DIR, 'demo', 'roster.yaml') });
  const start = clock.now().getTime() - 60_000;
  const change = await op(core, 'createChange', {
    title: 'Upgrade the payment client',
    services: ['checkout'],
    type: 'emergency',
    risk: 'medium',
    owner: 'maya',
    approver: 'jonas',
    plan: 1,
    rollback: 3,
    start: new Date(start).toISOString(),
    end: new Date(start + 2 * HOUR).toISOString(),
    tiers: [
      { name: 'canary', percent: 5, soakMinutes: 0 },
      { name: 'all', percent: 100, soakMinutes: 0 },
    ],
    checks: ['error rate below 1 %'],
  });
  await op(core, 'recordGate', { id: change.id, tier: 'canary', result: 'pass', evidence: 'error rate 0.2 %' });
  return { core, change };
}

describe('a change as the console and `change show` read it', () => {
  it('judges the five rules once per read, however many verbs it offers (they ran again for each verb the walk judges: start, promote)', async () => {
    const { core, change } = await scheduledChange();
    // The peak-windows rule asks for the budgets of each of the change's services once per run of the rules.
    const budgets = vi.spyOn(core.slos, 'budgetStatuses');
    const view = await op(core, 'getChange', { id: change.id });
    expect(budgets).toHaveBeenCalledTimes(1);
    // The verbs are still judged against the rules: a scheduled change due now offers its start.
    expect(view.check.rules.filter((rule) => rule.verdict === 'block')).toEqual([]);
    expect(view.allowed).toContain('start');
    expect(view.check.rules).toHaveLength(5);
  });

  it('a block the rules find still holds back the start the view offers', async () => {
    const { core, change } = await scheduledChange();
    await op(core, 'addChangeWindow', { name: 'Freeze', kind: 'freeze', services: 'all', reason: '', from: change.start, to: change.end });
    const view = await op(core, 'getChange', { id: change.id });
    expect(view.check.verdict).toBe('block');
    expect(view.allowed).not.toContain('start');
    expect(view.allowed).toContain('cancel');
  });
});
