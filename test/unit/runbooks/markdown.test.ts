import { describe, expect, it } from 'vitest';
import { parseRunbook } from '../../../src/main/runbooks/markdown';

describe('parseRunbook', () => {
  it('takes the title from front matter first, then the first # heading, then the file name', () => {
    expect(parseRunbook('---\ntitle: From front matter\n---\n# Heading\n', 'file.md').title).toBe('From front matter');
    expect(parseRunbook('Intro\n\n## Not this\n\n# Heading one\n', 'file.md').title).toBe('Heading one');
    expect(parseRunbook('No heading here.\n', 'disk-full.md').title).toBe('disk-full');
  });

  it('reads tags and services as lists or comma-separated strings, and keeps unknown keys', () => {
    const parsed = parseRunbook(
      '---\ntags: [db, "on-call"]\nservices: checkout, payments\nservice: search\nweight: 20\n---\n# T\n',
      'x.md',
    );
    expect(parsed.tags).toEqual(['db', 'on-call']);
    expect(parsed.services).toEqual(['checkout', 'payments', 'search']);
    expect(parsed.frontMatter).toMatchObject({ weight: 20 });
  });

  it('separates the body from the front matter and indexes plain text, block by block', () => {
    const parsed = parseRunbook('---\ntitle: T\n---\n# Disk\n\n- check `df -h`\n- free **space**\n', 'x.md');
    expect(parsed.body).toBe('# Disk\n\n- check `df -h`\n- free **space**\n');
    expect(parsed.plainText).toBe('Disk\ncheck df -h\nfree space');
  });

  it('says where front matter YAML is broken', () => {
    expect(() => parseRunbook('---\ntitle: ok\ntags: [unclosed\n---\nbody\n', 'x.md')).toThrow(/front matter is not valid YAML/);
    expect(() => parseRunbook('---\n- just\n- a list\n---\nbody\n', 'x.md')).toThrow(/front matter must be a YAML mapping/);
    expect(() => parseRunbook('---\ntags: {a: 1}\n---\nbody\n', 'x.md')).toThrow(/front matter: "tags"/);
  });
});
