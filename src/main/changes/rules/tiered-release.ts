import { rule, type Finding } from './context';

/**
 * Rule 3, tiered release must be followed: at least the configured number of
 * tiers for the change's risk, the first one small, each reaching more than the
 * one before, and none skipped or cut short when walking (the walk refuses
 * that; an override lifts it and it shows here).
 */
export const tieredRelease = rule('tiered-release', (change, progress, context) => {
  const findings: Finding[] = [];
  const { minTiers, firstTierMaxPercent } = context.config.tieredRelease;
  const tiers = change.tiers;
  const ladder = tiers.map((tier) => `${tier.name} ${tier.percent} %`).join(' → ') || 'none';
  const evidence = [`tiers: ${ladder}`];
  const min = minTiers[change.risk];
  if (tiers.length < min) {
    findings.push({
      verdict: 'block',
      reason: `A ${change.risk}-risk change needs at least ${min} tier${min === 1 ? '' : 's'}; this one has ${tiers.length}. Add tiers such as a small canary first.`,
      evidence,
      key: 'min-tiers',
    });
  }
  const first = tiers[0];
  const maxFirst = firstTierMaxPercent[change.risk];
  if (first && first.percent > maxFirst) {
    findings.push({
      verdict: 'block',
      reason: `The first tier, ${first.name}, reaches ${first.percent} %; the first tier of a ${change.risk}-risk change may reach at most ${maxFirst} %.`,
      evidence,
      key: 'first-tier',
    });
  }
  tiers.forEach((tier, i) => {
    const before = tiers[i - 1];
    if (before && tier.percent <= before.percent) {
      findings.push({ verdict: 'block', reason: `Tier ${tier.name} (${tier.percent} %) reaches no more than ${before.name} before it (${before.percent} %).`, evidence, key: `order:${tier.name}` });
    }
  });
  const last = tiers.at(-1);
  if (last && last.percent < 100) {
    findings.push({ verdict: 'warn', reason: `The last tier, ${last.name}, reaches ${last.percent} %: the change never reaches everything.`, evidence, key: 'last-tier' });
  }
  for (const lifted of progress.lifted) {
    if (lifted.rule === 'tiered-release') findings.push({ verdict: 'block', reason: `Walked out of order: ${lifted.reason}.`, key: lifted.key });
  }
  if (findings.length === 0) {
    findings.push({
      verdict: 'pass',
      reason: `${tiers.length} tier${tiers.length === 1 ? '' : 's'}, the first reaching ${first?.percent ?? 0} % (at most ${maxFirst} % for ${change.risk} risk).`,
      evidence,
    });
  }
  return findings;
});
