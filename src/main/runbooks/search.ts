import type { z } from 'zod';
import type { RunbookHit, SearchRunbooksInput } from '../../shared/runbooks';
import { editDistance } from './edit-distance';
import { nameKey } from './format/alert-names';
import type { RunbookSearchIndex, SearchRow } from './search-index';
import { bestSectionFor } from './best-section';
import { queryTerms, queryWords, toFtsQuery } from './search-query';

/**
 * Ranked search, then, if nothing matched as typed, the same search with each
 * unknown word replaced by the closest word the library actually contains
 * ("replicaton" → "replication"). Each hit says which section matched.
 */
export class RunbookSearch {
  private vocabulary: { version: number; terms: Map<string, number> } | undefined;

  constructor(private readonly index: RunbookSearchIndex) {}

  search(input: z.output<typeof SearchRunbooksInput>, today: string): RunbookHit[] {
    const exact = this.run(input.query, input, today, null);
    if (exact.length > 0) return exact;
    const corrected = this.correct(input.query);
    return corrected === null ? [] : this.run(corrected, input, today, corrected);
  }

  private run(query: string, input: z.output<typeof SearchRunbooksInput>, today: string, spelling: string | null): RunbookHit[] {
    const ftsQuery = toFtsQuery(query);
    if (ftsQuery === null) return [];
    const rows = this.exactFirst(query, ftsQuery, input, today, this.index.search(ftsQuery, input, input.limit, today));
    // A runbook matches as a whole; the section that holds the most of the words is where to look,
    // worked out from each hit's own sections rather than by a second match over every section.
    const bestSection = bestSectionFor(queryTerms(query));
    return rows.map(({ summary, snippet, score }) => {
      const best = bestSection(this.index.sections(summary.id));
      const section = best?.sectionId ? { id: best.sectionId, title: best.title } : null;
      return {
        id: summary.id,
        title: summary.title,
        snippet: best && best.snippet.includes('<mark>') ? best.snippet : snippet,
        score,
        tags: summary.tags,
        services: summary.services,
        section,
        spelling,
      };
    });
  }

  /**
   * A query that is exactly a runbook's alert name or title (`CPUThrottlingHigh`,
   * "node filesystem space filling up") puts that runbook first, however often
   * other runbooks mention the same words; the rest follow in rank order.
   */
  private exactFirst(query: string, ftsQuery: string, input: z.output<typeof SearchRunbooksInput>, today: string, ranked: SearchRow[]): SearchRow[] {
    const named = this.index.named(nameKey(query));
    if (named.length === 0) return ranked;
    const order = new Map<number, number>();
    for (const { id } of named) if (!order.has(id)) order.set(id, order.size);
    const exact = this.index
      .searchIds(ftsQuery, [...order.keys()], input, today)
      .sort((a, b) => (order.get(a.summary.id) ?? 0) - (order.get(b.summary.id) ?? 0) || a.score - b.score);
    const first = new Set(exact.map((row) => row.summary.id));
    return [...exact, ...ranked.filter((row) => !first.has(row.summary.id))].slice(0, input.limit);
  }

  /** The query with misspelt words corrected, or null when there is nothing to correct. */
  private correct(query: string): string | null {
    const terms = this.terms();
    const words = queryWords(query);
    let changed = false;
    let corrected = query;
    for (const { word, isLast } of words) {
      // Words are letters and digits only, so their key is the word as FTS5's unicode61 tokenizer indexes it.
      const normal = nameKey(word);
      if (normal.length < 3 || terms.has(normal) || (isLast && hasPrefix(terms, normal))) continue;
      const replacement = closest(normal, terms);
      if (replacement) {
        // Words are letters and digits only, so they need no escaping; replace the whole word, not a part of another.
        const alone = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'u');
        corrected = corrected.replace(alone, replacement);
        changed = true;
      }
    }
    return changed ? corrected : null;
  }

  private terms(): Map<string, number> {
    if (this.vocabulary?.version !== this.index.version) {
      this.vocabulary = {
        version: this.index.version,
        terms: new Map(this.index.vocabulary().map(({ term, doc }) => [term, doc])),
      };
    }
    return this.vocabulary.terms;
  }
}

const hasPrefix = (terms: Map<string, number>, prefix: string): boolean => {
  for (const term of terms.keys()) if (term.startsWith(prefix)) return true;
  return false;
};

/**
 * The nearest known word within 1 edit (2 for words of 8 letters or more), where
 * swapping two adjacent letters is one edit ("donw" is one from "down" and from
 * "don"); ties go to the word more runbooks use, then to one of the same length
 * (a swapped or mistyped letter is a likelier slip than a lost one).
 */
export function closest(word: string, terms: ReadonlyMap<string, number>): string | null {
  const allowed = word.length >= 8 ? 2 : 1;
  let best: Candidate | null = null;
  for (const [term, docs] of terms) {
    if (Math.abs(term.length - word.length) > allowed || /^\d+$/.test(term)) continue;
    const edits = editDistance(word, term, allowed);
    if (edits > allowed) continue;
    const candidate = { term, edits, docs, sameLength: term.length === word.length };
    if (!best || ranksAbove(candidate, best)) best = candidate;
  }
  return best?.term ?? null;
}

interface Candidate {
  term: string;
  edits: number;
  docs: number;
  sameLength: boolean;
}

const ranksAbove = (a: Candidate, b: Candidate): boolean =>
  (a.edits - b.edits || b.docs - a.docs || Number(b.sameLength) - Number(a.sameLength)) < 0;
