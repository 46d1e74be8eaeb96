import { create } from 'zustand';
import type { Runbook, RunbookHit, RunbookList, RunbookSummary } from '../../../shared/runbooks';
import { api } from '../../api/client';
import type { Route } from '../../app/route';

export interface LibraryFilter {
  tag?: string | undefined;
  service?: string | undefined;
  group?: string | undefined;
  /** Only runbooks past their review date. */
  needsReview?: boolean | undefined;
  /** The archive instead of the active library. */
  archived?: boolean | undefined;
}

interface RunbooksState {
  list: RunbookList | null;
  filter: LibraryFilter;
  query: string;
  /** Search results for `query`; null while the query is empty (the list shows instead). */
  hits: RunbookHit[] | null;
  /** Index of the highlighted row in whatever the list pane shows. */
  cursor: number;
  open: Runbook | null;
  related: RunbookSummary[];
  error: string | null;
  loadList: () => Promise<void>;
  setFilter: (filter: LibraryFilter) => Promise<void>;
  setQuery: (query: string) => Promise<void>;
  moveCursor: (delta: number) => void;
  openRunbook: (id: number) => Promise<void>;
  /** Fetches the open runbook again (after a change anywhere). */
  reloadOpen: () => Promise<void>;
  /** Shows a runbook the caller already has (e.g. what a save returned). */
  showRunbook: (runbook: Runbook) => void;
  showError: (message: string) => void;
  dismissError: () => void;
}

/** Responses can arrive out of order while someone types; only the newest search counts. */
let searchSequence = 0;
let openSequence = 0;

export const useRunbooks = create<RunbooksState>()((set, get) => ({
  list: null,
  filter: {},
  query: '',
  hits: null,
  cursor: 0,
  open: null,
  related: [],
  error: null,

  async loadList() {
    const { tag, service, group, needsReview, archived } = get().filter;
    const result = await api.listRunbooks({
      ...(tag ? { tag } : {}),
      ...(service ? { service } : {}),
      ...(group ? { group } : {}),
      ...(needsReview ? { needsReview: true } : {}),
      archived: archived === true,
    });
    if (result.ok) set({ list: result.value, error: null });
    else set({ error: result.error.message });
    if (get().query) await get().setQuery(get().query);
  },

  async setFilter(filter) {
    set({ filter, cursor: 0 });
    await get().loadList();
  },

  async setQuery(query) {
    const sequence = ++searchSequence;
    set({ query, cursor: 0 });
    if (query.trim() === '') {
      set({ hits: null });
      return;
    }
    const { tag, service } = get().filter;
    const result = await api.searchRunbooks({ query, limit: 50, ...(tag ? { tag } : {}), ...(service ? { service } : {}) });
    if (sequence !== searchSequence) return;
    if (result.ok) set({ hits: result.value, error: null });
    else set({ error: result.error.message });
  },

  moveCursor(delta) {
    const count = visibleTargets(get()).length;
    if (count === 0) return;
    set({ cursor: Math.min(count - 1, Math.max(0, get().cursor + delta)) });
  },

  async openRunbook(id) {
    if (get().open?.id === id) return;
    await load(id);
  },

  async reloadOpen() {
    const open = get().open;
    if (open) await load(open.id);
  },

  showRunbook(runbook) {
    ++openSequence;
    set({ open: runbook, related: get().open?.id === runbook.id ? get().related : [], error: null });
    void loadRelated(runbook.id);
  },

  showError(message) {
    set({ error: message });
  },

  dismissError() {
    set({ error: null });
  },
}));

async function load(id: number): Promise<void> {
  const sequence = ++openSequence;
  const result = await api.getRunbook({ id });
  if (sequence !== openSequence) return;
  if (result.ok) {
    const keepRelated = useRunbooks.getState().open?.id === id;
    useRunbooks.setState({ open: result.value, error: null, ...(keepRelated ? {} : { related: [] }) });
    await loadRelated(id);
  } else {
    useRunbooks.setState({ open: null, related: [], error: result.error.message });
  }
}

async function loadRelated(id: number): Promise<void> {
  const result = await api.relatedRunbooks({ id, limit: 5 });
  // Related runbooks are a convenience: when they cannot be had, the reader simply shows none.
  if (useRunbooks.getState().open?.id === id) useRunbooks.setState({ related: result.ok ? result.value : [] });
}

/**
 * The hits the list pane shows. Search itself filters by tag and service; the
 * group, review and archive filters narrow the hits to what the list holds.
 */
export function shownHits(state: Pick<RunbooksState, 'hits' | 'list' | 'filter'>): RunbookHit[] | null {
  const { hits, list, filter } = state;
  if (!hits || !list || !(filter.group || filter.needsReview || filter.archived)) return hits;
  const allowed = new Set(list.items.map((item) => item.id));
  return hits.filter((hit) => allowed.has(hit.id));
}

/** Where each row of the list pane leads, in order: a search hit opens at its section. */
export function visibleTargets(state: Pick<RunbooksState, 'hits' | 'list' | 'filter'>): Route[] {
  const hits = shownHits(state);
  if (hits) return hits.map((hit) => hitRoute(hit));
  return state.list?.items.map((item) => ({ screen: 'runbook', id: item.id }) as const) ?? [];
}

export const hitRoute = (hit: RunbookHit): Route =>
  hit.section ? { screen: 'runbook', id: hit.id, section: hit.section.id } : { screen: 'runbook', id: hit.id };
