import { describe, expect, it } from 'vitest';
import { rulesConfig } from '../../../src/main/changes/config';
import { DEFAULT_CHANGE_RULES } from '../../../src/shared/changes';

describe('the rules’ configuration', () => {
  it('is the documented defaults unless a workspace says otherwise', () => {
    expect(rulesConfig()).toEqual(DEFAULT_CHANGE_RULES);
    expect(DEFAULT_CHANGE_RULES.advanceNotice.hours.normal).toEqual({ low: 24, medium: 48, high: 72 });
  });

  it('takes one setting at any depth and keeps the rest', () => {
    const config = rulesConfig({ tieredRelease: { minTiers: { high: 4 } }, completeSteps: { markers: ['TODO', 'XXX'] } });
    expect(config.tieredRelease).toEqual({ minTiers: { low: 1, medium: 2, high: 4 }, firstTierMaxPercent: DEFAULT_CHANGE_RULES.tieredRelease.firstTierMaxPercent });
    expect(config.completeSteps.markers).toEqual(['TODO', 'XXX']);
    expect(config.advanceNotice).toEqual(DEFAULT_CHANGE_RULES.advanceNotice);
  });

  it('refuses a bad setting, naming where it is', () => {
    expect(() => rulesConfig({ peakWindows: { freeze: { normal: 'maybe' } } })).toThrow(/^`peakWindows\.freeze\.normal` must be one of/);
    expect(() => rulesConfig({ tieredRelease: { firstTierMaxPercent: { high: 0 } } })).toThrow(/`tieredRelease\.firstTierMaxPercent\.high`/);
    expect(() => rulesConfig({ advanceNotice: { hour: {} } })).toThrow(/`advanceNotice` has a key it does not know: .hour./);
  });
});
