import type { Change, ChangeCheck, RuleName } from '../../../shared/changes';
import { advanceNotice } from './advance-notice';
import { completeSteps } from './complete-steps';
import { worst, type Rule, type RuleContext } from './context';
import { peakWindows } from './peak-windows';
import { serviceChecks } from './service-checks';
import { tieredRelease } from './tiered-release';

export { advanceNotice, completeSteps, peakWindows, serviceChecks, tieredRelease };
export type { PinnedRunbook, RuleContext } from './context';

/** The five rules of engagement, in their order. */
export const RULE_FUNCTIONS = {
  'advance-notice': advanceNotice,
  'complete-steps': completeSteps,
  'tiered-release': tieredRelease,
  'peak-windows': peakWindows,
  'service-checks': serviceChecks,
} as const satisfies Record<RuleName, Rule>;

/** Every rule's verdict on the change, and the change's: the worst of them. */
export function checkChange(change: Change, context: RuleContext): ChangeCheck {
  const rules = Object.values(RULE_FUNCTIONS).map((run) => run(change, context));
  return { uid: change.uid, verdict: worst(rules.map((rule) => rule.verdict)), rules };
}

/** `change check`'s exit status, stable for CI pipelines: 0 pass, 1 warn, 2 block. */
export const exitStatusOf = (check: Pick<ChangeCheck, 'verdict'>): 0 | 1 | 2 => (check.verdict === 'pass' ? 0 : check.verdict === 'warn' ? 1 : 2);
