import { describe, expect, it } from 'vitest';
import { dispatch, operationNames, type OperationName } from '../../../src/main/api';
import { operations } from '../../../src/main/op-table';
import { fixedClock } from '../../../src/main/core/clock';
import { openCore, type Core } from '../../../src/main/core/core';
import { CoreKeeper } from '../../../src/main/core/keeper';
import { createBackup } from '../../../src/main/store/backup';
import type { ChangeEvent } from '../../../src/shared/events';
import { op } from '../../fixtures/core';
import { forkSeeded, NEEDS_A_CONNECTED_FOLDER, sampleInputs, seededCore } from '../../fixtures/seeded';
import { ASSETS_DIR, tempDir } from '../../fixtures/temp';

/** Every operation that changes stored data, straight from the merged table: a new one is in here the day it is declared. */
const writes = operationNames.filter((name) => operations[name].access === 'write');

/** Whether the records a change event names exist after the change, so a console that hears it can fetch them. */
async function expectNamesRealRecords(core: Core, event: ChangeEvent, context: string): Promise<void> {
  switch (event.type) {
    case 'incident.changed': {
      const timeline = await op(core, 'getTimeline', { id: event.id });
      if (event.eventId !== undefined) expect(timeline.map((entry) => entry.id), context).toContain(event.eventId);
      break;
    }
    case 'drill.changed':
      await op(core, 'getDrill', { id: event.id });
      break;
    case 'changes.changed':
      if (event.id !== undefined) await op(core, 'getChange', { id: event.id });
      break;
    case 'postmortem.changed':
      await op(core, 'getPostmortem', { incidentId: event.incidentId });
      break;
    default:
      break;
  }
}

describe('every write operation announces its change', () => {
  it('finds the writes in the table, post-mortems and drills among them', () => {
    expect(writes).toEqual(expect.arrayContaining(['logNote', 'savePostmortem', 'saveActionItem', 'regeneratePostmortem', 'draftPostmortem', 'startDrill', 'saveDrillScenario', 'restoreBackup']));
    expect(writes).not.toContain('getPostmortem');
  });

  // Every write operation on a seeded store, one after another: it grows with the API and took 22 s on a loaded machine.
  it('each, on success, emits a change event naming records that exist', { timeout: 90_000 }, async () => {
    // One test: the seeded workspace's files (imports, exports) live for one test.
    const template = await seededCore();
    const problems: string[] = [];
    try {
      for (const name of writes.filter((write) => write !== 'restoreBackup' && !NEEDS_A_CONNECTED_FOLDER.includes(write))) {
        const seeded = forkSeeded(template);
        try {
          const input = (sampleInputs(seeded) as Partial<Record<OperationName, unknown>>)[name];
          // A write declared without a sample input fails here, rather than going untested.
          if (input === undefined) {
            problems.push(`${name}: test/fixtures/seeded.ts has no sample input for it`);
            continue;
          }
          const events: ChangeEvent[] = [];
          seeded.core.events.subscribe((event) => events.push(event));
          const result = await dispatch(seeded.core, name, input);
          if (!result.ok) problems.push(`${name}: failed on its sample input: ${result.error.message}`);
          else if (events.length === 0) problems.push(`${name}: succeeded and announced nothing`);
          for (const event of events) await expectNamesRealRecords(seeded.core, event, `${name}: ${JSON.stringify(event)}`);
        } finally {
          seeded.core.close();
        }
      }
    } finally {
      template.core.close();
    }
    expect(problems).toEqual([]);
  });

  it('restoreBackup, on a running app’s keeper, tells every console the store was replaced', async () => {
    const dataDir = tempDir();
    const clock = fixedClock('2026-11-27T03:00:00Z');
    const core = openCore({ dataDir, assetsDir: ASSETS_DIR, clock, create: 'always' });
    const backup = await createBackup(core.store, dataDir, clock.now());
    core.close();
    const keeper = await CoreKeeper.open({ dataDir, assetsDir: ASSETS_DIR, clock, demo: false, scheduler: false });
    try {
      const events: ChangeEvent[] = [];
      keeper.events.subscribe((event) => events.push(event));
      expect(await keeper.dispatch('restoreBackup', { file: backup.file })).toMatchObject({ ok: true });
      expect(events).toEqual([{ type: 'store.replaced' }]);
    } finally {
      keeper.close();
    }
  });
});

describe('post-mortem changes reach a second console', () => {
  it('savePostmortem, saveActionItem and regeneratePostmortem each say which incident’s post-mortem changed', async () => {
    const seeded = await seededCore();
    try {
      const events: ChangeEvent[] = [];
      seeded.core.events.subscribe((event) => events.push(event));
      const incidentId = seeded.incidentId;
      await op(seeded.core, 'savePostmortem', { incidentId, sections: { summary: 'Checkout failed for 20 minutes.' } });
      await op(seeded.core, 'saveActionItem', { incidentId, description: 'Alert on checkout 5xx', type: 'prevent' });
      await op(seeded.core, 'regeneratePostmortem', { incidentId });
      expect(events).toEqual([
        { type: 'postmortem.changed', incidentId },
        { type: 'postmortem.changed', incidentId },
        { type: 'postmortem.changed', incidentId },
      ]);
    } finally {
      seeded.core.close();
    }
  });
});
