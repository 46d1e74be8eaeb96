import { describeKind, hoursText, isoText, nowMs, rule, type Finding } from './context';

/**
 * Rule 1, advance notice is required: the time between announcing the change
 * (scheduling it; for a draft, now) and its planned start must reach the lead
 * time configured for its type and risk. An emergency change only warns.
 * Starting before the planned start is refused on the walk (an override lifts it).
 */
export const advanceNotice = rule('advance-notice', (change, progress, context) => {
  const findings: Finding[] = [];
  const requiredHours = context.config.advanceNotice.hours[change.type][change.risk];
  const required = requiredHours * 3_600_000;
  const start = Date.parse(change.window.start);
  const announced = progress.scheduledAt ?? nowMs(context);
  const lead = start - announced;
  const evidence = [
    `planned start ${isoText(start)}`,
    progress.scheduledAt === null ? `not scheduled yet: counted from now, ${isoText(announced)}` : `scheduled ${isoText(announced)}`,
    `${describeKind(change)} needs ${hoursText(required)} of notice`,
  ];
  if (lead >= required) {
    findings.push({
      verdict: 'pass',
      reason: required === 0 ? `${capitalised(describeKind(change))} needs no advance notice.` : `Announced ${hoursText(lead)} ahead; ${describeKind(change)} needs ${hoursText(required)}.`,
      evidence,
    });
  } else {
    const emergency = change.type === 'emergency';
    const when = lead < 0 ? `The planned start (${isoText(start)}) had already passed when it was announced` : `Announced ${hoursText(lead)} ahead of its start`;
    const reason = emergency
      ? `${when}; a normal change of ${change.risk} risk would need ${hoursText(required)}. Allowed for an emergency change: review it afterwards.`
      : `${when}; ${describeKind(change)} needs ${hoursText(required)}. Move the start to ${isoText(announced + required)} or later, or get an override.`;
    findings.push({
      verdict: emergency ? 'warn' : 'block',
      reason,
      evidence,
      key: 'notice',
    });
  }
  for (const lifted of progress.lifted) {
    if (lifted.rule === 'advance-notice') findings.push({ verdict: 'block', reason: `Started early: ${lifted.reason}.`, key: lifted.key });
  }
  return findings;
});

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
