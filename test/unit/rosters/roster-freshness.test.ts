import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/main/core/clock';
import { openCore, type Core } from '../../../src/main/core/core';
import { op } from '../../fixtures/core';
import { documentedRoster } from '../../fixtures/roster';
import { ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

const open: Core[] = [];
afterEach(() => {
  for (const core of open.splice(0)) core.close();
});

function coreOn(dataDir: string): Core {
  const core = openCore({ dataDir, assetsDir: ASSETS_DIR, clock: fixedClock('2026-12-20T12:00:00Z'), create: 'always' });
  open.push(core);
  return core;
}

describe('who is on call stays current', () => {
  it('sees an override made here, and one made by another program on the same store (the CLI beside the app)', async () => {
    const dataDir = tempDir();
    writeFiles(dataDir, { 'roster.yaml': documentedRoster() });
    const app = coreOn(dataDir);
    await op(app, 'importRoster', { path: path.join(dataDir, 'roster.yaml') });
    const at = '2026-12-27T15:00:00Z';
    const before = (await op(app, 'whoIsOnCall', { schedule: 'Platform', at }))[0]?.person?.handle;
    expect(before).toBeDefined();
    const other = before === 'chen' ? 'eli' : 'chen';

    await op(app, 'createOverride', { schedule: 'Platform', person: other, start: '2026-12-27T14:00:00Z', end: '2026-12-27T16:00:00Z', note: '' });
    expect((await op(app, 'whoIsOnCall', { schedule: 'Platform', at }))[0]?.person?.handle).toBe(other);

    const cli = coreOn(dataDir);
    const [override] = (await op(cli, 'getRoster', {})).overrides.filter((o) => o.schedule === 'Platform' && o.person === other);
    await op(cli, 'deleteOverride', { id: override?.id ?? 0 });
    expect((await op(app, 'whoIsOnCall', { schedule: 'Platform', at }))[0]?.person?.handle).toBe(before);
  });
});
