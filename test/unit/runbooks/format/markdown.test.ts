import { describe, expect, it } from 'vitest';
import { composeRunbookFile } from '../../../../src/main/runbooks/format/front-matter';
import { parseRunbookFile } from '../../../../src/main/runbooks/format/markdown';
import { DEFAULT_PROCEDURE_HEADINGS } from '../../../../src/main/runbooks/format/structure';

const parse = (text: string, file = 'file.md') => parseRunbookFile(text, file, DEFAULT_PROCEDURE_HEADINGS);

describe('reading a runbook file', () => {
  it('takes the title from front matter first, then the first # heading, then the file name', () => {
    expect(parse('---\ntitle: From front matter\n---\n# Heading\n').metadata.title).toBe('From front matter');
    expect(parse('Intro\n\n## Not this\n\n# Heading one\n').metadata.title).toBe('Heading one');
    expect(parse('No heading here.\n', 'disk-full.md').metadata.title).toBe('disk-full');
  });

  it('reads the metadata, as lists or comma-separated strings, and keeps unknown keys', () => {
    const parsed = parse(
      [
        '---',
        'id: rb_0123456789ab',
        'tags: [db, "on-call"]',
        'services: checkout, payments',
        'service: search',
        'summary: When the disk fills',
        'owner: team-data',
        'severity: SEV2',
        'last_reviewed: 2026-01-31',
        'review_every_days: 90',
        'links:',
        '  - label: Dashboard',
        '    url: https://grafana.example.internal/d/db',
        'weight: 20',
        '---',
        '# T',
        '',
      ].join('\n'),
    );
    expect(parsed.uid).toBe('rb_0123456789ab');
    expect(parsed.metadata).toEqual({
      title: 'T',
      summary: 'When the disk fills',
      tags: ['db', 'on-call'],
      services: ['checkout', 'payments', 'search'],
      owner: 'team-data',
      severity: 'SEV2',
      lastReviewed: '2026-01-31',
      reviewIntervalDays: 90,
      links: [{ label: 'Dashboard', url: 'https://grafana.example.internal/d/db' }],
    });
    expect(parsed.extraFrontMatter).toEqual({ weight: 20 });
  });

  it('keeps the body exactly as written and indexes its plain text block by block', () => {
    const parsed = parse('---\ntitle: T\n---\n# Disk\n\n- check `df -h`\n- free **space**\n');
    expect(parsed.body).toBe('# Disk\n\n- check `df -h`\n- free **space**\n');
    expect(parsed.plainText).toBe('Disk\ncheck df -h\nfree space');
  });

  it('says where front matter is wrong', () => {
    // The file's line, once: not the YAML library's own count from the start of the front matter.
    expect(() => parse('---\ntitle: ok\ntags: [unclosed\n---\nbody\n')).toThrow(/^file\.md:3: front matter is not valid YAML: [^:]*[^:\d]$/);
    expect(() => parse('---\n- just\n- a list\n---\nbody\n')).toThrow(/front matter must be a YAML mapping/);
    expect(() => parse('---\ntags: {a: 1}\n---\nbody\n')).toThrow(/front matter: "tags"/);
    expect(() => parse('---\nlast_reviewed: next tuesday\n---\nbody\n')).toThrow(/"last_reviewed" use a date like 2026-03-31/);
    // In words a file's author knows, not the schema library's.
    expect(() => parse('---\nreview_every_days: soon\n---\nbody\n')).toThrow('file.md:2: front matter: "review_every_days" must be a whole number of days');
    expect(() => parse('---\nreview_every_days: 0\n---\nbody\n')).toThrow('"review_every_days" must be from 1 to 3650 days');
    expect(() => parse('---\ntitle: [a, b]\n---\nbody\n')).toThrow('file.md:2: front matter: "title" must be text');
    expect(() => parse('---\nlinks:\n  - label: Dashboard\n---\nbody\n')).toThrow('front matter: "links.0.url" is missing');
  });
});

describe('writing a runbook file', () => {
  it('composes front matter in a fixed order, leaves empty fields out, and round-trips', () => {
    const original = parse('---\nweight: 3\ntitle: Disk full\ntags: b, a\n---\n# Disk full\n\nSteps.\n');
    const file = composeRunbookFile('rb_1', original.metadata, original.extraFrontMatter, original.body);
    expect(file).toBe('---\nid: rb_1\ntitle: Disk full\ntags: [b, a]\nweight: 3\n---\n# Disk full\n\nSteps.\n');
    const again = parse(file);
    expect(composeRunbookFile('rb_1', again.metadata, again.extraFrontMatter, again.body)).toBe(file);
  });
});
