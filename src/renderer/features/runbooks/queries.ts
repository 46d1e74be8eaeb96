/** The runbooks' reads, cached by operation and input (src/renderer/api/queries.ts). */
import type { InputOf } from '../../../shared/contract';
import type { RunbookHit, RunbookList } from '../../../shared/runbooks';
import { peekOp, useOp } from '../../api/queries';
import type { Route } from '../../app/route';
import { useLibrary, type LibraryFilter } from './store';

export const SEARCH_LIMIT = 50;

/** What the library lists for a filter. */
export function listInput(filter: LibraryFilter): InputOf<'listRunbooks'> {
  const { tag, service, group, needsReview, archived } = filter;
  return { ...(tag ? { tag } : {}), ...(service ? { service } : {}), ...(group ? { group } : {}), ...(needsReview ? { needsReview: true } : {}), archived: archived === true };
}

/** What a search asks for: search itself filters by tag and service. */
export function searchInput(searched: string, filter: LibraryFilter): InputOf<'searchRunbooks'> {
  const { tag, service } = filter;
  return { query: searched, limit: SEARCH_LIMIT, ...(tag ? { tag } : {}), ...(service ? { service } : {}) };
}

/** The whole active library, as the app first shows it. */
export const useRunbookList = (filter: LibraryFilter = {}) => useOp('listRunbooks', listInput(filter), { keepPrevious: true });

/** More rows than the tallest screen shows: what the library paints before the whole list arrives. */
export const FIRST_SCREEN = 60;

const firstScreenInput = (filter: LibraryFilter): InputOf<'listRunbooks'> => ({ ...listInput(filter), limit: FIRST_SCREEN });

/**
 * The library's list for a filter. The whole list of a big library (thousands
 * of summaries, and the facets) takes a while to read and send, so its first
 * screenful is asked for first — the web server answers in the order asked —
 * and shown until the whole list replaces it. Once the whole list is cached,
 * only it is asked for.
 */
function useLibraryList(filter: LibraryFilter): { data: RunbookList | undefined; error: Error | null } {
  const whole = peekOp('listRunbooks', listInput(filter));
  const first = useOp('listRunbooks', firstScreenInput(filter), { enabled: whole === undefined });
  const list = useRunbookList(filter);
  const data = list.data && !list.isPlaceholderData ? list.data : (first.data ?? list.data);
  return { data, error: list.error ?? first.error };
}

/** The library pane's data: the list for the filter, and the hits for what is searched (null while nothing is). */
export function useLibraryData(): { list: RunbookList | null; hits: RunbookHit[] | null; searchedFor: string; error: string | null } {
  const filter = useLibrary((state) => state.filter);
  const searched = useLibrary((state) => state.searched);
  const searching = searched.trim() !== '';
  const list = useLibraryList(filter);
  // Each answer is kept under its own query: a late answer to an earlier word never replaces the shown one.
  const hits = useOp('searchRunbooks', searchInput(searched, filter), { enabled: searching, keepPrevious: true });
  return {
    list: list.data ?? null,
    hits: searching ? (hits.data ?? null) : null,
    searchedFor: searched,
    error: list.error?.message ?? (searching ? (hits.error?.message ?? null) : null),
  };
}

export const useRunbook = (id: number | null) => useOp('getRunbook', { id: id ?? 0 }, { enabled: id !== null });

/** Runbooks sharing services or tags with one: a convenience, none when they cannot be had. */
export const useRelatedRunbooks = (id: number) => useOp('relatedRunbooks', { id, limit: 5 }).data ?? [];

/**
 * The hits the list pane shows. Search itself filters by tag and service; the
 * group, review and archive filters narrow the hits to what the list holds.
 */
export function shownHits(hits: RunbookHit[] | null, list: RunbookList | null, filter: LibraryFilter): RunbookHit[] | null {
  if (!hits || !list || !(filter.group || filter.needsReview || filter.archived)) return hits;
  const allowed = new Set(list.items.map((item) => item.id));
  return hits.filter((hit) => allowed.has(hit.id));
}

export const hitRoute = (hit: RunbookHit): Route =>
  hit.section ? { screen: 'runbook', id: hit.id, section: hit.section.id } : { screen: 'runbook', id: hit.id };

/** Where each row of the list pane leads, in order, as the cache holds it now (for the arrow keys and Enter). */
export function visibleTargets(): Route[] {
  const { filter, searched } = useLibrary.getState();
  const list = peekOp('listRunbooks', listInput(filter)) ?? peekOp('listRunbooks', firstScreenInput(filter)) ?? null;
  const hits = searched.trim() === '' ? null : (peekOp('searchRunbooks', searchInput(searched, filter)) ?? null);
  const shown = shownHits(hits, list, filter);
  if (shown) return shown.map(hitRoute);
  return list?.items.map((item) => ({ screen: 'runbook', id: item.id }) as const) ?? [];
}

export function moveCursor(delta: number): void {
  const count = visibleTargets().length;
  if (count === 0) return;
  useLibrary.setState((state) => ({ cursor: Math.min(count - 1, Math.max(0, state.cursor + delta)) }));
}
