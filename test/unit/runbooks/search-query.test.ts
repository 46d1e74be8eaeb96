import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../src/main/runbooks/search-query';

describe('toFtsQuery', () => {
  it('matches every word, the last one as a prefix while it is being typed', () => {
    expect(toFtsQuery('disk full')).toBe('"disk" "full"*');
    expect(toFtsQuery('disk full ')).toBe('"disk" "full"');
  });

  it('treats operators and punctuation as literal words, never as syntax', () => {
    expect(toFtsQuery('NOT AND OR')).toBe('"NOT" "AND" "OR"*');
    expect(toFtsQuery('kube-apiserver (5xx)')).toBe('"kube-apiserver" "(5xx)"*');
    expect(toFtsQuery('title:x')).toBe('"title:x"*');
  });

  it('keeps "quoted text" as a phrase, and an unclosed quote as a phrase being typed', () => {
    expect(toFtsQuery('"crash loop" pod')).toBe('"crash loop" "pod"*');
    expect(toFtsQuery('pod "crash lo')).toBe('"pod" "crash lo"*');
    expect(toFtsQuery('"crash loop"')).toBe('"crash loop"');
  });

  it('returns null when there is nothing to look for', () => {
    expect(toFtsQuery('')).toBeNull();
    expect(toFtsQuery('   ')).toBeNull();
    expect(toFtsQuery('- * "" ()')).toBeNull();
  });
});
