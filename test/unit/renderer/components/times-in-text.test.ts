import { describe, expect, it } from 'vitest';
import { timesInText } from '../../../../src/renderer/components/times-in-text';

describe('instants in the text the core writes', () => {
  it('cuts a rule’s reason into its words and its instants, each instant as UTC ISO-8601 for LocalTime', () => {
    expect(timesInText('Freeze window "Year end" (checkout) is in force from 2026-12-20T00:00:00.000Z to 2026-12-21T00:00Z, during the change.')).toEqual([
      { text: 'Freeze window "Year end" (checkout) is in force from ' },
      { iso: '2026-12-20T00:00:00.000Z' },
      { text: ' to ' },
      { iso: '2026-12-21T00:00:00.000Z' },
      { text: ', during the change.' },
    ]);
  });

  it('reads an instant with an offset as its UTC instant, and leaves dates, clock times and impossible instants as text', () => {
    expect(timesInText('since 2026-11-27T03:00:00+01:00')).toEqual([{ text: 'since ' }, { iso: '2026-11-27T02:00:00.000Z' }]);
    expect(timesInText('on 2026-11-27 at 03:00, not 2026-13-45T99:99Z')).toEqual([{ text: 'on 2026-11-27 at 03:00, not 2026-13-45T99:99Z' }]);
    expect(timesInText('')).toEqual([]);
  });
});
