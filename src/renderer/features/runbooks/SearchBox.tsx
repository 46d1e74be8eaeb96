import { navigate } from '../../app/route';
import { useRunbooks, visibleTargets } from './store';

export const SEARCH_INPUT_ID = 'runbook-search';

/** Results as you type; arrows move through them and Enter opens one, so the mouse is never needed. */
export function SearchBox() {
  const query = useRunbooks((state) => state.query);
  const setQuery = useRunbooks((state) => state.setQuery);
  const moveCursor = useRunbooks((state) => state.moveCursor);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveCursor(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      const state = useRunbooks.getState();
      const target = visibleTargets(state)[state.cursor];
      if (target) navigate(target);
    } else if (event.key === 'Escape') {
      if (query) void setQuery('');
      else event.currentTarget.blur();
    }
  };

  return (
    <div className="search-box" role="search">
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        value={query}
        placeholder="Search runbooks   ( / )"
        aria-label="Search runbooks"
        aria-controls="runbook-results"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => void setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
