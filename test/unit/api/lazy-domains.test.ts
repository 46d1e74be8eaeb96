import { describe, expect, it } from 'vitest';
import { dispatch, operationNames } from '../../../src/main/api';
import { Core } from '../../../src/main/core/core';
import { fixedClock } from '../../../src/main/core/clock';
import { forgetLoadedDomains, loadDomains } from '../../../src/main/core/domains';
import { operations } from '../../../src/main/op-table';
import { forkSeeded, NEEDS_A_CONNECTED_FOLDER, sampleInputs, seededCore } from '../../fixtures/seeded';

/**
 * The dispatcher loads an operation's domains on demand (src/main/core/domains.ts),
 * so the CLI reads only what a command needs. Each read operation here runs on a
 * core whose domains were not loaded before it, as in a new `holdfast` process: one
 * that used a domain its declaration does not load would fail with an internal error.
 */
describe('each operation loads the code it uses', () => {
  it('every read answers from a fresh start, with nothing loaded beforehand', async () => {
    const seeded = await seededCore();
    const inputs = sampleInputs(seeded);
    const failures: string[] = [];
    try {
      for (const name of operationNames.filter((n) => operations[n].access === 'read' && !NEEDS_A_CONNECTED_FOLDER.includes(n))) {
        const copy = forkSeeded(seeded);
        forgetLoadedDomains();
        const fresh = new Core(copy.core.store, { dataDir: copy.dataDir, assetsDir: copy.core.options.assetsDir, clock: fixedClock('2026-11-27T03:00:00Z') });
        const result = await dispatch(fresh, name, inputs[name]);
        if (!result.ok && result.error.code === 'INTERNAL') failures.push(`${name}: ${result.error.message}`);
        copy.core.store.close();
      }
    } finally {
      await loadDomains();
    }
    expect(failures).toEqual([]);
  });
});
