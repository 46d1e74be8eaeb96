import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { memoryCore, op } from '../../fixtures/core';
import { ASSETS_DIR } from '../../fixtures/temp';
import { demoChangeInput } from './fixtures';

/** A scheduled emergency change on checkout, due to start now (its notice only warns), two tiers with a gate each. */
async function scheduledChange() {
  const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
  await op(core, 'loadDemoWorkspace', {});
  await op(core, 'importRoster', { path: path.join(ASSETS_DIR, 'demo', 'roster.yaml') });
  const start = clock.now().getTime() - 60_000;
  const change = await op(core, 'createChange', demoChangeInput(start));
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

describe('what changed, linked to each change and event', () => {
  it('gives each change its number for its screen and each event its links, and the post-mortem names the change’s number and links the event’s CI run', async () => {
    const { core, change } = await scheduledChange();
    await op(core, 'walkChange', { id: change.id, action: 'start', evidence: '' });
    await op(core, 'postChangeEvent', { event: { summary: 'Deploy checkout v2.14.0', timestamp: new Date(Date.parse(change.start) + 60_000).toISOString(), services: ['checkout'], links: [{ href: 'https://ci.example.com/run/42', text: 'CI run 42' }] } });
    const incident = await op(core, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });

    const items = await op(core, 'whatChanged', { incidentId: incident.id });
    expect(items.map(({ kind, title, number, links }) => ({ kind, title, number, links }))).toEqual([
      { kind: 'change', title: 'Upgrade the payment client', number: change.id, links: [] },
      { kind: 'event', title: 'Deploy checkout v2.14.0', number: null, links: [{ href: 'https://ci.example.com/run/42', text: 'CI run 42' }] },
    ]);

    const { content } = await op(core, 'exportPostmortem', { incidentId: incident.id, format: 'md' });
    expect(content).toMatch(new RegExp(`change #${change.id} \\*\\*Upgrade the payment client\\*\\* \\(checkout\\)`));
    expect(content).toMatch(/change event \*\*Deploy checkout v2\.14\.0\*\* \(checkout\): [^\n]*\(\[CI run 42\]\(<https:\/\/ci\.example\.com\/run\/42>\)\)/);
  });
});
