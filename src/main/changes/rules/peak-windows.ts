import { FINISHED_STATES, type BudgetStatus, type Change } from '../../../shared/changes';
import { touchingServices } from '../by-service';
import { activeSpan, intersection, overlaps, plannedSpan } from '../span';
import { progressOf, type ChangeProgress } from '../walk';
import { describeWindow, occurrenceText, windowsOverlapping } from '../windows';
import { isoText, nowMs, rule, type Finding, type RuleContext } from './context';

/**
 * Rule 4, peak windows should be avoided: a freeze window over the change's
 * services and time blocks, a peak window warns (one-off or recurring). What
 * is true now counts too, while the change is not finished: an open SEV1/SEV2
 * incident on one of its services stops the line, an exhausted SLO budget
 * blocks (issue #18's policy, through `budgets`), and another change on the
 * same service at the same time warns. Verdicts per change type are configured.
 */
export const peakWindows = rule('peak-windows', (change, progress, context) => {
  if (progress.state === 'cancelled') return [{ verdict: 'pass', reason: 'The change was cancelled: no window applies.' }];
  const now = nowMs(context);
  const span = activeSpan(change, progress, now);
  const config = context.config.peakWindows;
  const findings: Finding[] = [];
  for (const { window, occurrence } of windowsOverlapping(context.windows, span.start, span.end, change.services)) {
    const services = window.services === 'all' ? 'all services' : change.services.filter((service) => window.services.includes(service)).join(', ');
    findings.push({
      verdict: config[window.kind][change.type],
      reason: `${window.kind === 'freeze' ? 'Freeze' : 'Peak'} window "${window.name}" (${services}) is in force from ${occurrenceText(occurrence)}, during the change.`,
      evidence: [`window "${window.name}": ${describeWindow(window)}${window.reason ? `; ${window.reason}` : ''}`, `change: ${occurrenceText(span)}`],
      key: `window:${window.uid}`,
    });
  }
  if (!FINISHED_STATES.includes(progress.state)) {
    findings.push(...stopTheLine(change, context), ...budgets(change, context), ...otherChanges(change, progress, context, now));
  }
  if (findings.length === 0) {
    findings.push({
      verdict: 'pass',
      reason: `No freeze or peak window over ${change.services.join(', ')} from ${occurrenceText(span)}, no open major incident, no exhausted budget.`,
    });
  }
  return findings;
});

function stopTheLine(change: Change, context: RuleContext): Finding[] {
  const { severities, verdict } = context.config.peakWindows.stopTheLine;
  return context.openIncidents
    .filter((incident) => !incident.drill && incident.severity !== undefined && severities.includes(incident.severity) && incident.services.some((service) => change.services.includes(service)))
    .map((incident) => ({
      verdict: verdict[change.type],
      reason: `Stop the line: ${incident.severity} incident ${incident.id}${incident.title ? ` "${incident.title}"` : ''} is open on ${incident.services.filter((service) => change.services.includes(service)).join(', ')} since ${isoText(Date.parse(incident.startedAt))}. Wait until it is resolved.`,
      key: `incident:${incident.id}`,
    }));
}

function budgets(change: Change, context: RuleContext): Finding[] {
  if (!context.budgets) return [];
  const config = context.config.peakWindows.budget;
  const findings: Finding[] = [];
  for (const service of change.services) {
    const found = context.budgets(service);
    const statuses: readonly BudgetStatus[] = found === undefined ? [] : 'slo' in found ? [found] : found;
    for (const budget of statuses) {
      if (budget.status !== 'exhausted' && budget.status !== 'warning') continue;
      const left = budget.remaining === null ? '' : ` (${Math.round(budget.remaining * 1000) / 10} % left)`;
      findings.push({
        verdict: config[budget.status][change.type],
        reason:
          budget.status === 'exhausted'
            ? `The error budget of SLO "${budget.slo}" on ${service} is exhausted${left}: the budget policy holds ${change.type} changes until it recovers.`
            : `The error budget of SLO "${budget.slo}" on ${service} is running low${left}.`,
        key: `budget:${service}:${budget.slo}`,
      });
    }
  }
  return findings;
}

function otherChanges(change: Change, progress: ChangeProgress, context: RuleContext, now: number): Finding[] {
  if (!context.otherChanges) return [];
  const mine = activeSpan(change, progress, now);
  const findings: Finding[] = [];
  for (const other of touchingServices(context.otherChanges, change.services, (c) => c.services)) {
    if (other.uid === change.uid) continue;
    const theirs = plannedSpan(other);
    if (!overlaps(mine, theirs)) continue;
    if (FINISHED_STATES.includes(progressOf(other).state)) continue;
    const shared = other.services.filter((service) => change.services.includes(service)).join(', ');
    findings.push({
      verdict: context.config.peakWindows.otherChanges[change.type],
      reason: `Change "${other.title}" also touches ${shared} from ${isoText(intersection(mine, theirs).start)}: two changes at once make either one hard to blame.`,
      key: `change:${other.uid}`,
    });
  }
  return findings;
}
