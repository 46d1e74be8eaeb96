import { useEffect } from 'react';
import { FilterBar } from './FilterBar';
import { ResultList } from './ResultList';
import { RunbookReader } from './RunbookReader';
import { SearchBox } from './SearchBox';
import { useRunbooks } from './store';

/** The runbook library: find on the left, read on the right. */
export function LibraryScreen({ selectedId }: { selectedId: number | null }) {
  const open = useRunbooks((state) => state.open);
  const openRunbook = useRunbooks((state) => state.openRunbook);

  useEffect(() => {
    if (selectedId !== null) void openRunbook(selectedId);
  }, [selectedId, openRunbook]);

  const showing = selectedId !== null && open?.id === selectedId ? open : null;
  return (
    <div className="library" data-testid="library">
      <section className="library-list" aria-label="Runbooks">
        <SearchBox />
        <FilterBar />
        <ResultList selectedId={selectedId} />
      </section>
      <section className="library-reader" aria-label="Runbook">
        {showing ? (
          <RunbookReader runbook={showing} />
        ) : (
          <div className="reader-placeholder">
            <p>Pick a runbook, or search with <kbd>/</kbd>.</p>
            <p>
              <kbd>↑</kbd> <kbd>↓</kbd> move through results, <kbd>Enter</kbd> opens one.
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
