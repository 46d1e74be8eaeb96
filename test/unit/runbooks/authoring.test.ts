import { describe, expect, it } from 'vitest';
import { memoryCore, op, opError } from '../../fixtures/core';

const metadata = { title: 'Cache stampede', services: ['search'], tags: ['latency'] };
const BODY = '## Mitigation\n\n- [ ] Enable request coalescing ⏱ 5m\n- Warm the cache with `cachectl warm --all`\n';

describe('authoring runbooks', () => {
  it('creates a runbook as revision 1 with its steps, and each save adds a revision', async () => {
    const { core, clock } = memoryCore();
    const created = await op(core, 'saveRunbook', { metadata, body: BODY });
    expect(created).toMatchObject({ title: 'Cache stampede', origin: 'app', revision: 1, stepCount: 2 });
    expect(created.uid).toMatch(/^rb_[0-9a-f]{12}$/);
    expect(created.steps.map((step) => [step.timerSeconds, step.commands])).toEqual([
      [300, []],
      [null, ['cachectl warm --all']],
    ]);

    clock.advance(60_000);
    const edited = await op(core, 'saveRunbook', {
      id: created.id,
      baseRevision: 1,
      metadata: { ...metadata, owner: 'team-search' },
      body: BODY.replace('--all', '--hot'),
      author: 'ana',
      message: 'Only warm hot keys',
    });
    expect(edited.revision).toBe(2);
    // The untouched step keeps its id; the edited one gets a new one.
    expect(edited.steps[0]?.id).toBe(created.steps[0]?.id);
    expect(edited.steps[1]?.id).not.toBe(created.steps[1]?.id);

    const revisions = await op(core, 'listRunbookRevisions', { id: created.id });
    expect(revisions.map((r) => [r.number, r.author, r.message])).toEqual([
      [2, 'ana', 'Only warm hot keys'],
      [1, 'tester', 'Created'],
    ]);
  });

  it('every operation that takes a runbook id also takes its stable id (rb_…)', async () => {
    const { core } = memoryCore();
    const created = await op(core, 'saveRunbook', { metadata, body: BODY });
    const uid = created.uid;
    expect((await op(core, 'getRunbook', { id: uid })).id).toBe(created.id);
    const edited = await op(core, 'saveRunbook', { id: uid, baseRevision: 1, metadata, body: `${BODY}- Check the hit rate\n` });
    expect(edited).toMatchObject({ id: created.id, revision: 2 });
    expect((await op(core, 'listRunbookRevisions', { id: uid })).map((revision) => revision.number)).toEqual([2, 1]);
    expect((await op(core, 'getRunbookRevision', { id: uid, number: 1 })).title).toBe('Cache stampede');
    expect((await op(core, 'diffRunbookRevisions', { id: uid, from: 1, to: 2 })).unified).toContain('+- Check the hit rate');
    expect((await op(core, 'restoreRunbookRevision', { id: uid, number: 1 })).revision).toBe(3);
    expect((await op(core, 'archiveRunbook', { id: uid })).archived).toBe(true);
    expect((await op(core, 'unarchiveRunbook', { id: uid })).archived).toBe(false);
    const copy = await op(core, 'duplicateRunbook', { id: uid });
    expect(copy.title).toBe('Cache stampede (copy)');
    expect((await op(core, 'relatedRunbooks', { id: uid })).map((related) => related.id)).toEqual([copy.id]);

    const incident = await op(core, 'declareIncident', { title: 'Search slow', severity: 'SEV2' });
    await op(core, 'attachRunbook', { id: incident.id, runbookId: uid });
    const step = created.steps[0]?.id ?? '';
    expect((await op(core, 'setStepState', { id: incident.id, runbookId: uid, stepId: step, state: 'done' })).type).toBe('step_done');
    expect((await op(core, 'getIncident', { id: incident.id })).runbooks.map((runbook) => runbook.runbookId)).toEqual([created.id]);

    expect(await opError(core, 'getRunbook', { id: 'rb_000000000000' })).toMatchObject({ code: 'NOT_FOUND', message: 'No runbook with id rb_000000000000.' });
  });

  it('saving identical content adds no revision', async () => {
    const { core } = memoryCore();
    const created = await op(core, 'saveRunbook', { metadata, body: BODY });
    const again = await op(core, 'saveRunbook', { id: created.id, metadata, body: BODY });
    expect(again.revision).toBe(1);
  });

  it('refuses a save over a newer revision, naming who changed it, and keeps both intact', async () => {
    const { core } = memoryCore();
    const created = await op(core, 'saveRunbook', { metadata, body: BODY });
    await op(core, 'saveRunbook', { id: created.id, baseRevision: 1, metadata, body: `${BODY}\nMore.\n`, author: 'bo' });
    const error = await opError(core, 'saveRunbook', { id: created.id, baseRevision: 1, metadata, body: 'mine' });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'baseRevision' });
    expect(error.message).toMatch(/revision 2 was saved by bo/);
    expect((await op(core, 'getRunbook', { id: created.id })).body).toContain('More.');
  });

  it('validates metadata and names the field', async () => {
    const { core } = memoryCore();
    const noTitle = await opError(core, 'saveRunbook', { metadata: { title: '  ' }, body: 'x' });
    expect(noTitle).toMatchObject({ code: 'VALIDATION', field: 'metadata.title' });
    const badLink = await opError(core, 'saveRunbook', {
      metadata: { title: 'x', links: [{ label: 'evil', url: 'javascript:alert(1)' }] },
      body: 'x',
    });
    expect(badLink).toMatchObject({ code: 'VALIDATION', field: 'metadata.links.0.url' });
    const badDate = await opError(core, 'saveRunbook', { metadata: { title: 'x', lastReviewed: '2026-02-30' }, body: 'x' });
    expect(badDate.field).toBe('metadata.lastReviewed');
  });

  it('diffs two revisions and restores an old one as a new revision', async () => {
    const { core } = memoryCore();
    const created = await op(core, 'saveRunbook', { metadata, body: BODY });
    await op(core, 'saveRunbook', { id: created.id, metadata: { ...metadata, title: 'Cache stampede (v2)' }, body: BODY });

    const diff = await op(core, 'diffRunbookRevisions', { id: created.id, from: 1, to: 2 });
    expect(diff.lines.filter((line) => line.kind !== 'context').map((line) => line.text)).toEqual([
      expect.stringMatching(/^@@/) as string,
      '-title: Cache stampede',
      '+title: Cache stampede (v2)',
    ]);

    const restored = await op(core, 'restoreRunbookRevision', { id: created.id, number: 1 });
    expect(restored).toMatchObject({ title: 'Cache stampede', revision: 3 });
    const [latest] = await op(core, 'listRunbookRevisions', { id: created.id });
    expect(latest?.message).toBe('Restored revision 1');
    expect(await opError(core, 'getRunbookRevision', { id: created.id, number: 9 })).toMatchObject({ code: 'NOT_FOUND', field: 'number' });
  });

  it('duplicates into a new runbook and archives without deleting', async () => {
    const { core } = memoryCore();
    const created = await op(core, 'saveRunbook', { metadata, body: BODY });
    const copy = await op(core, 'duplicateRunbook', { id: created.id });
    expect(copy).toMatchObject({ title: 'Cache stampede (copy)', revision: 1 });
    expect(copy.uid).not.toBe(created.uid);

    await op(core, 'archiveRunbook', { id: created.id });
    expect((await op(core, 'listRunbooks', {})).items.map((item) => item.id)).toEqual([copy.id]);
    expect((await op(core, 'listRunbooks', { archived: true })).items.map((item) => item.id)).toEqual([created.id]);
    expect((await op(core, 'searchRunbooks', { query: 'coalescing' })).map((hit) => hit.id)).toEqual([copy.id]);
    expect((await op(core, 'getRunbook', { id: created.id })).archived).toBe(true);

    await op(core, 'unarchiveRunbook', { id: created.id });
    expect((await op(core, 'listRunbooks', {})).items).toHaveLength(2);
  });

  it('marks runbooks past their review date and filters them', async () => {
    const { core, clock } = memoryCore('2026-06-01T12:00:00Z');
    const reviewed = { ...metadata, lastReviewed: '2026-03-01', reviewIntervalDays: 90 };
    const due = await op(core, 'saveRunbook', { metadata: reviewed, body: BODY });
    await op(core, 'saveRunbook', { metadata: { ...metadata, title: 'Never reviewed' }, body: BODY });
    expect(due).toMatchObject({ reviewDue: true, nextReviewOn: '2026-05-30' });
    expect((await op(core, 'listRunbooks', { needsReview: true })).items.map((i) => i.title)).toEqual(['Cache stampede']);
    expect((await op(core, 'listRunbooks', {})).reviewDueCount).toBe(1);

    clock.set('2026-05-01T00:00:00Z');
    expect((await op(core, 'getRunbook', { id: due.id })).reviewDue).toBe(false);
  });

  it('previews the steps of a body without saving, with warnings', async () => {
    const { core } = memoryCore();
    const preview = await op(core, 'previewRunbook', { body: `${BODY}- wait ⏱ later\n` });
    expect(preview.steps).toHaveLength(3);
    expect(preview.warnings).toHaveLength(1);
    expect((await op(core, 'listRunbooks', {})).items).toHaveLength(0);
  });

  it('suggests related runbooks by shared services and tags', async () => {
    const { core } = memoryCore();
    const a = await op(core, 'saveRunbook', { metadata, body: BODY });
    await op(core, 'saveRunbook', { metadata: { title: 'Same service', services: ['search'] }, body: 'x' });
    await op(core, 'saveRunbook', { metadata: { title: 'Same tag', tags: ['latency'] }, body: 'x' });
    await op(core, 'saveRunbook', { metadata: { title: 'Unrelated', services: ['payments'] }, body: 'x' });
    expect((await op(core, 'relatedRunbooks', { id: a.id })).map((r) => r.title)).toEqual(['Same service', 'Same tag']);
  });
});

describe('procedure headings', () => {
  it('are a workspace setting; changing them re-extracts every runbook’s steps', async () => {
    const { core } = memoryCore();
    const created = await op(core, 'saveRunbook', { metadata, body: '## Playbook\n\n- first\n- second\n' });
    expect(created.stepCount).toBe(0);
    const info = await op(core, 'updateSettings', { procedureHeadings: ['Playbook'] });
    expect(info.procedureHeadings).toEqual(['Playbook']);
    expect((await op(core, 'getRunbook', { id: created.id })).stepCount).toBe(2);
    expect(await opError(core, 'updateSettings', { procedureHeadings: [] })).toMatchObject({ field: 'procedureHeadings' });
  });
});
