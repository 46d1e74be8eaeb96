import { navigate } from '../../app/route';
import { KEYS } from '../../app/keymap';
import { useKeyShortcut } from '../../app/shortcuts';
import { FilterBar } from './FilterBar';
import { LibraryActions } from './LibraryActions';
import { ResultList } from './ResultList';
import { RunbookReader } from './reader/RunbookReader';
import { SearchBox } from './SearchBox';
import { useRunbook } from './queries';

/** The runbook library: find on the left, read on the right. */
export function LibraryScreen({ selectedId, section }: { selectedId: number | null; section?: string | undefined }) {
  const open = useRunbook(selectedId);
  useKeyShortcut(KEYS.newRunbook, () => navigate({ screen: 'new-runbook' }));

  const showing = selectedId !== null && open.data?.id === selectedId ? open.data : null;
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
        ) : selectedId !== null && open.error ? (
          <div className="reader-placeholder" role="alert">
            <p>{open.error.message}</p>
          </div>
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
