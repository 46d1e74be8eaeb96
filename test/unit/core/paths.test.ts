import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, findAppRoot } from '../../../src/main/core/paths';
import { APP_ROOT } from '../../fixtures/temp';

describe('defaultDataDir', () => {
  it('follows each platform’s user-data convention', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x/data' }, 'linux', '/home/ana')).toBe('/x/data/holdfast');
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.local/share/holdfast');
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Holdfast');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      path.join('C:\\Users\\ana\\AppData\\Roaming', 'Holdfast'),
    );
  });
});

describe('findAppRoot', () => {
  it('finds the folder holding Holdfast’s package.json from any file below it', () => {
    expect(findAppRoot(path.join(APP_ROOT, 'src', 'main', 'cli', 'main.ts'))).toBe(APP_ROOT);
  });
});
