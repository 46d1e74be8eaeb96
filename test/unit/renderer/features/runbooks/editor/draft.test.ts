import { describe, expect, it } from 'vitest';
import { draftKey, fieldsOf, isDirty, isFormField, toSaveInput, type Draft, type DraftFields } from '../../../../../../src/renderer/features/runbooks/editor/draft';
import type { Runbook } from '../../../../../../src/shared/runbooks';

const runbook = {
  id: 12,
  uid: 'rb_0123456789ab',
  revision: 4,
  body: '# Disk filling up\n\n## Mitigation\n\n1. Prune old WAL ⏱ 5m\n',
  metadata: {
    title: 'Disk filling up',
    summary: 'When /var is over 90%.',
    services: ['db', 'billing-api'],
    tags: ['storage'],
    owner: 'platform',
    severity: 'SEV2',
    lastReviewed: '2026-03-31',
    reviewIntervalDays: 90,
    links: [{ label: 'Dashboard', url: 'https://grafana.example/d/disk' }],
  },
} as Runbook;

/** A draft of `source` (a new runbook when null) with the fields changed as typed. */
function draft(source: Runbook | null, typed: Partial<DraftFields> = {}): Draft {
  const original = fieldsOf(source);
  return { id: source?.id ?? null, baseRevision: source?.revision ?? null, fields: { ...original, ...typed }, original, changedAt: 0 };
}

describe('the runbook editor’s draft', () => {
  it('shows a runbook’s lists as comma-separated text and its review interval as a number typed', () => {
    expect(fieldsOf(runbook)).toMatchObject({ services: 'db, billing-api', tags: 'storage', reviewIntervalDays: '90', lastReviewed: '2026-03-31', message: '' });
    expect(fieldsOf({ ...runbook, metadata: { ...runbook.metadata, lastReviewed: null, reviewIntervalDays: null } })).toMatchObject({ lastReviewed: '', reviewIntervalDays: '' });
    expect(Object.values(fieldsOf(null)).every((value) => value === '' || (Array.isArray(value) && value.length === 0))).toBe(true);
  });

  it('saves an untouched runbook as it was, over the revision the edit started from', () => {
    const saved = toSaveInput(draft(runbook));
    expect(saved).toEqual({ input: { id: 12, baseRevision: 4, metadata: runbook.metadata, body: runbook.body } });
  });

  it('saves what was typed the way it reads: list items trimmed, blank ones and empty link rows dropped, the message trimmed', () => {
    const saved = toSaveInput(
      draft(null, {
        title: 'CPU saturation',
        services: ' checkout ,, payments-api , ',
        tags: '',
        lastReviewed: ' ',
        reviewIntervalDays: ' 30 ',
        links: [
          { label: '', url: '' },
          { label: 'Runbook wiki', url: 'https://wiki.example/cpu' },
        ],
        body: 'Check the top consumers.\n',
        message: '  first version  ',
      }),
    );
    expect(saved).toEqual({
      input: {
        metadata: {
          title: 'CPU saturation',
          summary: '',
          services: ['checkout', 'payments-api'],
          tags: [],
          owner: '',
          severity: '',
          lastReviewed: null,
          reviewIntervalDays: 30,
          links: [{ label: 'Runbook wiki', url: 'https://wiki.example/cpu' }],
        },
        body: 'Check the top consumers.\n',
        message: 'first version',
      },
    });
  });

  it('refuses to send a draft with mistakes, each said at its field', () => {
    const saved = toSaveInput(
      draft(runbook, { title: '  ', reviewIntervalDays: 'ninety', lastReviewed: '2026-02-30', links: [{ label: 'Old wiki', url: 'ftp://wiki.example' }] }),
    );
    if (!('errors' in saved)) throw new Error('the draft was accepted');
    expect(saved.errors).toEqual({
      'metadata.title': 'a runbook needs a title',
      'metadata.reviewIntervalDays': 'a whole number of days, like 90',
      'metadata.lastReviewed': 'is not a real date',
      'metadata.links.0.url': 'must be an http(s) or mailto link',
    });
    // Each of them is a field of the form, shown beside it rather than only under the Save button.
    for (const field of Object.keys(saved.errors)) expect(isFormField(field), field).toBe(true);
    expect(isFormField('author')).toBe(false);
  });

  it('knows whether anything was changed, and is kept per runbook, not per number', () => {
    expect(isDirty(draft(runbook))).toBe(false);
    expect(isDirty(draft(runbook, { tags: 'storage, disk' }))).toBe(true);
    expect(isDirty(draft(runbook, { links: [{ label: 'Dashboard', url: 'https://grafana.example/d/disk2' }] }))).toBe(true);
    expect(draftKey(runbook)).toBe('uid:rb_0123456789ab');
    expect(draftKey(null)).toBe('new');
  });
});
