import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdfast } from '../../fixtures/cli';
import { ASSETS_DIR, tempDir } from '../../fixtures/temp';

/** A data folder with the demo workspace's runbooks and roster (maya, jonas… on checkout, search…). */
async function workspace(): Promise<string> {
  const data = tempDir();
  expect((await holdfast('--data', data, 'demo', 'load')).status).toBe(0);
  expect((await holdfast('--data', data, 'roster', 'import', path.join(ASSETS_DIR, 'demo', 'roster.yaml'))).status).toBe(0);
  return data;
}

const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * 3_600_000).toISOString();

/** A normal change on checkout a week ahead, two tiers gated, plan and rollback pinned. */
const NEW_CHANGE = ['change', 'new', '--title', 'Upgrade the payment client', '--service', 'checkout', '--type', 'normal', '--risk', 'medium', '--owner', 'maya', '--approver', 'jonas'];
const planned = (start = 7 * 24) => [...NEW_CHANGE, '--start', at(start), '--end', at(start + 2), '--plan', '1', '--rollback', '3', '--tier', 'canary:5:0', '--tier', 'all:100', '--check', 'error rate below 1 %'];

interface Check {
  id: number;
  verdict: string;
  rules: { rule: string; verdict: string; reason: string }[];
}

describe('holdfast change: the contract CI pipelines rely on', () => {
  it('plans a change, checks it (0 pass, 2 block in a freeze, 1 warn at a peak) and an override with its approver turns the block into a pass, logged', async () => {
    const data = await workspace();
    const created = await holdfast('--data', data, ...planned(), '--json');
    expect(created.status).toBe(0);
    const { id } = JSON.parse(created.stdout) as { id: number };
    expect(id).toBe(1);

    const pass = await holdfast('--data', data, 'change', 'check', String(id), '--json');
    expect(pass.status).toBe(0);
    const check = JSON.parse(pass.stdout) as Check;
    expect(check).toMatchObject({ id, verdict: 'pass' });
    expect(check.rules.map((rule) => [rule.rule, rule.verdict])).toEqual([
      ['advance-notice', 'pass'],
      ['complete-steps', 'pass'],
      ['tiered-release', 'pass'],
      ['peak-windows', 'pass'],
      ['service-checks', 'pass'],
    ]);

    const peak = await holdfast('--data', data, 'window', 'add', '--name', 'Launch week', '--kind', 'peak', '--from', at(6 * 24), '--to', at(8 * 24), '--service', 'checkout');
    expect(peak.status).toBe(0);
    const warned = await holdfast('--data', data, 'change', 'check', String(id));
    expect(warned.status).toBe(1);
    expect(warned.stdout).toMatch(/WARN {3}peak-windows {5}Peak window "Launch week" \(checkout\)/);

    const freeze = await holdfast('--data', data, 'window', 'add', '--name', 'Year-end freeze', '--kind', 'freeze', '--cron', '0 0 * * *', '--duration', '1d', '--zone', 'Europe/Berlin');
    expect(freeze.status).toBe(0);
    const inForce = JSON.parse((await holdfast('--data', data, 'window', 'list', '--at', at(7 * 24 + 1), '--json')).stdout) as { name: string }[];
    expect(inForce.map((window) => window.name).sort()).toEqual(['Launch week', 'Year-end freeze']);
    const blocked = await holdfast('--data', data, 'change', 'check', String(id), '--json');
    expect(blocked.status).toBe(2);
    expect((JSON.parse(blocked.stdout) as Check).rules.find((rule) => rule.rule === 'peak-windows')).toMatchObject({ verdict: 'block', reason: expect.stringContaining('Freeze window "Year-end freeze"') as string });

    const alone = await holdfast('--data', data, 'change', 'override', String(id), '--rule', 'peak-windows', '--reason', 'The fix cannot wait a year', '--approver', 'maya', '--by', 'maya');
    expect(alone.status).toBe(1);
    expect(alone.stderr).toMatch(/an override needs a second person: maya cannot approve their own/);
    const overridden = await holdfast('--data', data, 'change', 'override', String(id), '--rule', 'peak-windows', '--reason', 'The fix cannot wait a year', '--approver', 'jonas', '--by', 'maya');
    expect(overridden.status).toBe(0);
    const after = await holdfast('--data', data, 'change', 'check', String(id), '--json');
    // The peak window still warns; the freeze's block is a pass with its override.
    expect(after.status).toBe(1);
    const shown = JSON.parse((await holdfast('--data', data, 'change', 'show', String(id), '--json')).stdout) as { log: { kind: string; actor: string; detail: { approver?: string; reason?: string } }[] };
    expect(shown.log.at(-1)).toMatchObject({ kind: 'override', actor: 'maya', detail: { approver: 'jonas', reason: 'The fix cannot wait a year' } });

    expect((await holdfast('--data', data, 'change', 'check', '99')).status).toBe(3);
  });

  it('walks an emergency change tier by tier: out of order is refused with its rule, a failed gate points at the rollback', async () => {
    const data = await workspace();
    const args = ['change', 'new', '--title', 'Hotfix checkout', '--service', 'checkout', '--type', 'emergency', '--risk', 'low', '--owner', 'maya', '--start', at(-0.05), '--end', at(2), '--plan', '1', '--rollback', '3', '--tier', 'canary:5', '--tier', 'all:100', '--check', 'errors'];
    expect((await holdfast('--data', data, ...args)).stdout).toBe('1\n');
    const early = await holdfast('--data', data, 'change', 'start', '1');
    expect(early.status).toBe(1);
    expect(early.stderr).toMatch(/Cannot start the change \(rule service-checks\): the pre-check of tier canary has not been recorded/);
    expect((await holdfast('--data', data, 'change', 'gate', '1', '--tier', 'canary', '--pass', '--evidence', 'Baseline 0.1 % errors')).status).toBe(0);
    expect((await holdfast('--data', data, 'change', 'start', '1')).status).toBe(0);
    const skipGate = await holdfast('--data', data, 'change', 'promote', '1');
    expect(skipGate.stderr).toMatch(/Cannot promote the change \(rule service-checks\)/);
    expect((await holdfast('--data', data, 'change', 'gate', '1', '--tier', 'canary', '--pass', '--evidence', 'Canary 0.1 % errors')).status).toBe(0);
    expect((await holdfast('--data', data, 'change', 'promote', '1')).stdout).toBe('Hotfix checkout: in-progress.\n');
    const failed = await holdfast('--data', data, 'change', 'gate', '1', '--tier', 'all', '--fail', '--evidence', 'Errors at 6 %');
    expect(failed.stdout).toMatch(/Gate of all: fail\. Roll back with Payment provider timeouts: holdfast change rollback 1/);
    expect((await holdfast('--data', data, 'change', 'complete', '1')).stderr).toMatch(/Cannot complete the change \(rule service-checks\)/);
    expect((await holdfast('--data', data, 'change', 'rollback', '1', '--evidence', 'Reverted to v41')).status).toBe(0);
    const list = JSON.parse((await holdfast('--data', data, 'change', 'list', '--service', 'checkout', '--json')).stdout) as { id: number; state: string }[];
    expect(list).toMatchObject([{ id: 1, state: 'rolled-back' }]);

    // "What changed?" on an incident declared on checkout lists the change first, with why.
    const incident = (await holdfast('--data', data, 'incident', 'declare', '--title', 'Checkout errors', '--severity', 'SEV2', '--service', 'checkout')).stdout.trim();
    const shown = JSON.parse((await holdfast('--data', data, 'incident', 'show', incident, '--json')).stdout) as { changes: unknown[] };
    expect(shown.changes).toEqual([
      { kind: 'change', id: expect.any(String) as string, title: 'Hotfix checkout', services: ['checkout'], at: expect.any(String) as string, why: 'rolled back; a service check failed; within 60 minutes before the incident started; same service: checkout' },
    ]);
    // The post-mortem draft has the section.
    const postmortem = (await holdfast('--data', data, 'postmortem', 'export', incident)).stdout;
    expect(postmortem).toMatch(/## Changes before the incident\n\n- [^\n]*: change #1 \*\*Hotfix checkout\*\* \(checkout\): rolled back; a service check failed/);
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const data = await workspace();
    const refusals: [string[], RegExp][] = [
      [[...NEW_CHANGE, '--start', at(100), '--end', at(102), '--service', 'chekout'], /`services\[1\]`: "chekout" is not a service Holdfast knows/],
      [[...NEW_CHANGE, '--start', at(102), '--end', at(100)], /`window\.end`: must be after the start/],
      [[...NEW_CHANGE, '--start', at(100), '--end', at(102), '--tier', 'half:50', '--tier', 'canary:5'], /`tiers\[1\]\.percent`: tiers overlap: canary reaches 5 %, no more than half/],
      [[...NEW_CHANGE, '--start', at(100), '--end', at(102), '--plan', '99'], /`plan\.runbookId`: runbook #99 .* is not in the library/],
      [[...NEW_CHANGE, '--start', at(100), '--end', at(102), '--zone', 'Mars/Base'], /`window\.zone`: "Mars\/Base" is not a time zone/],
      [[...NEW_CHANGE, '--start', at(100), '--end', at(102), '--tier', 'canary'], /--tier "canary" is not NAME:PERCENT\[:SOAK_MINUTES\]/],
      [['window', 'add', '--name', 'Nights', '--kind', 'freeze', '--cron', '0 25 * * *', '--duration', '2h', '--zone', 'UTC'], /`cron`: "0 25 \* \* \*" is not a cron expression/],
      [['window', 'add', '--name', 'Nights', '--kind', 'freeze', '--cron', '0 2 * * *', '--duration', '2h', '--zone', 'Europe/Gotham'], /`zone`: "Europe\/Gotham" is not a time zone/],
    ];
    for (const [args, message] of refusals) {
      const result = await holdfast('--data', data, ...args);
      expect(result.status, args.join(' ')).not.toBe(0);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    expect((await holdfast('--data', data, 'change', 'list', '--json')).stdout).toBe('[]\n');
    expect((await holdfast('--data', data, 'window', 'list', '--json')).stdout).toBe('[]\n');
  });

  it('imports change events from JSON Lines: a line that is not JSON is reported with its number, the rest kept; importing again adds nothing', async () => {
    const data = await workspace();
    const file = path.join(tempDir(), 'events.jsonl');
    const recent = at(-1);
    fs.writeFileSync(
      file,
      [
        JSON.stringify({ summary: 'Deploy checkout v42', timestamp: recent, source: 'ci', links: [{ href: 'https://ci.example.com/run/42' }], custom_details: { sha: 'abc123' }, services: ['checkout'] }),
        '{"summary": "half a line',
        JSON.stringify({ routing_key: 'x', payload: { summary: 'Flag new-cart on', timestamp: recent, source: 'flags' }, services: ['search'] }),
        '',
      ].join('\n'),
    );
    const first = await holdfast('--data', data, 'change', 'import-events', file, '--json');
    expect(first.status).toBe(1);
    expect(JSON.parse(first.stdout)).toEqual({ imported: 2, unchanged: 0, failed: [{ line: 2, error: expect.stringMatching(/^not JSON/) as string }] });
    const again = JSON.parse((await holdfast('--data', data, 'change', 'import-events', file, '--json')).stdout) as { imported: number };
    expect(again.imported).toBe(0);
    const incident = (await holdfast('--data', data, 'incident', 'declare', '--title', 'Checkout errors', '--severity', 'SEV2', '--service', 'checkout')).stdout.trim();
    const shown = JSON.parse((await holdfast('--data', data, 'incident', 'show', incident, '--json')).stdout) as { changes: { kind: string; title: string }[] };
    expect(shown.changes.map((item) => [item.kind, item.title])).toEqual([['event', 'Deploy checkout v42']]);
  });

  it('lists changes in a range, cancels one, and removes a window by its number (the verbs the contract names that the walk above does not use)', async () => {
    const data = await workspace();
    expect((await holdfast('--data', data, ...planned(7 * 24))).status).toBe(0);
    expect((await holdfast('--data', data, ...planned(14 * 24))).status).toBe(0);
    const inRange = JSON.parse((await holdfast('--data', data, 'change', 'list', '--from', at(6 * 24), '--to', at(8 * 24), '--json')).stdout) as { id: number }[];
    expect(inRange.map((change) => change.id)).toEqual([1]);

    const cancelled = await holdfast('--data', data, 'change', 'cancel', '2', '--evidence', 'Superseded by change 1');
    expect(cancelled.status).toBe(0);
    const shown = JSON.parse((await holdfast('--data', data, 'change', 'show', '2', '--json')).stdout) as { state: string; log: { kind: string; evidence: string }[] };
    expect(shown.state).toBe('cancelled');
    expect(shown.log.at(-1)).toMatchObject({ kind: 'cancelled', evidence: 'Superseded by change 1' });
    expect((await holdfast('--data', data, 'change', 'start', '2')).status).not.toBe(0);

    const added = JSON.parse((await holdfast('--data', data, 'window', 'add', '--name', 'Year-end freeze', '--kind', 'freeze', '--from', at(24), '--to', at(48), '--json')).stdout) as { id: number };
    expect((await holdfast('--data', data, 'window', 'remove', String(added.id))).status).toBe(0);
    expect((await holdfast('--data', data, 'window', 'list', '--json')).stdout).toBe('[]\n');
    const missing = await holdfast('--data', data, 'window', 'remove', String(added.id));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/No window \d+\. `holdfast window list` lists them\./);
  });
});
