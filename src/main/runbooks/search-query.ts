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

/**
 * One term of a query as the full-text index reads it: its tokens in order (a
 * word such as `kube-apiserver` is a phrase of two), the last one a prefix when
 * the person is still typing it.
 */
export interface QueryTerm {
  tokens: string[];
  prefix: boolean;
}

/** The query's terms, tokenized as the index tokenizes text (see tokens()); empty when there is nothing to search for. */
export function queryTerms(input: string): QueryTerm[] {
  return parseTerms(input)
    .map(({ text, open }) => ({ tokens: tokens(text).map((token) => token.text), prefix: open }))
    .filter((term) => term.tokens.length > 0);
}

function ftsTerms(input: string): string[] | null {
  const terms = parseTerms(input).map(({ text, open }) => `"${text.replaceAll('"', '""')}"${open ? '*' : ''}`);
  return terms.length === 0 ? null : terms;
}

/** The words and "phrases" typed, in order; only the last may be open (a prefix still being typed). */
function parseTerms(input: string): { text: string; open: boolean }[] {
  const terms: { text: string; open: boolean }[] = [];
  let lastIsOpen = false;
  for (const match of input.matchAll(TOKEN)) {
    const [, phrase, closingQuote, word] = match;
    const text = (phrase ?? word ?? '').trim();
    if (!hasWordCharacters(text)) continue;
    terms.push({ text, open: false });
    const endsInput = (match.index ?? 0) + match[0].length === input.length;
    lastIsOpen = endsInput && (word !== undefined || closingQuote === '');
  }
  const last = terms.at(-1);
  if (last && lastIsOpen) last.open = true;
  return terms;
}

const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

/**
 * The words of a text as FTS5's `unicode61 remove_diacritics 2` tokenizer sees
 * them: runs of letters and digits, folded to lower case without diacritics,
 * each with where it stands in the text.
 */
export function tokens(text: string): { text: string; start: number; end: number }[] {
  const found: { text: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    found.push({ text: fold(match[0]), start, end: start + match[0].length });
  }
  return found;
}

const fold = (word: string): string => (!/[^\p{ASCII}]/u.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());

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
