import { create } from 'zustand';
import { typingGate } from '../../components/typing-gate';

export interface LibraryFilter {
  tag?: string | undefined;
  service?: string | undefined;
  group?: string | undefined;
  /** Only runbooks past their review date. */
  needsReview?: boolean | undefined;
  /** The archive instead of the active library. */
  archived?: boolean | undefined;
}

/** The library's UI state; what the core holds is read through ./queries.ts. */
interface LibraryState {
  filter: LibraryFilter;
  /** What is in the search box. */
  query: string;
  /** What is searched for: the box's text once the typing pauses (components/typing-gate.ts). */
  searched: string;
  /** Index of the highlighted row in whatever the list pane shows. */
  cursor: number;
  /** Why the last action (duplicate, archive…) failed, for the banner. */
  error: string | null;
}

export const useLibrary = create<LibraryState>()(() => ({ filter: {}, query: '', searched: '', cursor: 0, error: null }));

const search = typingGate<string>((searched) => useLibrary.setState({ searched, cursor: 0 }));

export function setQuery(query: string): void {
  useLibrary.setState({ query, cursor: 0 });
  // A cleared box shows the whole list at once.
  if (query.trim() === '') search.now(query);
  else search(query);
}

export const setFilter = (filter: LibraryFilter): void => useLibrary.setState({ filter, cursor: 0 });

export const showLibraryError = (message: string): void => useLibrary.setState({ error: message });

export const dismissLibraryError = (): void => useLibrary.setState({ error: null });
