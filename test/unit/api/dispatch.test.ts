import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch, serve, type Serving } from '../../../src/main/api';
import { EventBus } from '../../../src/main/core/events';
import { HoldfastError } from '../../../src/main/errors';
import type { RecoveryContext } from '../../../src/main/recovery/context';
import { RESPONDER, VIEWER } from '../../../src/shared/access';
import type { ChangeEvent } from '../../../src/shared/events';
import { memoryCore, op } from '../../fixtures/core';

/** A core with one incident, and every change event it announces from here on. */
async function coreWithIncident() {
  const { core } = memoryCore();
  const incident = await op(core, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2' });
  const events: ChangeEvent[] = [];
  core.events.subscribe((event) => events.push(event));
  return { core, incident, events };
}

afterEach(() => vi.restoreAllMocks());

describe('dispatch', () => {
  it('answers an unknown operation with UNKNOWN_OPERATION, quoting the name (cut short when long)', async () => {
    const { core } = memoryCore();
    const result = await dispatch(core, 'dropAllTables', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: expect.stringMatching(/^Unknown operation "dropAllTables"\. Known operations: .*logNote/) as string } });
    const long = await dispatch(core, 'x'.repeat(5000), {});
    expect(long.ok ? '' : long.error.message).toContain(`"${'x'.repeat(80)}…"`);
    // Names inherited from Object.prototype are not operations.
    expect(await dispatch(core, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await dispatch(core, 'hasOwnProperty', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('refuses a viewer a write before looking at its input: FORBIDDEN in words, nothing stored, nothing announced', async () => {
    const { core, incident, events } = await coreWithIncident();
    const result = await dispatch(core, 'logNote', { id: incident.id, text: 'From the wall display' }, VIEWER);
    expect(result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This console is read-only (viewer link): it cannot change anything. Open the responder link to make changes.' },
    });
    // Refused before validation: even junk input gets the refusal, not a validation message.
    expect(await dispatch(core, 'logNote', { junk: true }, VIEWER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await op(core, 'getTimeline', { id: incident.id })).not.toContainEqual(expect.objectContaining({ text: 'From the wall display' }));
    expect(events).toEqual([]);
  });

  it("refuses a viewer the drill's script with its own reason", async () => {
    const { core } = memoryCore();
    const result = await dispatch(core, 'listDrillScenarios', {}, VIEWER);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining("a drill's script") as string } });
    expect(await dispatch(core, 'listDrillScenarios', {}, RESPONDER)).toEqual({ ok: true, value: [] });
  });

  it('validates input with the operation’s schema, naming the field; unknown fields are refused', async () => {
    const { core } = memoryCore();
    expect(await dispatch(core, 'searchRunbooks', { query: 'disk', limit: 'ten' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', field: 'limit', message: '`limit` must be a number, not “ten”.' },
    });
    const extra = await dispatch(core, 'getRunbook', { id: 1, sql: 'DROP TABLE runbooks' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('sql') as string } });
  });

  it('applies schema defaults before the handler sees the input', async () => {
    const { core } = memoryCore();
    await op(core, 'saveRunbook', { metadata: { title: 'Disk full on the primary' }, body: '## Mitigation\n\n1. Free some space.\n' });
    // `limit` is left out: the schema's default reaches the handler, which would fail on undefined.
    expect(await dispatch(core, 'searchRunbooks', { query: 'disk' })).toMatchObject({ ok: true, value: [{ title: 'Disk full on the primary' }] });
  });

  it('passes an error the handler raised on purpose through with its code and field', async () => {
    const { core } = memoryCore();
    expect(await dispatch(core, 'getRunbook', { id: 404 })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No runbook with id 404.', field: 'id' } });
  });

  it('says an unforeseen failure as what was being done, logs the details, and announces nothing', async () => {
    const { core, incident, events } = await coreWithIncident();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    core.incidents.note = () => {
      throw new TypeError('Cannot read properties of undefined (reading "id")\n    at note (service.ts:1:1)');
    };
    const result = await dispatch(core, 'logNote', { id: incident.id, text: 'Rolled back' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: expect.stringMatching(/^Something failed inside Holdfast \(Cannot read properties of undefined \(reading "id"\)\) while working on “Add a note to the timeline”\. Try again/) as string,
      },
    });
    expect(result.ok ? '' : result.error.message).not.toMatch(/service\.ts|logNote/);
    expect(log).toHaveBeenCalledWith('[holdfast] logNote failed:', expect.any(TypeError));
    expect(events).toEqual([]);
  });

  it('announces the declared change after the write succeeded, with the ids it carries, and nothing when it fails', async () => {
    const { core, incident, events } = await coreWithIncident();
    const note = await op(core, 'logNote', { id: incident.id, text: 'Rolled back' });
    expect(events).toEqual([{ type: 'incident.changed', id: incident.id, eventId: note.id }]);

    events.length = 0;
    expect(await dispatch(core, 'logNote', { id: 999, text: 'Nowhere' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(core, 'logNote', { id: incident.id, text: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(events).toEqual([]);

    // Reads announce nothing.
    await op(core, 'getIncident', { id: incident.id });
    expect(events).toEqual([]);
  });

  it('keeps a succeeded write’s answer when a listener of its change fails', async () => {
    const { core, incident } = await coreWithIncident();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    core.events.subscribe(() => {
      throw new Error('a console went away');
    });
    expect(await dispatch(core, 'logNote', { id: incident.id, text: 'Still stored' })).toMatchObject({ ok: true, value: { text: 'Still stored' } });
    expect(log).toHaveBeenCalledWith('[holdfast] logNote succeeded, but announcing its change failed:', expect.any(Error));
  });
});

describe('the recovery operations, run by the same dispatcher without a store', () => {
  const restored = { restored: '/data/holdfast.db', backup: '/data/backups/b.db', previous: null, previousDamaged: true };
  const recovery: RecoveryContext = {
    dataDir: '/nowhere',
    state: () => ({ damaged: true, dataDir: '/data', databaseFile: '/data/holdfast.db', problem: 'The data file is damaged.', backups: [] }),
    restore: (file) => {
      if (file !== restored.backup) throw new HoldfastError('VALIDATION', `${file} is not one of the backups.`, 'file');
      return restored;
    },
  };
  const storeDamaged = (events: EventBus): Serving => ({ core: undefined, recovery: { context: recovery, events }, unavailable: () => 'The data file is damaged. Restore a backup.' });

  it('serves the recovery set over its own context and answers everything else STORE_UNREADABLE', async () => {
    const serving = storeDamaged(new EventBus());
    expect(await serve(serving, 'recoveryState', {}, RESPONDER)).toMatchObject({ ok: true, value: { damaged: true, problem: 'The data file is damaged.' } });
    expect(await serve(serving, 'getSession', {}, VIEWER)).toEqual({ ok: true, value: { role: 'viewer' } });
    expect(await serve(serving, 'listBackups', {}, RESPONDER)).toEqual({ ok: true, value: [] });
    expect(await serve(serving, 'listRunbooks', {}, RESPONDER)).toEqual({ ok: false, error: { code: 'STORE_UNREADABLE', message: 'The data file is damaged. Restore a backup.' } });
    expect(await serve(serving, 'noSuchOperation', {}, RESPONDER)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('applies the same refusal, validation and announcement to them', async () => {
    const events = new EventBus();
    const heard: ChangeEvent[] = [];
    events.subscribe((event) => heard.push(event));
    const serving = storeDamaged(events);

    expect(await serve(serving, 'restoreBackup', { file: restored.backup }, VIEWER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await serve(serving, 'restoreBackup', {}, RESPONDER)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'file' } });
    expect(await serve(serving, 'restoreBackup', { file: '/elsewhere.db' }, RESPONDER)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'file' } });
    expect(heard).toEqual([]);

    expect(await serve(serving, 'restoreBackup', { file: restored.backup }, RESPONDER)).toEqual({ ok: true, value: restored });
    expect(heard).toEqual([{ type: 'store.replaced' }]);
  });

  it('on a core opened on its own: not damaged, and a restore is refused while the store is in use', async () => {
    const { core } = memoryCore();
    expect(await dispatch(core, 'recoveryState', {})).toEqual({ ok: true, value: { damaged: false } });
    expect(await dispatch(core, 'restoreBackup', { file: '/data/backups/b.db' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('The store is open here') as string },
    });
  });
});
