import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, walk, type WalkAction } from '../../../src/main/changes/decide';
import { replay, stateOf } from '../../../src/main/changes/walk';
import type { Change, RuleName } from '../../../src/shared/changes';
import { context, HOUR, makeChange, MINUTE, NOW, walked } from './fixtures';

const base = makeChange();
const START = Date.parse(base.window.start);

const scheduled = walked(base, [[{ kind: 'schedule' }, { at: NOW }]]);
const prechecked = walked(scheduled, [[{ kind: 'gate', tier: 'canary', result: 'pass' }, { at: START - 10 * MINUTE, evidence: 'error rate 0.1 %, p99 180 ms' }]]);
const started = walked(prechecked, [[{ kind: 'start' }, { at: START }]]);
const canaryPassed = walked(started, [[{ kind: 'gate', tier: 'canary', result: 'pass' }, { at: START + 15 * MINUTE, evidence: 'error rate 0.2 %' }]]);
const canaryFailed = walked(started, [[{ kind: 'gate', tier: 'canary', result: 'fail' }, { at: START + 5 * MINUTE, evidence: 'error rate 7 % on canary hosts' }]]);
const atHalf = walked(canaryPassed, [[{ kind: 'promote' }, { at: START + 16 * MINUTE }]]);
const completed = walked(atHalf, [
  [{ kind: 'gate', tier: 'half', result: 'pass' }, { at: START + 31 * MINUTE, evidence: 'error rate 0.2 %' }],
  [{ kind: 'promote' }, { at: START + 32 * MINUTE }],
  [{ kind: 'gate', tier: 'all', result: 'pass' }, { at: START + 40 * MINUTE, evidence: 'dashboards green' }],
  [{ kind: 'complete' }, { at: START + 41 * MINUTE }],
]);

describe('a change walked in order', () => {
  it('goes draft → scheduled → in progress, tier by tier → completed, all derived from its log', () => {
    expect(stateOf(base)).toBe('draft');
    expect(stateOf(scheduled)).toBe('scheduled');
    expect(stateOf(started)).toBe('in-progress');
    const half = replay(atHalf, atHalf.log);
    expect(half.tiers.map((tier) => [tier.name, tier.startedAt !== null])).toEqual([['canary', true], ['half', true], ['all', false]]);
    expect(half.tiers[1]?.soakUntil).toBe(START + 31 * MINUTE);
    const done = replay(completed, completed.log);
    expect(done.state).toBe('completed');
    expect(done.tiers.every((tier) => tier.post?.result === 'pass' && !tier.skipped)).toBe(true);
    expect(done.setAside).toEqual([]);
  });

  it('rolls back after a failed gate, logging the pinned rollback', () => {
    const rolledBack = walked(canaryFailed, [[{ kind: 'rollback' }, { at: START + 6 * MINUTE, evidence: 'walked the rollback runbook' }]]);
    expect(stateOf(rolledBack)).toBe('rolled-back');
    expect(rolledBack.log.at(-1)).toMatchObject({ kind: 'rolled-back', detail: { rollback: base.rollback } });
  });

  it('cancels a draft or a scheduled change', () => {
    expect(stateOf(walked(base, [[{ kind: 'cancel' }, { at: NOW }]]))).toBe('cancelled');
    expect(stateOf(walked(scheduled, [[{ kind: 'cancel' }, { at: NOW }]]))).toBe('cancelled');
  });
});

describe('walking out of order is refused with the rule that forbids it', () => {
  const cases: [string, Change, WalkAction, number, RuleName | null, RegExp, string?][] = [
    ['start a draft', base, { kind: 'start' }, START, null, /Schedule the change before starting it/],
    ['start without a pre-check', scheduled, { kind: 'start' }, START, 'service-checks', /pre-check of tier canary has not been recorded/],
    ['start before its planned start', prechecked, { kind: 'start' }, START - HOUR, 'advance-notice', /announced for .*starting before then cuts its notice/],
    ['promote before the gate', started, { kind: 'promote' }, START + 20 * MINUTE, 'service-checks', /gate of tier canary has not been recorded/],
    ['promote past a failed gate', canaryFailed, { kind: 'promote' }, START + 20 * MINUTE, 'service-checks', /gate of tier canary failed .*error rate 7 %.*roll the change back/],
    ['skip a tier', canaryPassed, { kind: 'promote', tier: 'all' }, START + 20 * MINUTE, 'tiered-release', /skips half; walk the tiers in order/],
    ['complete before the last tier', canaryPassed, { kind: 'complete' }, START + 20 * MINUTE, 'tiered-release', /completing at canary skips half, all/],
    ['pass a gate before its soak', started, { kind: 'gate', tier: 'canary', result: 'pass' }, START + 5 * MINUTE, 'tiered-release', /soaks 15 minutes, until .*T\d\d:15/, 'looks fine'],
    ['gate a tier that is not running', started, { kind: 'gate', tier: 'half', result: 'pass' }, START + 20 * MINUTE, 'tiered-release', /tier half has not started; record the gate of the running tier, canary/, 'ok'],
    ['gate without evidence', started, { kind: 'gate', tier: 'canary', result: 'pass' }, START + 20 * MINUTE, 'service-checks', /a gate needs evidence/],
    ['promote back to a tier that ran', walked(atHalf, [[{ kind: 'gate', tier: 'half', result: 'pass' }, { at: START + 31 * MINUTE, evidence: 'ok' }]]), { kind: 'promote', tier: 'canary' }, START + 40 * MINUTE, 'tiered-release', /has already run/],
    ['cancel a change in progress', started, { kind: 'cancel' }, START + MINUTE, null, /rolled back or completed, not cancelled/],
    ['roll back a change that has not started', scheduled, { kind: 'rollback' }, START, null, /Nothing has been rolled out.*cancel it instead/],
    ['promote a completed change', completed, { kind: 'promote' }, START + 50 * MINUTE, null, /the change is completed/],
    ['schedule twice', scheduled, { kind: 'schedule' }, NOW, null, /Only a draft can be scheduled/],
  ];
  it.each(cases)('%s', (_name, change, action, at, rule, reason, evidence) => {
    const decision = decide(change, action, { actor: 'ana', at, evidence: evidence ?? '' });
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.rule).toBe(rule);
    expect(decision.reason).toMatch(reason);
  });

  it('says so in one message naming the rule, for the command line', () => {
    expect(() => walk(started, { kind: 'promote' }, { actor: 'ana', at: START + 20 * MINUTE })).toThrow(
      /^Cannot promote the change \(rule service-checks\): the gate of tier canary has not been recorded/,
    );
  });

  it('a failing gate may be recorded at any time, even mid-soak', () => {
    expect(decide(started, { kind: 'gate', tier: 'canary', result: 'fail' }, { actor: 'ana', at: START + MINUTE, evidence: '5xx spike' }).ok).toBe(true);
  });
});

describe('overrides on the walk', () => {
  const ctx = context({ now: START + 20 * MINUTE });
  const at = START + 20 * MINUTE;

  it('need a second person and a reason', () => {
    const self = decide(started, { kind: 'override', rule: 'service-checks', reason: 'monitoring is down, checked by hand', approver: 'ana' }, { actor: 'ana', at }, ctx);
    expect(self).toMatchObject({ ok: false, reason: expect.stringMatching(/`approver`: an override needs a second person: ana cannot approve their own/) as unknown });
    const short = decide(started, { kind: 'override', rule: 'service-checks', reason: 'because', approver: 'bo' }, { actor: 'ana', at }, ctx);
    expect(short).toMatchObject({ ok: false, reason: expect.stringMatching(/`reason`: say why, in at least 10 characters/) as unknown });
    const stranger = decide(started, { kind: 'override', rule: 'service-checks', reason: 'monitoring is down, checked by hand', approver: 'zed' }, { actor: 'ana', at }, ctx);
    expect(stranger).toMatchObject({ ok: false, reason: expect.stringMatching(/"zed" is not the handle of anyone on the roster/) as unknown });
  });

  it('are refused when the rule blocks nothing', () => {
    const decision = decide(canaryPassed, { kind: 'override', rule: 'service-checks', reason: 'just in case we need it', approver: 'bo' }, { actor: 'ana', at }, ctx);
    expect(decision).toMatchObject({ ok: false, reason: 'service-checks does not block this change now: there is nothing to override' });
  });

  it('lift the refusal they were given for, and only that one: the next tier needs its gate again', () => {
    const overridden = walked(started, [[{ kind: 'override', rule: 'service-checks', reason: 'metrics pipeline is down; checked by hand', approver: 'bo' }, { at }]], ctx);
    expect(overridden.log.at(-1)).toMatchObject({ kind: 'override', actor: 'ana', detail: { approver: 'bo', covers: ['gate:canary:post:missing'] } });
    const promoted = walked(overridden, [[{ kind: 'promote' }, { at: at + MINUTE }]]);
    expect(replay(promoted, promoted.log).lifted).toMatchObject([{ rule: 'service-checks', key: 'gate:canary:post:missing', override: { by: 'ana', approver: 'bo' } }]);
    expect(decide(promoted, { kind: 'promote' }, { actor: 'ana', at: at + 30 * MINUTE })).toMatchObject({ ok: false, rule: 'service-checks' });
  });

  it('of tiered-release let a tier be skipped, which stays visible', () => {
    const overridden = walked(canaryPassed, [[{ kind: 'override', rule: 'tiered-release', reason: 'half the fleet is drained for maintenance', approver: 'chen' }, { at }]], ctx);
    const skipped = walked(overridden, [[{ kind: 'promote', tier: 'all' }, { at: at + MINUTE }]]);
    const progress = replay(skipped, skipped.log);
    expect(progress.tiers.map((tier) => tier.skipped)).toEqual([false, true, false]);
    expect(progress.current).toBe(2);
  });
});

describe('logs from two machines', () => {
  it('merge by uid: the same entries in any order replay to the same state', () => {
    const shuffled = [...completed.log].reverse();
    expect(replay(completed, shuffled)).toEqual(replay(completed, completed.log));
  });

  it('set aside an entry that is not legal where it falls (both promoted at once), with the reason', () => {
    const mine = walked(canaryPassed, [[{ kind: 'promote' }, { at: START + 16 * MINUTE, actor: 'ana' }]]);
    const theirs = walked(canaryPassed, [[{ kind: 'promote' }, { at: START + 16 * MINUTE + 500, actor: 'bo' }]]);
    const merged = [...mine.log, ...(theirs.log.at(-1) ? [theirs.log.at(-1)!] : [])];
    const progress = replay(canaryPassed, merged);
    expect(progress.state).toBe('in-progress');
    expect(progress.current).toBe(1);
    expect(progress.setAside).toEqual([{ uid: theirs.log.at(-1)?.uid, reason: 'the running tier is half, not canary' }]);
  });

  it('replaying never throws and is independent of the order entries arrive in (any walk)', () => {
    const actions: WalkAction[] = [
      { kind: 'schedule' },
      { kind: 'gate', tier: 'canary', result: 'pass' },
      { kind: 'gate', tier: 'canary', result: 'fail' },
      { kind: 'start' },
      { kind: 'promote' },
      { kind: 'gate', tier: 'half', result: 'pass' },
      { kind: 'gate', tier: 'all', result: 'pass' },
      { kind: 'complete' },
      { kind: 'rollback' },
      { kind: 'cancel' },
      { kind: 'note' },
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: actions.length - 1 }), fc.integer({ min: 1, max: 40 })), { maxLength: 25 }), fc.integer(), (steps, seed) => {
        let change: Change = base;
        let at = START - 30 * MINUTE;
        for (const [index, minutes] of steps) {
          at += minutes * MINUTE;
          const decision = decide(change, actions[index] ?? { kind: 'note' }, { actor: 'ana', at, evidence: 'seen' });
          if (decision.ok) change = { ...change, log: [...change.log, decision.entry] };
        }
        const forward = replay(change, change.log);
        expect(forward.setAside).toEqual([]);
        const shuffled = [...change.log].sort((a, b) => ((a.uid.charCodeAt(25) * 31 + seed) % 7) - ((b.uid.charCodeAt(25) * 31 + seed) % 7));
        expect(replay(change, shuffled)).toEqual(forward);
      }),
      { numRuns: 200 },
    );
  });
});
