import type { RuleName, Verdict } from '../../../shared/changes';

/** Words the changes screens share. */
export const RULE_LABELS: Record<RuleName, string> = {
  'advance-notice': 'Advance notice',
  'complete-steps': 'Complete steps',
  'tiered-release': 'Tiered release',
  'peak-windows': 'Peak windows',
  'service-checks': 'Service checks',
};

export const VERDICT_LABELS: Record<Verdict, string> = { pass: 'Pass', warn: 'Warn', block: 'Block' };

export const STATE_LABELS: Record<string, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  'in-progress': 'In progress',
  completed: 'Completed',
  'rolled-back': 'Rolled back',
  cancelled: 'Cancelled',
};

/** A verdict as a chip: its word always shown (never colour alone). */
export function VerdictChip({ verdict, label }: { verdict: Verdict | null; label?: string }) {
  if (verdict === null) return <span className="verdict-chip verdict-none">—</span>;
  return (
    <span className={`verdict-chip verdict-${verdict}`} data-verdict={verdict}>
      {label ? `${label}: ` : ''}
      {VERDICT_LABELS[verdict]}
    </span>
  );
}
