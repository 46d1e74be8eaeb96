import { create } from 'zustand';
import type { Runbook, RunbookHit, RunbookList } from '../../../shared/runbooks';
import { api } from '../../api/client';

export interface LibraryFilter {
  tag?: string | undefined;
  service?: string | undefined;
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
  error: string | null;
  loadList: () => Promise<void>;
  setFilter: (filter: LibraryFilter) => Promise<void>;
  setQuery: (query: string) => Promise<void>;
  moveCursor: (delta: number) => void;
  openRunbook: (id: number) => Promise<void>;
  dismissError: () => void;
}

/** Responses can arrive out of order while someone types; only the newest search counts. */
let searchSequence = 0;

export const useRunbooks = create<RunbooksState>()((set, get) => ({
  list: null,
  filter: {},
  query: '',
  hits: null,
  cursor: 0,
  open: null,
  error: null,

  async loadList() {
    const result = await api.listRunbooks(get().filter);
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
    const result = await api.searchRunbooks({ query, limit: 50, ...get().filter });
    if (sequence !== searchSequence) return;
    if (result.ok) set({ hits: result.value, error: null });
    else set({ error: result.error.message });
  },

  moveCursor(delta) {
    const { hits, list, cursor } = get();
    const count = hits ? hits.length : (list?.items.length ?? 0);
    if (count === 0) return;
    set({ cursor: Math.min(count - 1, Math.max(0, cursor + delta)) });
  },

  async openRunbook(id) {
    if (get().open?.id === id) return;
    const result = await api.getRunbook({ id });
    if (result.ok) set({ open: result.value, error: null });
    else set({ open: null, error: result.error.message });
  },

  dismissError() {
    set({ error: null });
  },
}));

/** The ids the list pane shows, in order: search hits while searching, else the library. */
export function visibleIds(state: Pick<RunbooksState, 'hits' | 'list'>): number[] {
  return state.hits ? state.hits.map((hit) => hit.id) : (state.list?.items.map((item) => item.id) ?? []);
}
