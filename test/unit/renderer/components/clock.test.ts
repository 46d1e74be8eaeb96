import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../src/main/core/clock';
import { systemClock } from '../../../../src/shared/clock';
import { clock, setClock } from '../../../../src/renderer/components/clock';
import { lastDays } from '../../../../src/renderer/features/oncall/load/period';

describe("the console's one clock", () => {
  afterEach(() => setClock(systemClock));

  it('is the clock interface the core uses, so a test clock from the core drives the console too', () => {
    const test = fixedClock('2026-03-29T00:30:00Z');
    setClock(test);
    expect(clock.now().toISOString()).toBe('2026-03-29T00:30:00.000Z');
    test.advance(90 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-03-29T02:00:00.000Z');
  });

  it('is what the on-call screens count their days from', () => {
    setClock(fixedClock('2026-03-29T12:00:00Z'));
    expect(lastDays(30)).toEqual({ from: '2026-02-28', to: '2026-03-29' });
  });
});
