import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, operationNames } from '../../../src/main/api';
import { operations } from '../../../src/main/op-table';
import { startWebServer, type WebServer } from '../../../src/main/server/listen';
import { VIEWER } from '../../../src/shared/access';
import type { DrillRun } from '../../../src/shared/drills';
import { forkSeeded, NEEDS_A_CONNECTED_FOLDER, sampleInputs, seededCore, storeSnapshot, type Seeded } from '../../fixtures/seeded';
import { tempDir, writeFiles } from '../../fixtures/temp';

/** Every operation a viewer may not call, save those reading a drill's script (below): those that change data, write files or cost work. */
const writeOperations = operationNames.filter((name) => operations[name].access === 'write' || operations[name].access === 'effect');
const readOperations = operationNames.filter((name) => operations[name].access === 'read');
const scriptOperations = operationNames.filter((name) => operations[name].access === 'script');

describe('operation access', () => {
  it('keeps a viewer off everything that changes data or writes on the machine', () => {
    expect(writeOperations).toEqual(
      expect.arrayContaining(['saveRunbook', 'logNote', 'declareIncident', 'createBackup', 'exportRunbooks', 'exportBreakGlass', 'previewRunbook', 'draftPostmortem']),
    );
    expect(readOperations).toEqual(expect.arrayContaining(['getPostmortem', 'exportPostmortem', 'getIncident']));
  });

  it('has a sample input for every operation a viewer may not call that a responder succeeds with (so the refusals below are real)', async () => {
    const seeded = await seededCore();
    // restoreBackup swaps the store under the core, which only a running app's keeper can do (test/unit/core/keeper.test.ts).
    for (const name of writeOperations.filter((op) => op !== 'restoreBackup' && !NEEDS_A_CONNECTED_FOLDER.includes(op))) {
      const copy = forkSeeded(seeded);
      try {
        const result = await dispatch(copy.core, name, sampleInputs(copy)[name]);
        expect(result, name).toMatchObject({ ok: true });
      } finally {
        copy.core.close();
      }
    }
    seeded.core.close();
  });
});

describe('a viewer session', () => {
  let template: Seeded;
  let seeded: Seeded;
  let server: WebServer;

  beforeAll(async () => {
    template = await seededCore();
  });
  afterAll(() => template.core.close());

  beforeEach(async () => {
    seeded = forkSeeded(template);
    const rendererDir = tempDir();
    writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Holdfast</title>' });
    server = await startWebServer({ core: seeded.core, rendererDir, host: '127.0.0.1', port: 0 });
  });

  afterEach(async () => {
    await server.close();
    seeded.core.close();
  });

  const post = (operation: string, body: unknown, token: string) =>
    fetch(`${server.origin}/api/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it.each(writeOperations)('cannot call %s, directly or over HTTP, and the store stays as it was', async (name) => {
    const input = sampleInputs(seeded)[name];
    const before = storeSnapshot(seeded.core);

    const direct = await dispatch(seeded.core, name, input, VIEWER);
    expect(direct).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('read-only') as string } });
    // Said in words: a person reads it on a screen, so never the operation's internal name.
    expect(direct.ok ? '' : direct.error.message).not.toContain(name);

    const response = await post(name, input, server.viewerToken);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(storeSnapshot(seeded.core)).toEqual(before);
  });

  it('can call every read operation', async () => {
    for (const name of readOperations) {
      const response = await post(name, sampleInputs(seeded)[name], server.viewerToken);
      const body = (await response.json()) as { ok: boolean; error?: { code: string } };
      expect(body.error?.code, name).not.toBe('FORBIDDEN');
    }
  });

  it.each(scriptOperations)('cannot read the drill script through %s', async (name) => {
    const response = await post(name, sampleInputs(seeded)[name], server.viewerToken);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining("drill's script") as string } });
    expect(await (await post(name, sampleInputs(seeded)[name], server.token)).json()).toMatchObject({ ok: true });
  });

  it('sees a running drill without its script: no facilitator notes, nothing of an inject before it fires', async () => {
    const asResponder = (await (await post('getDrill', { id: seeded.runId }, server.token)).json()) as { value: DrillRun };
    const asViewer = (await (await post('getDrill', { id: seeded.runId }, server.viewerToken)).json()) as { value: DrillRun };
    const pending = asResponder.value.injects.filter((inject) => inject.status !== 'fired');
    expect(pending.length).toBeGreaterThan(0);
    expect(asResponder.value.injects.some((inject) => inject.facilitatorNotes !== '')).toBe(true);

    const shown = JSON.stringify(asViewer.value);
    for (const inject of asResponder.value.injects) {
      if (inject.facilitatorNotes) expect(shown).not.toContain(inject.facilitatorNotes);
    }
    for (const inject of pending) {
      expect(shown).not.toContain(inject.text);
      expect(shown).not.toContain(inject.title);
    }
    expect(asViewer.value.injects.map((inject) => [inject.injectId, inject.status, inject.dueInSeconds])).toEqual(
      asResponder.value.injects.map((inject) => [inject.injectId, inject.status, inject.dueInSeconds]),
    );
  });

  it('learns its role from getSession, as the responder does', async () => {
    expect(await (await post('getSession', {}, server.viewerToken)).json()).toEqual({ ok: true, value: { role: 'viewer' } });
    expect(await (await post('getSession', {}, server.token)).json()).toEqual({ ok: true, value: { role: 'responder' } });
  });

  it('uses its own random token, distinct from the responder one', () => {
    expect(server.viewerUrl).toBe(`${server.origin}/#token=${server.viewerToken}`);
    // The wall display's link is the viewer's, opening on the wall of every open incident.
    expect(server.wallUrl).toBe(`${server.origin}/#token=${server.viewerToken}&to=/wall`);
    expect(server.viewerToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(server.viewerToken).not.toBe(server.token);
  });
});
