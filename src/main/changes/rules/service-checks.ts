import type { GateRecord, TierProgress } from '../walk';
import { isoText, nowMs, rollbackPointer, rule, type Finding } from './context';

/**
 * Rule 5, service checks must be executed: the first tier's pre-check before
 * it starts, and each tier's gate (post-check) after it soaked and before the
 * next tier (or completion). The walk refuses to go past a missing or failed
 * gate (an override lifts it, and it shows here); a failed gate on the running
 * tier blocks and points to the rollback.
 */
export const serviceChecks = rule('service-checks', (change, progress, context) => {
  const findings: Finding[] = [];
  const first = progress.tiers[0];
  const current = progress.tiers[progress.current];
  const evidence = progress.tiers.flatMap((tier) => [gateLine(tier, 'pre', tier.pre), gateLine(tier, 'post', tier.post)].filter((line): line is string => line !== null));

  if (progress.state === 'draft' || progress.state === 'scheduled') {
    if (first?.pre?.result === 'fail') {
      findings.push({
        verdict: 'block',
        reason: `The pre-check of tier ${first.name} failed at ${isoText(first.pre.at)} (${first.pre.evidence}): fix it and record a passing pre-check before starting, or cancel the change.`,
        evidence,
        key: `gate:${first.name}:pre:failed:${first.pre.uid}`,
      });
    } else if (first) {
      findings.push({
        verdict: 'pass',
        reason: first.pre ? `The pre-check of tier ${first.name} passed at ${isoText(first.pre.at)}.` : `Nothing due yet: record the pre-check of tier ${first.name} before starting it.`,
        evidence,
      });
    }
  } else if (progress.state === 'in-progress' && current) {
    if (current.post?.result === 'fail') {
      findings.push({
        verdict: 'block',
        reason: `The gate of tier ${current.name} failed at ${isoText(current.post.at)} (${current.post.evidence}): ${rollbackPointer(change, context)}, or fix it and record a passing gate.`,
        evidence,
        key: `gate:${current.name}:post:failed:${current.post.uid}`,
      });
    } else {
      const soaking = current.soakUntil !== null && nowMs(context) < current.soakUntil;
      findings.push({
        verdict: 'pass',
        reason: current.post
          ? `The gate of tier ${current.name} passed at ${isoText(current.post.at)}: it may be promoted.`
          : soaking
            ? `Tier ${current.name} soaks until ${isoText(current.soakUntil ?? 0)}; record its gate then.`
            : `Tier ${current.name} has soaked: its gate is due before promoting.`,
        evidence,
      });
    }
  } else if (progress.state === 'rolled-back') {
    const failed = progress.tiers.find((tier) => tier.post?.result === 'fail' && tier === current);
    findings.push({ verdict: 'pass', reason: failed ? `Rolled back after the gate of tier ${failed.name} failed.` : 'Rolled back.', evidence });
  } else if (progress.state === 'completed') {
    findings.push({ verdict: 'pass', reason: `The pre-check and the gate of every tier were recorded before moving on.`, evidence });
  }
  for (const lifted of progress.lifted) {
    if (lifted.rule === 'service-checks') findings.push({ verdict: 'block', reason: `Went on without a passing check: ${lifted.reason}.`, key: lifted.key });
  }
  if (findings.length === 0) findings.push({ verdict: 'pass', reason: 'The change has no tiers to check.', evidence });
  return findings;
});

function gateLine(tier: TierProgress, phase: 'pre' | 'post', gate: GateRecord | null): string | null {
  if (!gate) return null;
  return `${phase === 'pre' ? 'pre-check' : 'gate'} of ${tier.name}: ${gate.result} at ${isoText(gate.at)} by ${gate.actor} (${gate.evidence})`;
}
