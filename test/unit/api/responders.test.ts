import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api';
import { RESPONDER, VIEWER, type Session } from '../../../src/shared/access';
import type { TimelineEvent } from '../../../src/shared/incidents';
import { encodeResponder } from '../../../src/shared/sync';
import { memoryCore, op } from '../../fixtures/core';

/** A responder's console that named who is at it. */
const as = (name: string, handle: string | null = null): Session => ({ role: 'responder', responder: encodeResponder({ name, handle }) });

async function timeline(core: ReturnType<typeof memoryCore>['core'], id: number): Promise<TimelineEvent[]> {
  return op(core, 'getTimeline', { id });
}

describe('each responder under their own name', () => {
  it('writes every event of a call under the responder its console named, with their handle; a console that named nobody writes under the Settings name', async () => {
    const { core } = memoryCore();
    const declared = await dispatch(core, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2' }, as('Ana Lima', 'ana'));
    if (!declared.ok) throw new Error(declared.error.message);
    const id = (declared.value as { id: number }).id;
    expect((await dispatch(core, 'logNote', { id, text: 'Primary is failing over' }, as('Bo Andersen'))).ok).toBe(true);
    expect((await dispatch(core, 'changeStatus', { id, status: 'identified' }, as('Zoë Ōtsuka', 'zoe'))).ok).toBe(true);
    expect((await dispatch(core, 'logNote', { id, text: 'From a console without a name' }, RESPONDER)).ok).toBe(true);

    const events = await timeline(core, id);
    expect(events.map((event) => [event.type, event.actor, event.actorHandle])).toEqual([
      ['declared', 'Ana Lima', 'ana'],
      ['note', 'Bo Andersen', null],
      // Changing status acknowledges first: both events are the same responder's.
      ['acknowledged', 'Zoë Ōtsuka', 'zoe'],
      ['status_changed', 'Zoë Ōtsuka', 'zoe'],
      ['note', 'tester', null],
    ]);
  });

  it('signs runbook revisions with the responder’s name', async () => {
    const { core } = memoryCore();
    const saved = await dispatch(core, 'saveRunbook', { metadata: { title: 'Replica lag' }, body: '# Replica lag\n\n## Mitigation\n\n1. Check lag\n' }, as('Chen Wei', 'chen'));
    if (!saved.ok) throw new Error(saved.error.message);
    const revisions = await op(core, 'listRunbookRevisions', { id: (saved.value as { id: number }).id });
    expect(revisions.map((revision) => revision.author)).toEqual(['Chen Wei']);
  });

  it('refuses a write whose console sent a name that cannot be one, in words, storing nothing', async () => {
    const { core } = memoryCore();
    const { id } = await op(core, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2' });
    const garbled = await dispatch(core, 'logNote', { id, text: 'x' }, { role: 'responder', responder: '%7Bnot json' });
    expect(garbled).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'This console’s responder name could not be read: choose your name again (the name button at the top of the console).' },
    });
    const broken = await dispatch(core, 'logNote', { id, text: 'x' }, { role: 'responder', responder: encodeURIComponent(JSON.stringify({ name: 'Ana\u0007', handle: null })) });
    expect(broken).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^The responder name from this console has a control character/) as string } });
    const long = await dispatch(core, 'logNote', { id, text: 'x' }, { role: 'responder', responder: encodeURIComponent(JSON.stringify({ name: 'a'.repeat(101), handle: null })) });
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('at most 100 characters') as string } });
    expect((await timeline(core, id)).map((event) => event.type)).toEqual(['declared']);
    // A read writes nothing: the name is not looked at, so a console with a bad one can still show the incident.
    expect((await dispatch(core, 'getTimeline', { id }, { role: 'responder', responder: '%7Bnot json' })).ok).toBe(true);
  });

  it('leaves a viewer anonymous: whatever name it sends, it may read and may not write', async () => {
    const { core } = memoryCore();
    const { id } = await op(core, 'declareIncident', { title: 'Checkout errors', severity: 'SEV2' });
    const viewer = { ...VIEWER, responder: encodeResponder({ name: 'Wall', handle: null }) };
    expect((await dispatch(core, 'getTimeline', { id }, viewer)).ok).toBe(true);
    expect(await dispatch(core, 'logNote', { id, text: 'x' }, viewer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
