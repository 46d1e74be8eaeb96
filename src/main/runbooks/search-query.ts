const TOKEN = /"([^"]*)("?)|([^\s"]+)/g;

/**
 * Turns what a person types into an FTS5 query that cannot be a syntax error.
 * Every word is matched as a literal (so `kube-apiserver`, `NOT` or `c++` are
 * words, not operators), "quoted text" is a phrase, all terms must match, and
 * the last term matches as a prefix while the person is still typing it.
 * Returns null when there is nothing to search for.
 */
export function toFtsQuery(input: string): string | null {
  return ftsTerms(input)?.join(' ') ?? null;
}

/** The same terms, any of which may match: for finding where in a document a match is. */
export function toFtsAnyQuery(input: string): string | null {
  return ftsTerms(input)?.join(' OR ') ?? null;
}

function ftsTerms(input: string): string[] | null {
  const terms: string[] = [];
  let lastIsOpen = false;
  for (const match of input.matchAll(TOKEN)) {
    const [, phrase, closingQuote, word] = match;
    const text = (phrase ?? word ?? '').trim();
    if (!hasWordCharacters(text)) continue;
    terms.push(`"${text.replaceAll('"', '""')}"`);
    const endsInput = (match.index ?? 0) + match[0].length === input.length;
    lastIsOpen = endsInput && (word !== undefined || closingQuote === '');
  }
  if (terms.length === 0) return null;
  if (lastIsOpen) terms[terms.length - 1] += '*';
  return terms;
}

/** The bare words of a query (not those inside quotes), each split on punctuation as the index splits them. */
export function queryWords(input: string): { word: string; isLast: boolean }[] {
  const words: { word: string; isLast: boolean }[] = [];
  for (const match of input.matchAll(TOKEN)) {
    const bare = match[3];
    if (bare === undefined) continue;
    const endsInput = (match.index ?? 0) + match[0].length === input.length;
    const parts = bare.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    parts.forEach((word, index) => words.push({ word, isLast: endsInput && index === parts.length - 1 }));
  }
  return words;
}

const hasWordCharacters = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);
