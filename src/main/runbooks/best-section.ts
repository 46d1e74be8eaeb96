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
 * For a query, the section of one runbook that holds the most of its terms
 * (a section's heading counting twice a word of its text, as the section
 * index's weights did), and a snippet of its text: worked out from the
 * runbook's own stored sections, so a search never runs a second match over
 * every section of the library. The terms are compiled once per query; the
 * returned function answers for each hit. It answers null when no section
 * holds any term (the match was in the title, tags or services only).
 */
export function bestSectionFor(terms: readonly QueryTerm[]): (sections: readonly StoredSection[]) => BestSection | null {
  return (sections) => {
    let best: { section: StoredSection; score: [number, number] } | null = null;
    for (const section of sections) {
      const [title, text] = [asIndexed(section.title), asIndexed(section.text)];
      let distinct = 0;
      let weight = 0;
      for (const term of terms) {
        const inTitle = count(term, title);
        const inText = count(term, text);
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
  };
}

/**
 * How often a term occurs in a text (folded by asIndexed), where the index's
 * tokens would match it: whole words (the last one a prefix if the term is
 * open), a phrase's words separated by anything that is not a word character.
 * A plain scan with indexOf: a Unicode-aware regular expression per term and
 * section cost more than the rest of a search.
 */
function count(term: QueryTerm, text: string): number {
  const [head, ...rest] = term.tokens;
  if (head === undefined) return 0;
  let n = 0;
  for (let at = text.indexOf(head); at !== -1; at = text.indexOf(head, at + 1)) {
    if (isWordChar(text, at - 1)) continue;
    let end = at + head.length;
    let whole = rest.length === 0 ? term.prefix || !isWordChar(text, end) : !isWordChar(text, end);
    for (let i = 0; i < rest.length && whole; i++) {
      const word = rest[i] ?? '';
      while (end < text.length && !isWordChar(text, end)) end++;
      whole = end > at + head.length && text.startsWith(word, end) && ((i === rest.length - 1 && term.prefix) || !isWordChar(text, end + word.length));
      end += word.length;
    }
    if (whole) n += 1;
  }
  return n;
}

const WORD_CHAR = /[\p{L}\p{N}\p{Co}]/u;

function isWordChar(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(text[at] ?? '');
}

/** Lower case, and letters without their diacritics (é → e), as the index folds them. */
function asIndexed(text: string): string {
  const lower = text.toLowerCase();
  if (!/[^\p{ASCII}]/u.test(lower)) return lower;
  return lower.replace(/[^\p{ASCII}]/gu, (char) => char.normalize('NFD').replace(/\p{M}/gu, '') || char);
}

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
  // The matches by where they start, so each window reads only the few matches inside it: a common word
  // matches hundreds of times in a long section, and comparing every match with every other cost milliseconds a hit.
  const byStart = [...spans].sort((a, b) => a.span[0] - b.span[0]);
  const seen = new Set<number>();
  let window = 0;
  let bestScore: [number, number] = [-1, -1];
  for (const { span } of spans) {
    // A window that starts a little before a match, so the words leading up to it are read too.
    const start = Math.max(0, Math.min(span[0] - 2, text.length - SNIPPET_TOKENS));
    const end = start + SNIPPET_TOKENS;
    seen.clear();
    let inside = 0;
    for (let i = firstStartingAt(byStart, start); i < byStart.length; i++) {
      const match = byStart[i];
      if (!match || match.span[0] >= end) break;
      if (match.span[1] >= end) continue;
      inside += 1;
      seen.add(match.term);
    }
    const score: [number, number] = [seen.size, inside];
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

/** The index of the first match (sorted by start) that starts at or after `token`. */
function firstStartingAt(byStart: readonly { span: Span }[], token: number): number {
  let low = 0;
  let high = byStart.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((byStart[middle]?.span[0] ?? Infinity) < token) low = middle + 1;
    else high = middle;
  }
  return low;
}
