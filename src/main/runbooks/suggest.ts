import type { RunbookHit, RunbookSuggestion } from '../../shared/runbooks';
import type { RunbookRepo } from './repo';
import { indexSuggestions, rankSuggestions, type SuggestionClues, type SuggestionIndex } from './suggestion-rank';

/** How many runbooks are suggested from an incident's own words and services; a search adds its matches after them. */
export const SUGGESTION_LIMIT = 10;
const SEARCH_LIMIT = 20;

/**
 * Runbooks to attach to an incident: ranked by what the incident says about
 * itself (suggestion-rank.ts), then the matches of what the responder typed,
 * each with why it is there. Runbooks already attached are left out.
 */
export class RunbookSuggester {
  private cache: { stamp: string; index: SuggestionIndex } | undefined;

  constructor(
    private readonly repo: RunbookRepo,
    private readonly search: (query: string, limit: number) => RunbookHit[],
  ) {}

  suggest(clues: SuggestionClues, query: string, exclude: ReadonlySet<number>, today: string): RunbookSuggestion[] {
    const ranked = rankSuggestions(clues, this.index())
      .filter((item) => !exclude.has(item.id))
      .slice(0, SUGGESTION_LIMIT);
    const reasons = new Map(ranked.map((item) => [item.id, item.reasons]));
    const typed = query.trim();
    if (typed) {
      for (const hit of this.search(typed, SEARCH_LIMIT)) {
        if (exclude.has(hit.id)) continue;
        const reason = `matches the search “${typed}”`;
        const known = reasons.get(hit.id);
        if (known) known.push(reason);
        else reasons.set(hit.id, [reason]);
      }
    }
    return this.repo.summaries([...reasons.keys()], today).map((summary) => {
      const why = reasons.get(summary.id) ?? [];
      return { ...summary, reasons: why, reason: why.join('; ') };
    });
  }

  /** The library as ranking reads it, read again only after the store changed (here or in another process). */
  private index(): SuggestionIndex {
    const stamp = this.repo.changeStamp();
    if (stamp !== null && this.cache?.stamp === stamp) return this.cache.index;
    const index = indexSuggestions(this.repo.suggestionCandidates());
    this.cache = stamp === null ? undefined : { stamp, index };
    return index;
  }
}
