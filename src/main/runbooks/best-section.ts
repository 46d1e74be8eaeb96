import { tokens, type QueryTerm } from './search-query';

/** A runbook's section as the section index stores it. */
export interface StoredSection {
  rowid: number;
  sectionId: string | null;
  title: string;
  text: string;
}

export interface BestSection {
  sectionId: string | null;
  title: string;
  /** Up to SNIPPET_TOKENS words of the section's text around its matches, each match as `<mark>…</mark>`; '…' where it is cut. */
  snippet: string;
}

/** As many words as FTS5's snippet() was asked for (its last argument). */
const SNIPPET_TOKENS = 16;

type Token = ReturnType<typeof tokens>[number];
/** Where a term matched: the first and the last token of the match. */
type Span = [first: number, last: number];

/**
 * The section of one runbook that holds the most of the query's terms (its
 * heading counting twice a word of its text, as the section index's weights
 * did), and a snippet of its text: worked out from the runbook's own stored
 * sections, so a search never runs a second match over every section of the
 * library. Null when no section holds any term (the match was in the title,
 * tags or services only).
 */
export function bestSection(sections: readonly StoredSection[], terms: readonly QueryTerm[]): BestSection | null {
  const patterns = terms.map(pattern);
  let best: { section: StoredSection; score: [number, number] } | null = null;
  for (const section of sections) {
    const [title, text] = [asIndexed(section.title), asIndexed(section.text)];
    let distinct = 0;
    let weight = 0;
    for (const found of patterns) {
      const inTitle = count(found, title);
      const inText = count(found, text);
      if (inTitle + inText === 0) continue;
      distinct += 1;
      // Each further occurrence counts for less, as in bm25: the first says the most about where to look.
      weight += saturate(2 * inTitle + inText);
    }
    if (distinct === 0) continue;
    const score: [number, number] = [distinct, weight];
    if (!best || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1])) best = { section, score };
  }
  if (!best) return null;
  const { section } = best;
  return { sectionId: section.sectionId, title: section.title, snippet: snippet(section.text, tokens(section.text), terms) };
}

/**
 * A term as a regular expression over raw text, matching where the index's
 * tokens would: whole words (the last one a prefix if the term is open), a
 * phrase's words separated by anything that is not a word character.
 */
function pattern(term: QueryTerm): RegExp {
  const words = term.tokens.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}\\p{Co}]+');
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{Co}])${words}${term.prefix ? '' : '(?![\\p{L}\\p{N}\\p{Co}])'}`, 'giu');
}

function count(found: RegExp, text: string): number {
  found.lastIndex = 0;
  let n = 0;
  while (found.exec(text) !== null) n += 1;
  return n;
}

/** Letters without their diacritics, one character for one (é → e), as the index folds them. */
const asIndexed = (text: string): string =>
  !/[^\p{ASCII}]/u.test(text)
    ? text
    : text.replace(/[^\p{ASCII}]/gu, (char) => {
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    return base.length === 1 ? base : char;
  });

const saturate = (count: number): number => count / (count + 1.2);

/** Every place a term matches in a run of tokens: its tokens in order, the last one as a prefix if the term is open. */
function matches(text: readonly Token[], term: QueryTerm): Span[] {
  const spans: Span[] = [];
  const { tokens: words, prefix } = term;
  const lastIndex = words.length - 1;
  for (let start = 0; start + lastIndex < text.length; start++) {
    let all = true;
    for (let i = 0; i <= lastIndex && all; i++) {
      const token = text[start + i]?.text ?? '';
      const word = words[i] ?? '';
      all = i === lastIndex && prefix ? token.startsWith(word) : token === word;
    }
    if (all) spans.push([start, start + lastIndex]);
  }
  return spans;
}

/**
 * The SNIPPET_TOKENS-word window of the text holding the most distinct terms
 * (then the most matches; the earliest of equals), with its matches marked,
 * as FTS5's snippet() writes one.
 */
function snippet(source: string, text: readonly Token[], terms: readonly QueryTerm[]): string {
  const spans = terms.flatMap((term, index) => matches(text, term).map((span) => ({ span, term: index })));
  if (spans.length === 0) return ''; // the terms are in the heading only
  let window = 0;
  let bestScore: [number, number] = [-1, -1];
  for (const { span } of spans) {
    // A window that starts a little before a match, so the words leading up to it are read too.
    const start = Math.max(0, Math.min(span[0] - 2, text.length - SNIPPET_TOKENS));
    const inside = spans.filter(({ span: [first, last] }) => first >= start && last < start + SNIPPET_TOKENS);
    const score: [number, number] = [new Set(inside.map(({ term }) => term)).size, inside.length];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      bestScore = score;
      window = start;
    }
  }
  const lastToken = Math.min(text.length, window + SNIPPET_TOKENS) - 1;
  const from = window === 0 ? 0 : (text[window]?.start ?? 0);
  const to = lastToken === text.length - 1 ? source.length : (text[lastToken]?.end ?? source.length);
  let out = window === 0 ? '' : '…';
  let at = from;
  const marked = spans
    .map(({ span }) => span)
    .filter(([first, last]) => first >= window && last <= lastToken)
    .sort((a, b) => a[0] - b[0]);
  let after = -1;
  for (const [first, last] of marked) {
    if (first <= after) continue; // overlapping matches of two terms: the first one is marked
    const start = text[first]?.start ?? at;
    const end = text[last]?.end ?? start;
    out += `${source.slice(at, start)}<mark>${source.slice(start, end)}</mark>`;
    at = end;
    after = last;
  }
  out += source.slice(at, to);
  return to < source.length ? `${out}…` : out;
}
