import type { OutputOf } from '../../shared/contract';
import type { WhatChangedItem } from '../../shared/changes';

/** Plain-text renderings of changes, verdicts, windows and "what changed?". Instants are UTC. */

type Check = OutputOf<'checkChange'>;
type View = OutputOf<'getChange'>;

const MARK = { pass: 'PASS ', warn: 'WARN ', block: 'BLOCK' } as const;

export function formatCheck(check: Pick<Check, 'id' | 'verdict' | 'rules'>): string {
  const lines = [`change ${check.id}: ${check.verdict.toUpperCase()}`];
  for (const rule of check.rules) {
    lines.push(`  ${MARK[rule.verdict]}  ${rule.rule.padEnd(15)}  ${rule.reason}`);
    for (const override of rule.overrides) lines.push(`         override by ${override.by}, approved by ${override.approver}: ${override.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatChanges(changes: OutputOf<'listChanges'>): string {
  if (changes.length === 0) return 'No changes.\n';
  return changes
    .map((change) => `${String(change.id).padStart(4)}  ${change.state.padEnd(11)}  ${(change.verdict ?? '-').padEnd(5)}  ${change.start}  ${change.title} (${change.services.join(', ')})\n`)
    .join('');
}

export function formatChange(change: View): string {
  const lines = [
    `change ${change.id} (${change.uid}): ${change.title}`,
    `${change.type}, ${change.risk} risk · ${change.state} · services: ${change.services.join(', ')}`,
    `window ${change.window.start} – ${change.window.end} (${change.window.zone}) · owner ${change.owner}${change.approver ? `, approver ${change.approver}` : ''}`,
    `plan: ${change.plan?.runbook ? `${change.plan.runbook.title} (#${change.plan.runbookId} revision ${change.plan.revision})` : 'none'}`,
    `rollback: ${change.rollback?.runbook ? `${change.rollback.runbook.title} (#${change.rollback.runbookId} revision ${change.rollback.revision}${change.rollback.section ? `, section ${change.rollback.section}` : ''})` : 'none'}`,
    `tiers: ${change.progress.tiers.map((tier) => `${tier.name} ${tier.percent} %${tier.startedAt ? ' (ran)' : ''}${tier.post ? ` [gate ${tier.post.result}]` : ''}`).join(' → ') || 'none'}`,
    '',
    formatCheck(change.check).trimEnd(),
    '',
    'log:',
    ...change.log.map((entry) => `  ${entry.at}  ${entry.actor.padEnd(12)}  ${logLine(entry)}`),
    '',
  ];
  return lines.join('\n');
}

function logLine(entry: View['log'][number]): string {
  const evidence = entry.evidence ? ` — ${entry.evidence.replace(/\n/g, ' / ')}` : '';
  switch (entry.kind) {
    case 'gate':
      return `gate ${entry.detail.phase === 'pre' ? 'pre-check' : 'check'} of ${entry.detail.tier}: ${entry.detail.result}${evidence}`;
    case 'started':
      return `started tier ${entry.detail.tier}${evidence}`;
    case 'promoted':
      return `promoted ${entry.detail.from} → ${entry.detail.tier}${evidence}`;
    case 'override':
      return `override of ${entry.detail.rule}, approved by ${entry.detail.approver}: ${entry.detail.reason}`;
    default:
      return `${entry.kind}${evidence}`;
  }
}

export function formatWindows(windows: OutputOf<'listChangeWindows'>): string {
  if (windows.length === 0) return 'No windows.\n';
  return windows
    .map((window) => {
      const services = window.services === 'all' ? 'all services' : window.services.join(', ');
      return `${String(window.id).padStart(4)}  ${window.kind.padEnd(6)}  ${window.name} (${services}): ${window.now ? `now ${window.now.text}` : window.schedule}\n`;
    })
    .join('');
}

export function formatWhatChanged(items: readonly WhatChangedItem[]): string {
  if (items.length === 0) return 'What changed: nothing recorded on its services before it started.\n';
  return ['What changed:', ...items.map((item) => `  ${item.at}  ${item.kind === 'change' ? 'change' : 'event '}  ${item.title} (${item.services.join(', ') || 'any service'}) — ${item.why}`), ''].join('\n');
}
