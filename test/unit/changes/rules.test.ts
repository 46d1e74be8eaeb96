import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/main/changes/decide';
import { advanceNotice, checkChange, completeSteps, exitStatusOf, peakWindows, serviceChecks, tieredRelease, type RuleContext } from '../../../src/main/changes/rules';
import { DEFAULT_CHANGE_RULES, type Change, type RuleName, type RuleVerdict, type Verdict } from '../../../src/shared/changes';
import { context, corpusRunbook, gate, HOUR, library, makeChange, MINUTE, NOW, PLAN, ROLLBACK, walked, window } from './fixtures';

type Rule = (change: Change, context: RuleContext) => RuleVerdict;
const RULES: Record<RuleName, Rule> = {
  'advance-notice': advanceNotice,
  'complete-steps': completeSteps,
  'tiered-release': tieredRelease,
  'peak-windows': peakWindows,
  'service-checks': serviceChecks,
};

const schedule = (change: Change, at = NOW) => walked(change, [[{ kind: 'schedule' }, { at }]]);
const START = Date.parse(makeChange().window.start);
const during = (offsetHours: number, hours: number) => ({ from: new Date(START + offsetHours * HOUR).toISOString(), to: new Date(START + (offsetHours + hours) * HOUR).toISOString() });

/** A plan runbook whose text has `edit` applied (the corpus runbook with a line added, say). */
const editedPlan = (edit: (body: string) => string) => corpusRunbook('kubernetes/KubePodCrashLooping.md', PLAN.id, PLAN.revision, edit);
const addToMitigation = (line: string) => (body: string) => `${body.trimEnd()}\n${line}\n`;

const sev1 = { id: 41, title: 'Checkout 500s', severity: 'SEV1' as const, services: ['checkout'], startedAt: '2026-11-02T09:30:00Z' };
const started = (change: Change) =>
  walked(schedule(change), [
    [{ kind: 'gate', tier: 'canary', result: 'pass' }, { at: START - 5 * MINUTE, evidence: 'baseline: 0.1 % errors' }],
    [{ kind: 'start' }, { at: START }],
  ]);

interface Case {
  name: string;
  change: Change;
  ctx?: Partial<RuleContext>;
  verdict: Verdict;
  reason: RegExp;
}

/** A freeze every night from 02:00 Berlin time for 2 hours, over all services. */
const nightly = window({ kind: 'freeze', name: 'Nightly batch', cron: '0 2 * * *', duration: '2h', zone: 'Europe/Berlin' });
/** A change on checkout planned from `start` to `end` (UTC), in Berlin. */
const berlin = (start: string, end: string) => makeChange({ window: { start, end, zone: 'Europe/Berlin' } });

const cases: Record<RuleName, Case[]> = {
  'advance-notice': [
    { name: 'scheduled 96 h ahead, 48 h needed', change: schedule(makeChange()), verdict: 'pass', reason: /^Announced 96 h ahead; a normal change of medium risk needs 48 h\.$/ },
    { name: 'a draft is counted from now', change: makeChange({ risk: 'high' }), verdict: 'pass', reason: /Announced 96 h ahead; a normal change of high risk needs 72 h/ },
    {
      name: 'scheduled 30 h ahead, 72 h needed',
      change: schedule(makeChange({ risk: 'high' }), START - 30 * HOUR),
      verdict: 'block',
      reason: /^Announced 30 h ahead of its start; a normal change of high risk needs 72 h\. Move the start to 2026-11-08T04:00Z or later, or get an override\.$/,
    },
    { name: 'the start had passed when it was announced', change: schedule(makeChange({ type: 'standard' }), START + HOUR), verdict: 'block', reason: /had already passed when it was announced/ },
    { name: 'a standard change needs none', change: schedule(makeChange({ type: 'standard', risk: 'high' }), START - MINUTE), verdict: 'pass', reason: /^A standard change of high risk needs no advance notice\.$/ },
    { name: 'an emergency change only warns', change: schedule(makeChange({ type: 'emergency', risk: 'high' }), START - 2 * HOUR), verdict: 'warn', reason: /2 h ahead .* would need 72 h\. Allowed for an emergency change/ },
    {
      name: 'lead times are configurable',
      change: schedule(makeChange({ risk: 'high' }), START - 30 * HOUR),
      ctx: { config: { ...DEFAULT_CHANGE_RULES, advanceNotice: { hours: { ...DEFAULT_CHANGE_RULES.advanceNotice.hours, normal: { low: 4, medium: 8, high: 24 } } } } },
      verdict: 'pass',
      reason: /needs 24 h/,
    },
  ],
  'complete-steps': [
    { name: 'plan and rollback pinned, every tier gated', change: makeChange(), verdict: 'pass', reason: /^The plan \(14 steps\) and the rollback are pinned and written out, and every tier has a gate\.$/ },
    { name: 'no plan', change: makeChange({ plan: null }), verdict: 'block', reason: /^The change has no plan: pin a runbook as its plan \(--plan RUNBOOK_ID\)\.$/ },
    { name: 'no rollback', change: makeChange({ rollback: null }), verdict: 'block', reason: /has no rollback/ },
    { name: 'a plan not in the library', change: makeChange({ plan: { runbookId: 9, revision: 1 } }), verdict: 'block', reason: /The plan, runbook #9 revision 1, is not in the library/ },
    { name: 'a rollback section that does not exist', change: makeChange({ rollback: { runbookId: 2, revision: 1, section: 'undo' } }), verdict: 'block', reason: /has no section "undo"/ },
    {
      name: 'a TODO in the plan',
      change: makeChange(),
      ctx: { runbooks: library(editedPlan(addToMitigation('- TODO: check the new client timeouts')), ROLLBACK) },
      verdict: 'block',
      reason: /^The plan \("Kube Pod Crash Looping"\) is unfinished: line \d+ says TODO\.$/,
    },
    {
      name: 'a real runbook whose shell block says "# TODO: Command needed"',
      change: makeChange(),
      ctx: { runbooks: library(corpusRunbook('node/NodeFilesystemSpaceFillingUp.md', PLAN.id, PLAN.revision), ROLLBACK) },
      verdict: 'block',
      reason: /^The plan \("Node Filesystem Space Filling Up"\) is unfinished: line \d+ says TODO\. \(and 1 more: see evidence\)$/,
    },
    {
      name: 'a real runbook whose prose Diagnosis is a bare TODO',
      change: makeChange(),
      ctx: { runbooks: library(corpusRunbook('node/NodeClockSkewDetected.md', PLAN.id, PLAN.revision), ROLLBACK) },
      verdict: 'block',
      reason: /^The plan \("Node Clock Skew Detected"\) is unfinished: line \d+ says TODO\.$/,
    },
    { name: 'TBD too, and an empty step', change: makeChange(), ctx: { runbooks: library(editedPlan(addToMitigation('- Drain the pool: TBD\n-')), ROLLBACK) }, verdict: 'block', reason: /is empty|says TBD/ },
    { name: 'TODO inside code is what a step runs, not a marker', change: makeChange(), ctx: { runbooks: library(editedPlan(addToMitigation('- Look for leftovers: `grep -rn TODO src/`')), ROLLBACK) }, verdict: 'pass', reason: /pinned and written out/ },
    { name: 'a tier without a gate', change: makeChange({ tiers: [{ name: 'canary', percent: 5, soakMinutes: 0, gate: { checks: [] } }, { name: 'all', percent: 100, soakMinutes: 0, gate: gate() }] }), verdict: 'block', reason: /^Tier canary has no gate/ },
    { name: 'a normal change without an approver', change: makeChange({ approver: null }), verdict: 'block', reason: /A normal change needs an approver/ },
    { name: 'the owner approving their own change', change: makeChange({ approver: 'ana' }), verdict: 'block', reason: /a second person, not the owner \(ana\)/ },
    { name: 'a plan pinned to an old revision', change: makeChange(), ctx: { runbooks: library({ ...PLAN, latestRevision: 5 }, ROLLBACK) }, verdict: 'warn', reason: /pinned to revision 3 of "Kube Pod Crash Looping", which is now at revision 5/ },
  ],
  'tiered-release': [
    { name: 'three tiers from 5 %', change: makeChange(), verdict: 'pass', reason: /^3 tiers, the first reaching 5 % \(at most 25 % for medium risk\)\.$/ },
    { name: 'a high-risk change with two tiers', change: makeChange({ risk: 'high', tiers: [{ name: 'canary', percent: 5, soakMinutes: 0, gate: gate() }, { name: 'all', percent: 100, soakMinutes: 0, gate: gate() }] }), verdict: 'block', reason: /needs at least 3 tiers; this one has 2/ },
    { name: 'a first tier too big', change: makeChange({ tiers: [{ name: 'half', percent: 50, soakMinutes: 0, gate: gate() }, { name: 'all', percent: 100, soakMinutes: 0, gate: gate() }] }), verdict: 'block', reason: /The first tier, half, reaches 50 %; .* at most 25 %/ },
    { name: 'a last tier short of everything', change: makeChange({ tiers: [{ name: 'canary', percent: 5, soakMinutes: 0, gate: gate() }, { name: 'half', percent: 50, soakMinutes: 0, gate: gate() }] }), verdict: 'warn', reason: /The last tier, half, reaches 50 %/ },
    { name: 'a low-risk change in one go', change: makeChange({ risk: 'low', tiers: [{ name: 'all', percent: 100, soakMinutes: 0, gate: gate() }] }), verdict: 'pass', reason: /1 tier, the first reaching 100 %/ },
  ],
  'peak-windows': [
    { name: 'no window, no incident', change: makeChange(), verdict: 'pass', reason: /^No freeze or peak window over checkout/ },
    { name: 'a freeze over all services', change: makeChange(), ctx: { windows: [window({ kind: 'freeze', name: 'Black Friday', ...during(-1, 48) })] }, verdict: 'block', reason: /^Freeze window "Black Friday" \(all services\) is in force from/ },
    { name: 'a recurring peak on checkout', change: makeChange(), ctx: { windows: [window({ kind: 'peak', name: 'Lunch rush', services: ['checkout'], cron: '30 11 * * *', duration: '3h', zone: 'Europe/London' })] }, verdict: 'warn', reason: /^Peak window "Lunch rush" \(checkout\)/ },
    { name: 'a freeze on another service', change: makeChange(), ctx: { windows: [window({ kind: 'freeze', services: ['search'], ...during(-1, 48) })] }, verdict: 'pass', reason: /^No freeze/ },
    { name: 'a freeze that ends before the change starts', change: makeChange(), ctx: { windows: [window({ kind: 'freeze', ...during(-5, 5) })] }, verdict: 'pass', reason: /^No freeze/ },
    { name: 'an open SEV1 on the service stops the line', change: makeChange(), ctx: { openIncidents: [sev1] }, verdict: 'block', reason: /^Stop the line: SEV1 incident 41 "Checkout 500s" is open on checkout/ },
    { name: '… but an emergency change (the fix) only warns', change: makeChange({ type: 'emergency' }), ctx: { openIncidents: [sev1] }, verdict: 'warn', reason: /Stop the line/ },
    { name: 'a SEV3 does not stop the line', change: makeChange(), ctx: { openIncidents: [{ ...sev1, severity: 'SEV3' }] }, verdict: 'pass', reason: /^No freeze/ },
    { name: 'a drill does not stop the line', change: makeChange(), ctx: { openIncidents: [{ ...sev1, drill: true }] }, verdict: 'pass', reason: /^No freeze/ },
    { name: 'an exhausted error budget', change: makeChange(), ctx: { budgets: (service) => (service === 'checkout' ? { slo: 'checkout-availability', status: 'exhausted', remaining: -0.12 } : undefined) }, verdict: 'block', reason: /SLO "checkout-availability" on checkout is exhausted \(-12 % left\): the budget policy holds normal changes/ },
    { name: 'a low error budget warns', change: makeChange(), ctx: { budgets: () => [{ slo: 'checkout-latency', status: 'warning', remaining: 0.2 }, { slo: 'checkout-availability', status: 'ok', remaining: 0.9 }] }, verdict: 'warn', reason: /running low \(20 % left\)/ },
    { name: 'another change on the service at once', change: makeChange(), ctx: { otherChanges: [makeChange({ title: 'Rotate TLS certificates' })] }, verdict: 'warn', reason: /^Change "Rotate TLS certificates" also touches checkout/ },
    // A freeze from 02:00 Berlin time, 2 hours, around the clock changes of 2026 (29 March, 25 October).
    { name: 'spring-forward night: 02:00 never happens, the freeze starts when the clocks resume (03:00 local) and keeps its 2 hours', change: berlin('2026-03-29T01:30:00Z', '2026-03-29T02:00:00Z'), ctx: { windows: [nightly] }, verdict: 'block', reason: /in force from 2026-03-29T01:00Z to 2026-03-29T03:00Z/ },
    { name: 'spring-forward night: a change in the hour before it (01:15 local) is clear', change: berlin('2026-03-29T00:15:00Z', '2026-03-29T00:45:00Z'), ctx: { windows: [nightly] }, verdict: 'pass', reason: /^No freeze/ },
    { name: 'fall-back night: 02:00 happens twice, the freeze starts at the first', change: berlin('2026-10-25T00:30:00Z', '2026-10-25T00:45:00Z'), ctx: { windows: [nightly] }, verdict: 'block', reason: /in force from 2026-10-25T00:00Z to 2026-10-25T02:00Z/ },
    { name: 'fall-back night: … and is not started again at the second 02:00', change: berlin('2026-10-25T02:15:00Z', '2026-10-25T02:45:00Z'), ctx: { windows: [nightly] }, verdict: 'pass', reason: /^No freeze/ },
  ],
  'service-checks': [
    { name: 'nothing due before the start', change: schedule(makeChange()), verdict: 'pass', reason: /^Nothing due yet: record the pre-check of tier canary before starting it\.$/ },
    { name: 'soaking', change: started(makeChange()), ctx: { now: START + 5 * MINUTE }, verdict: 'pass', reason: /^Tier canary soaks until .*T\d\d:15Z; record its gate then\.$/ },
    {
      name: 'a failed gate points to the rollback',
      change: walked(started(makeChange()), [[{ kind: 'gate', tier: 'canary', result: 'fail' }, { at: START + 4 * MINUTE, evidence: '5xx at 7 %' }]]),
      ctx: { now: START + 5 * MINUTE },
      verdict: 'block',
      reason: /^The gate of tier canary failed at .* \(5xx at 7 %\): roll back with "Kube CPU Overcommit" \(runbook #2 revision 1, section "mitigation"\)/,
    },
    { name: 'a failed pre-check', change: walked(schedule(makeChange()), [[{ kind: 'gate', tier: 'canary', result: 'fail' }, { at: START - 5 * MINUTE, evidence: 'already erroring' }]]), verdict: 'block', reason: /pre-check of tier canary failed .* or cancel the change/ },
  ],
};

describe.each(Object.keys(cases) as RuleName[])('rule %s', (name) => {
  it.each(cases[name].map((c) => [c.name, c] as const))('%s', (_label, c) => {
    const verdict = RULES[name](c.change, context(c.ctx));
    expect(verdict.rule).toBe(name);
    expect(verdict.reason).toMatch(c.reason);
    expect(verdict.verdict).toBe(c.verdict);
    expect(verdict.overrides).toEqual([]);
  });
});

describe('an override turns its rule’s block into a pass, visibly', () => {
  const overrideCases: { rule: RuleName; change: Change; ctx: Partial<RuleContext> }[] = [
    { rule: 'advance-notice', change: schedule(makeChange({ risk: 'high' }), START - 30 * HOUR), ctx: {} },
    { rule: 'complete-steps', change: makeChange(), ctx: { runbooks: library(editedPlan(addToMitigation('- TODO: check the timeouts')), ROLLBACK) } },
    { rule: 'tiered-release', change: makeChange({ tiers: [{ name: 'half', percent: 50, soakMinutes: 0, gate: gate() }, { name: 'all', percent: 100, soakMinutes: 0, gate: gate() }] }), ctx: {} },
    { rule: 'peak-windows', change: makeChange(), ctx: { windows: [window({ kind: 'freeze', name: 'Black Friday', ...during(-1, 48) })] } },
    {
      rule: 'service-checks',
      change: walked(started(makeChange()), [[{ kind: 'gate', tier: 'canary', result: 'fail' }, { at: START + 4 * MINUTE, evidence: '5xx at 7 %' }]]),
      ctx: { now: START + 5 * MINUTE },
    },
  ];
  it.each(overrideCases.map((c) => [c.rule, c] as const))('%s', (rule, c) => {
    const ctx = context(c.ctx);
    expect(RULES[rule](c.change, ctx).verdict).toBe('block');
    const at = nowOf(ctx);
    const decision = decide(c.change, { kind: 'override', rule, reason: 'approved at the change review, see ticket CHG-12', approver: 'bo' }, { actor: 'ana', at }, ctx);
    if (!decision.ok) throw new Error(decision.reason);
    const overridden = { ...c.change, log: [...c.change.log, decision.entry] };
    const verdict = RULES[rule](overridden, ctx);
    expect(verdict.verdict).toBe('pass');
    expect(verdict.reason).toMatch(/^Overridden by ana, approved by bo \("approved at the change review, see ticket CHG-12"\): /);
    expect(verdict.overrides).toEqual([{ uid: decision.entry.uid, at: new Date(at).toISOString(), by: 'ana', approver: 'bo', reason: 'approved at the change review, see ticket CHG-12' }]);
  });

  it('covers only the blocks it was given for: a SEV1 after a freeze override blocks again', () => {
    const ctx = context({ windows: [window({ kind: 'freeze', name: 'Black Friday', ...during(-1, 48) })] });
    const overridden = walked(makeChange(), [[{ kind: 'override', rule: 'peak-windows', reason: 'the fix must ship before the sale', approver: 'bo' }, { at: NOW }]], ctx);
    expect(peakWindows(overridden, ctx).verdict).toBe('pass');
    const later = peakWindows(overridden, { ...ctx, openIncidents: [sev1] });
    expect(later.verdict).toBe('block');
    expect(later.reason).toMatch(/^Stop the line/);
  });

  it('shows a tier skipped on the walk as passed with its override', () => {
    const ctx = context({ now: START + 20 * MINUTE });
    const change = walked(started(makeChange()), [
      [{ kind: 'gate', tier: 'canary', result: 'pass' }, { at: START + 15 * MINUTE, evidence: 'fine' }],
      [{ kind: 'override', rule: 'tiered-release', reason: 'half the fleet is drained today', approver: 'chen' }, { at: START + 16 * MINUTE }],
      [{ kind: 'promote', tier: 'all' }, { at: START + 17 * MINUTE }],
    ], ctx);
    const verdict = tieredRelease(change, ctx);
    expect(verdict).toMatchObject({ verdict: 'pass', reason: expect.stringMatching(/^Overridden by ana, approved by chen .*: Walked out of order: promoting from canary to all skips half/) as unknown });
  });
});

const nowOf = (ctx: RuleContext): number => (typeof ctx.now === 'number' ? ctx.now : Date.parse(String(ctx.now)));

describe('the change’s verdict', () => {
  it('is the worst of the five, each named; exit status 0 pass, 1 warn, 2 block', () => {
    const clean = checkChange(schedule(makeChange()), context());
    expect(clean.rules.map((rule) => [rule.rule, rule.verdict])).toEqual([
      ['advance-notice', 'pass'],
      ['complete-steps', 'pass'],
      ['tiered-release', 'pass'],
      ['peak-windows', 'pass'],
      ['service-checks', 'pass'],
    ]);
    expect([clean.verdict, exitStatusOf(clean)]).toEqual(['pass', 0]);
    const peak = checkChange(makeChange(), context({ windows: [window({ kind: 'peak', ...during(0, 1) })] }));
    expect([peak.verdict, exitStatusOf(peak)]).toEqual(['warn', 1]);
    const frozen = checkChange(makeChange({ approver: null }), context({ windows: [window({ kind: 'peak', ...during(0, 1) }), window({ kind: 'freeze', ...during(0, 1) })] }));
    expect([frozen.verdict, exitStatusOf(frozen)]).toEqual(['block', 2]);
    expect(frozen.rules.filter((rule) => rule.verdict === 'block').map((rule) => rule.rule)).toEqual(['complete-steps', 'peak-windows']);
  });

  it('a rule with several problems names the worst and counts the rest', () => {
    const verdict = peakWindows(makeChange(), context({ windows: [window({ kind: 'freeze', name: 'A', ...during(0, 1) }), window({ kind: 'freeze', name: 'B', ...during(0, 1) }), window({ kind: 'peak', name: 'C', ...during(0, 1) })] }));
    expect(verdict.reason).toMatch(/^Freeze window "A" .* \(and 1 more: see evidence\)$/);
    expect(verdict.evidence.some((line) => line.startsWith('Freeze window "B"'))).toBe(true);
    expect(verdict.evidence.some((line) => line.startsWith('Peak window "C"'))).toBe(true);
  });

  it('starting is refused while any rule blocks, naming it', () => {
    const ctx = context({ now: START, openIncidents: [sev1] });
    const ready = walked(schedule(makeChange()), [[{ kind: 'gate', tier: 'canary', result: 'pass' }, { at: START - 5 * MINUTE, evidence: 'baseline fine' }]]);
    expect(decide(ready, { kind: 'start' }, { actor: 'ana', at: START }, ctx)).toMatchObject({ ok: false, rule: 'peak-windows', reason: expect.stringMatching(/^Stop the line/) as unknown });
    expect(decide(ready, { kind: 'start' }, { actor: 'ana', at: START }, context({ now: START })).ok).toBe(true);
  });
});
