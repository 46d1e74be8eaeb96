import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceDir } from '../../../src/main/sync/service';
import { op } from '../../fixtures/core';
import { closeMachines, twoDemoMachines, type Machine } from './helpers';

afterEach(closeMachines);

const titles = async (m: Machine) => (await op(m.core, 'listDrillScenarios', {})).map((scenario) => scenario.title);
const drillFiles = (m: Machine) => fs.readdirSync(path.join(workspaceDir(m.dataDir), 'drills')).sort();

describe('a drill scenario taken in from the team workspace', () => {
  it('keeps the uid it has there: the machine that takes it in does not share it back as a second copy', { timeout: 120_000 }, async () => {
    const { a, b } = await twoDemoMachines();
    const onA = await titles(a);
    expect(onA).toHaveLength(1);
    expect(await titles(b)).toEqual(onA);
    expect(drillFiles(b)).toHaveLength(1);
    expect((await op(b.core, 'sync', {})).pushed).toBe(0);
    expect((await op(a.core, 'sync', {})).pulled.drills).toBe(0);
    expect(drillFiles(a)).toEqual(drillFiles(b));
    expect(await titles(a)).toEqual(onA);
  });
});
