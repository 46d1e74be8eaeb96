import { navigate } from '../../app/route';
import { moveCursor, visibleTargets } from './queries';
import { setQuery, useLibrary } from './store';

export const SEARCH_INPUT_ID = 'runbook-search';

/** Results as you type; arrows move through them and Enter opens one, so the mouse is never needed. */
export function SearchBox() {
  const query = useLibrary((state) => state.query);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveCursor(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      const target = visibleTargets()[useLibrary.getState().cursor];
      if (target) navigate(target);
    } else if (event.key === 'Escape') {
      if (query) setQuery('');
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
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
