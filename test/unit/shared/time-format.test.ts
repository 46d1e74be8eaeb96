import { describe, expect, it } from 'vitest';
import { minutesText, clockAtMinutes } from '../../../src/renderer/features/drills/format';
import { formatMinutes, timeTick } from '../../../src/renderer/features/metrics/format';
import { clockText, formatDuration } from '../../../src/shared/durations';
import { formatStamp, zonedParts } from '../../../src/shared/zoned-time';

describe('the one way an instant is written', () => {
  it('is date, 24-hour time and the zone, in any zone', () => {
    expect(formatStamp('2026-11-27T03:02:00Z', 'America/New_York')).toBe('2026-11-26 22:02 EST');
    expect(formatStamp('2026-07-01T18:35:00Z', 'America/Los_Angeles')).toBe('2026-07-01 11:35 PDT');
    expect(formatStamp('2026-11-27T14:50:00Z', 'Europe/Berlin')).toBe('2026-11-27 15:50 GMT+1');
    expect(formatStamp('2026-11-27T18:35:00Z', 'UTC')).toBe('2026-11-27 18:35 UTC');
    expect(zonedParts('2026-11-27T00:30:00Z', 'Asia/Kolkata')).toEqual({ date: '2026-11-27', time: '06:00', zoneName: 'GMT+5:30' });
    expect(formatStamp('not a time', 'UTC')).toBe('not a time');
  });

  it('labels a metrics axis on a 24-hour clock, never “06:35 PM”', () => {
    const label = timeTick(3_600_000)(Date.parse('2026-11-27T18:35:00Z'));
    expect(label).toMatch(/^\w{3} \d{1,2} \w{3} \d\d:\d\d$/);
    expect(label).not.toMatch(/AM|PM/i);
  });
});

describe('durations', () => {
  it('are said in hours, minutes and seconds, never as a decimal of a minute', () => {
    expect(formatDuration(24)).toBe('24 s');
    expect(formatDuration(260)).toBe('4 min 20 s');
    expect(formatDuration(3900)).toBe('1 h 5 min');
    expect(minutesText(0.4)).toBe('24 s');
    expect(minutesText(4.5)).toBe('4 min 30 s');
    expect(minutesText(null)).toBe('—');
    expect(formatMinutes(65)).toBe('1 h 5 min');
    expect(formatMinutes(0.2)).toBe('< 1 min');
  });

  it('on the drill clock read as the master clock does', () => {
    expect(clockText(260)).toBe('04:20');
    expect(clockText(4500)).toBe('75:00');
    expect(clockAtMinutes(0.4)).toBe('00:24');
    expect(clockAtMinutes(null)).toBe('—');
  });
});
