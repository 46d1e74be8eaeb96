import { describe, expect, it } from 'vitest';
import { parseWindows, windowsText } from '../../../src/main/sync/window-file';

const FREEZE = { uid: '01KDVDNA00GGGGGGGGGGGGGGGG', name: 'Holiday freeze', kind: 'freeze' as const, services: 'all' as const, from: '2026-12-20T00:00:00Z', to: '2027-01-03T00:00:00Z', reason: 'the holidays' };

describe('windows.yaml', () => {
  it('reads back what it writes, and one set of windows gives one text whatever their order', () => {
    const peak = { uid: '01KDVDNA00HHHHHHHHHHHHHHHH', name: 'Black Friday', kind: 'peak' as const, services: ['checkout'], cron: '0 0 27 11 *', duration: '1d', zone: 'America/New_York', reason: '' };
    const text = windowsText([FREEZE, peak]);
    expect(windowsText([peak, FREEZE])).toBe(text);
    expect(parseWindows(text)).toEqual({ windows: [peak, FREEZE], unreadable: [], problems: [] });
    expect(parseWindows('')).toEqual({ windows: [], unreadable: [], problems: [] });
    expect(parseWindows('windows: []\n').windows).toEqual([]);
  });

  it('gives an entry written without an id the same id on every machine, made from its name', () => {
    const text = 'windows:\n  - name: Quarter close\n    kind: peak\n    from: 2026-12-30T00:00:00Z\n    to: 2027-01-01T00:00:00Z\n';
    const [first] = parseWindows(text).windows ?? [];
    expect(first?.uid).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(parseWindows(text).windows?.[0]?.uid).toBe(first?.uid);
  });

  it('says in words, with the line, what is wrong with a file or an entry, and reads the other entries', () => {
    expect(parseWindows('- name: x\n').problems).toEqual([{ path: 'windows.yaml', line: 1, message: expect.stringContaining('is not a list of windows') as string }]);
    expect(parseWindows('windows: [\n').problems[0]).toMatchObject({ path: 'windows.yaml', line: 2 });
    const text = `${windowsText([FREEZE])}  - id: not-a-ulid\n    name: Odd\n    kind: freeze\n    from: 2026-12-01T00:00:00Z\n    to: 2026-12-02T00:00:00Z\n  - id: 01KDVDNA00JJJJJJJJJJJJJJJJ\n    name: Backwards\n    kind: peak\n    from: 2026-12-02T00:00:00Z\n    to: 2026-12-01T00:00:00Z\n`;
    const read = parseWindows(text);
    expect(read.windows).toEqual([FREEZE]);
    expect(read.unreadable).toEqual(['01KDVDNA00JJJJJJJJJJJJJJJJ']);
    const lines = text.split('\n');
    expect(read.problems).toEqual([
      { path: 'windows.yaml', line: lines.indexOf('  - id: not-a-ulid') + 1, message: 'windows[1].id "not-a-ulid" is not a ULID (26 letters and digits); remove it and Holdfast gives the window one' },
      { path: 'windows.yaml', line: lines.indexOf('    to: 2026-12-01T00:00:00Z') + 1, message: 'windows[2]: to: must be after from' },
    ]);
  });
});
