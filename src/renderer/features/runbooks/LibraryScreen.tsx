import { useEffect } from 'react';
import { navigate } from '../../app/route';
import { KEYS } from '../../app/keymap';
import { useKeyShortcut } from '../../app/shortcuts';
import { FilterBar } from './FilterBar';
import { LibraryActions } from './LibraryActions';
import { ResultList } from './ResultList';
import { RunbookReader } from './reader/RunbookReader';
import { SearchBox } from './SearchBox';
import { useRunbooks } from './store';

/** The runbook library: find on the left, read on the right. */
export function LibraryScreen({ selectedId, section }: { selectedId: number | null; section?: string | undefined }) {
  const open = useRunbooks((state) => state.open);
  const openRunbook = useRunbooks((state) => state.openRunbook);
  useKeyShortcut(KEYS.newRunbook, () => navigate({ screen: 'new-runbook' }));

  useEffect(() => {
    if (selectedId !== null) void openRunbook(selectedId);
  }, [selectedId, openRunbook]);

  const showing = selectedId !== null && open?.id === selectedId ? open : null;
  return (
    <div className="library" data-testid="library">
      <section className="library-list" aria-label="Runbooks">
        <SearchBox />
        <LibraryActions />
        <FilterBar />
        <ResultList selectedId={selectedId} />
      </section>
      <section className="library-reader" aria-label="Runbook">
        {showing ? (
          <RunbookReader runbook={showing} section={section} />
        ) : (
          <div className="reader-placeholder">
            <p>Pick a runbook, or search with <kbd>/</kbd>.</p>
            <p>
              <kbd>↑</kbd> <kbd>↓</kbd> move through results, <kbd>Enter</kbd> opens one.
            </p>
            <p>
              <kbd>n</kbd> starts a new runbook; <kbd>e</kbd> edits the one you are reading.
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
