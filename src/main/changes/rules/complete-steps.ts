import type { Change, RollbackRef, RunbookRef } from '../../../shared/changes';
import { rule, runbookText, type Finding, type PinnedRunbook, type RuleContext } from './context';

/**
 * Rule 2, change steps must be complete: the plan and the rollback are runbooks
 * pinned to a revision that exists, their steps are written out (no empty step,
 * no unfinished marker such as TODO or TBD outside code), every tier has a gate
 * with at least one service check, and a second person approves (when the type
 * needs one).
 */
export const completeSteps = rule('complete-steps', (change, _progress, context) => {
  const findings: Finding[] = [...people(change, context), ...pinned('plan', change.plan, change, context), ...pinned('rollback', change.rollback, change, context)];
  for (const tier of change.tiers) {
    if (tier.gate.checks.length === 0) {
      findings.push({
        verdict: 'block',
        reason: `Tier ${tier.name} has no gate: add at least one service check to run before promoting past it.`,
        key: `gate:${tier.name}`,
      });
    }
  }
  if (!findings.some((finding) => finding.verdict !== 'pass')) {
    const plan = change.plan ? context.runbooks(change.plan) : null;
    findings.unshift({
      verdict: 'pass',
      reason: `The plan${plan ? ` (${plan.steps.length} steps)` : ''} and the rollback are pinned and written out, and every tier has a gate.`,
      evidence: [
        ...(change.plan ? [`plan: ${runbookText(change.plan)}`] : []),
        ...(change.rollback ? [`rollback: ${runbookText(change.rollback)}`] : []),
        ...change.tiers.map((tier) => `tier ${tier.name}: ${tier.gate.checks.length} check${tier.gate.checks.length === 1 ? '' : 's'}`),
      ],
    });
  }
  return findings;
});

function people(change: Change, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(context.roster.people.map((person) => person.handle));
  for (const [role, handle] of [['owner', change.owner], ['approver', change.approver]] as const) {
    if (handle !== null && !known.has(handle)) {
      findings.push({ verdict: 'block', reason: `The ${role}, "${handle}", is not a person on the roster.`, key: `${role}:${handle}` });
    }
  }
  if (change.approver === null && context.config.completeSteps.approverRequired[change.type]) {
    findings.push({ verdict: 'block', reason: `A ${change.type} change needs an approver: name a second person from the roster.`, key: 'approver' });
  }
  if (change.approver !== null && change.approver === change.owner) {
    findings.push({ verdict: 'block', reason: `The approver must be a second person, not the owner (${change.owner}).`, key: 'approver' });
  }
  return findings;
}

function pinned(role: 'plan' | 'rollback', ref: RunbookRef | RollbackRef | null, change: Change, context: RuleContext): Finding[] {
  const option = role === 'plan' ? '--plan' : '--rollback';
  if (!ref) return [{ verdict: 'block', reason: `The change has no ${role}: pin a runbook as its ${role} (${option} RUNBOOK_ID).`, key: role }];
  const runbook = context.runbooks(ref);
  if (!runbook) return [{ verdict: 'block', reason: `The ${role}, ${runbookText(ref)}, is not in the library.`, key: `${role}:missing` }];
  const findings: Finding[] = [];
  if (runbook.latestRevision > runbook.revision) {
    findings.push({
      verdict: 'warn',
      reason: `The ${role} is pinned to revision ${runbook.revision} of "${runbook.title}", which is now at revision ${runbook.latestRevision}: review what changed and pin it again.`,
      key: `${role}:stale`,
    });
  }
  const section = 'section' in ref ? ref.section : undefined;
  if (section !== undefined && !runbook.sections.some((candidate) => candidate.id === section)) {
    findings.push({ verdict: 'block', reason: `The ${role}, ${runbookText(ref)}, has no section "${section}".`, key: `${role}:section` });
    return findings;
  }
  const steps = section === undefined ? runbook.steps : runbook.steps.filter((step) => step.sectionId === section);
  if (steps.length === 0) {
    findings.push({ verdict: 'block', reason: `The ${role} ("${runbook.title}"${section ? `, section "${section}"` : ''}) has no steps to follow.`, key: `${role}:no-steps` });
  }
  for (const step of steps) {
    if (isEmptyStep(step.text)) findings.push({ verdict: 'block', reason: `Step ${step.number} of the ${role} ("${runbook.title}") is empty.`, key: `${role}:empty-step:${step.number}` });
  }
  const markers = section === undefined ? markersInBody(runbook.body, context) : markersInSteps(steps, context);
  for (const marker of markers) {
    findings.push({
      verdict: 'block',
      reason: `The ${role} ("${runbook.title}") is unfinished: ${marker.where} says ${marker.marker}.`,
      evidence: [`${marker.where}: ${marker.text}`],
      key: `${role}:marker:${marker.where}`,
    });
  }
  return findings;
}

const isEmptyStep = (text: string): boolean => text.replace(/^\s*\[[ xX]?\]\s*/, '').trim() === '';

interface Marker {
  where: string;
  marker: string;
  text: string;
}

function markerPattern(context: RuleContext): RegExp | null {
  const words = context.config.completeSteps.markers.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return words.length === 0 ? null : new RegExp(`(?<![\\w-])(${words.join('|')})(?![\\w-])`);
}

/**
 * Code (fenced blocks, inline spans) is what a step runs, not what it says:
 * `grep -rn TODO src/` is no marker. A marker in a code comment is one (a shell
 * block holding only `# TODO: Command needed` is an unfinished step).
 */
const withoutInlineCode = (line: string): string => line.replace(/(`+)[^`]*?\1/g, '');
const COMMENT = /^\s*(#|\/\/|--|;|\/\*|<!--|REM\b)/i;

function markersInBody(body: string, context: RuleContext): Marker[] {
  const pattern = markerPattern(context);
  if (!pattern) return [];
  const out: Marker[] = [];
  let fence: string | null = null;
  body.split(/\r?\n/).forEach((line, index) => {
    const opening = /^\s*(`{3,}|~{3,})/.exec(line);
    if (opening?.[1]) {
      if (fence === null) fence = opening[1].charAt(0).repeat(opening[1].length);
      else if (opening[1].startsWith(fence)) fence = null;
      return;
    }
    const said = fence === null ? withoutInlineCode(line) : COMMENT.test(line) ? line : '';
    const match = pattern.exec(said);
    if (match?.[1]) out.push({ where: `line ${index + 1}`, marker: match[1], text: line.trim().slice(0, 200) });
  });
  return out;
}

function markersInSteps(steps: PinnedRunbook['steps'], context: RuleContext): Marker[] {
  const pattern = markerPattern(context);
  if (!pattern) return [];
  const out: Marker[] = [];
  for (const step of steps) {
    const code = [...step.text.matchAll(/(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\1/g)].flatMap((block) => (block[2] ?? '').split('\n').filter((line) => COMMENT.test(line)));
    const prose = step.text.replace(/(`{3,}|~{3,})[\s\S]*?\1/g, '');
    const match = pattern.exec([withoutInlineCode(prose), ...code].join('\n'));
    if (match?.[1]) out.push({ where: `step ${step.number}`, marker: match[1], text: step.text.trim().slice(0, 200) });
  }
  return out;
}
