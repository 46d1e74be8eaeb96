import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CHANGE_RULES, type Change, type ChangeLogEntry, type NewChange, type RunbookRef, type Window, type WindowInputValue } from '../../../src/shared/changes';
import { createChange, decide, type WalkAction } from '../../../src/main/changes/decide';
import { newUid } from '../../../src/main/changes/ids';
import type { PinnedRunbook, RuleContext } from '../../../src/main/changes/rules';
import { parseRunbookFile } from '../../../src/main/runbooks/format/markdown';
import { DEFAULT_PROCEDURE_HEADINGS } from '../../../src/main/runbooks/format/structure';
import { corpusDir } from '../../fixtures/corpus';

/** Real runbooks (prometheus-operator's), read as the library reads them; through the corpus helper, so CI fails without them. */
const runbooksDir = (): string => path.join(corpusDir(), 'content', 'runbooks');

export function corpusRunbook(file: string, id: number, revision = 1, edit: (body: string) => string = (body) => body): PinnedRunbook {
  const text = edit(fs.readFileSync(path.join(runbooksDir(), file), 'utf8'));
  const parsed = parseRunbookFile(text, file, DEFAULT_PROCEDURE_HEADINGS);
  return {
    id,
    revision,
    latestRevision: revision,
    title: parsed.metadata.title,
    body: parsed.body,
    steps: parsed.structure.steps,
    sections: parsed.structure.sections,
  };
}

/** The plan (#1 revision 3, 12 steps) and the rollback (#2, its Mitigation section, 5 steps) every fixture change pins. */
export const PLAN = corpusRunbook('kubernetes/KubePodCrashLooping.md', 1, 3);
export const ROLLBACK = corpusRunbook('kubernetes/KubeCPUOvercommit.md', 2, 1);

export function library(...runbooks: PinnedRunbook[]): RuleContext['runbooks'] {
  const all = runbooks.length > 0 ? runbooks : [PLAN, ROLLBACK];
  return (ref: RunbookRef) => all.find((runbook) => runbook.id === ref.runbookId && runbook.revision === ref.revision) ?? null;
}

export const ROSTER = { people: ['ana', 'bo', 'chen'].map((handle) => ({ handle, name: handle.toUpperCase() })) };

/** 2026-11-02 (a Monday) 10:00 UTC: "now" in most tests. */
export const NOW = Date.parse('2026-11-02T10:00:00Z');
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

export const gate = (...checks: string[]) => ({ checks: checks.length > 0 ? checks : ['error rate below 1 %', 'p99 latency below 300 ms'] });

/** A normal, medium-risk change on checkout, planned 4 days ahead for 2 hours, with a plan, a rollback and three tiers. */
export function plannedChange(overrides: Partial<NewChange> = {}): NewChange {
  return {
    title: 'Upgrade the payment gateway client',
    services: ['checkout'],
    type: 'normal',
    risk: 'medium',
    owner: 'ana',
    approver: 'bo',
    window: { start: new Date(NOW + 96 * HOUR).toISOString(), end: new Date(NOW + 98 * HOUR).toISOString(), zone: 'Europe/London' },
    plan: { runbookId: PLAN.id, revision: PLAN.revision },
    rollback: { runbookId: ROLLBACK.id, revision: ROLLBACK.revision, section: 'mitigation' },
    tiers: [
      { name: 'canary', percent: 5, soakMinutes: 15, gate: gate() },
      { name: 'half', percent: 50, soakMinutes: 15, gate: gate() },
      { name: 'all', percent: 100, soakMinutes: 0, gate: gate() },
    ],
    ...overrides,
  };
}

export function makeChange(overrides: Partial<NewChange> = {}, at = NOW - HOUR): Change {
  const { record, entry } = createChange(plannedChange(overrides), { actor: 'ana', at });
  return { ...record, log: [entry] };
}

export function context(overrides: Partial<RuleContext> = {}): RuleContext {
  return { now: NOW, windows: [], roster: ROSTER, openIncidents: [], config: DEFAULT_CHANGE_RULES, runbooks: library(), ...overrides };
}

/** Applies actions in order (each decided against the log so far), failing the test on a refusal. */
export function walked(change: Change, steps: [WalkAction, { actor?: string; at: number; evidence?: string }][], ruleContext?: RuleContext): Change {
  let current = change;
  for (const [action, acting] of steps) {
    const decision = decide(current, action, { actor: acting.actor ?? 'ana', at: acting.at, evidence: acting.evidence ?? '' }, ruleContext ? { ...ruleContext, now: acting.at } : undefined);
    if (!decision.ok) throw new Error(`${action.kind} refused: ${decision.reason}`);
    current = { ...current, log: [...current.log, decision.entry] };
  }
  return current;
}

export const withEntry = (change: Change, entry: ChangeLogEntry): Change => ({ ...change, log: [...change.log, entry] });

export function window(input: Partial<WindowInputValue> & Pick<WindowInputValue, 'kind'>): Window {
  return { uid: newUid(NOW), name: `${input.kind} window`, services: 'all', reason: '', ...input };
}

/**
 * `createChange`'s input for an emergency change on checkout over the demo
 * workspace (its roster's maya and jonas, runbooks 1 and 3), starting at
 * `startMs`: two tiers, a check at each gate.
 */
export function demoChangeInput(startMs: number) {
  return {
    title: 'Upgrade the payment client',
    services: ['checkout'],
    type: 'emergency' as const,
    risk: 'medium' as const,
    owner: 'maya',
    approver: 'jonas',
    plan: 1,
    rollback: 3,
    start: new Date(startMs).toISOString(),
    end: new Date(startMs + 2 * 3_600_000).toISOString(),
    tiers: [
      { name: 'canary', percent: 5, soakMinutes: 0 },
      { name: 'all', percent: 100, soakMinutes: 0 },
    ],
    checks: ['error rate below 1 %'],
  };
}
