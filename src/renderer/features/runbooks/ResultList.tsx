import { useEffect, useRef } from 'react';
import { routeHref } from '../../app/route';
import { RunbookLabels } from './RunbookLabels';
import { Snippet } from './Snippet';
import { useRunbooks } from './store';

/** The library's left pane: search hits while searching, otherwise every runbook (within the filter). */
export function ResultList({ selectedId }: { selectedId: number | null }) {
  const list = useRunbooks((state) => state.list);
  const hits = useRunbooks((state) => state.hits);
  const query = useRunbooks((state) => state.query);
  const cursor = useRunbooks((state) => state.cursor);
  const container = useRef<HTMLOListElement>(null);

  useEffect(() => {
    container.current?.querySelector('[data-cursor="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  if (!list) return null;
  if (hits) {
    return (
      <>
        <p className="list-status" aria-live="polite">
          {hits.length === 0 ? `No runbook matches “${query}”.` : `${hits.length === 50 ? '50+' : hits.length} matching`}
        </p>
        <ol id="runbook-results" className="result-list" ref={container}>
          {hits.map((hit, index) => (
            <li key={hit.id} data-cursor={index === cursor} aria-current={hit.id === selectedId ? 'page' : undefined}>
              <a href={routeHref({ screen: 'runbook', id: hit.id })}>
                <span className="result-title">{hit.title}</span>
                <Snippet text={hit.snippet} />
              </a>
            </li>
          ))}
        </ol>
      </>
    );
  }
  return (
    <>
      <p className="list-status">{list.items.length === 1 ? '1 runbook' : `${list.items.length} runbooks`}</p>
      <ol id="runbook-results" className="result-list" ref={container}>
        {list.items.map((item, index) => (
          <li key={item.id} data-cursor={index === cursor} aria-current={item.id === selectedId ? 'page' : undefined}>
            <a href={routeHref({ screen: 'runbook', id: item.id })}>
              <span className="result-title">{item.title}</span>
              <RunbookLabels services={item.services} tags={item.tags} />
            </a>
          </li>
        ))}
      </ol>
      {list.items.length === 0 && <EmptyLibrary />}
    </>
  );
}

function EmptyLibrary() {
  return (
    <div className="empty">
      <p>No runbooks yet.</p>
      <p>
        Import a folder of Markdown runbooks with <code>holdfast runbooks import PATH</code>, or load the demo workspace
        from the banner above.
      </p>
    </div>
  );
}
