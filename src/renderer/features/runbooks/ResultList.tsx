import { useEffect, useRef } from 'react';
import type { RunbookHit, RunbookSummary } from '../../../shared/runbooks';
import { routeHref } from '../../app/route';
import { useVirtualRows, virtualRowProps } from '../../components/virtual-rows';
import { RunbookLabels } from './RunbookLabels';
import { Snippet } from './Snippet';
import { hitRoute, shownHits, SEARCH_LIMIT, useLibraryData } from './queries';
import { useLibrary, type LibraryFilter } from './store';

/** The library's left pane: search hits while searching, otherwise every runbook (within the filter). */
export function ResultList({ selectedId }: { selectedId: number | null }) {
  const { list, hits: allHits, searchedFor: query } = useLibraryData();
  const filter = useLibrary((state) => state.filter);
  const hits = shownHits(allHits, list, filter);
  const cursor = useLibrary((state) => state.cursor);
  const container = useRef<HTMLOListElement>(null);

  useEffect(() => {
    container.current?.querySelector('[data-cursor="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  if (!list) return null;
  if (hits) {
    const byId = new Map(list.items.map((item) => [item.id, item]));
    const spelling = hits[0]?.spelling;
    return (
      <>
        <p className="list-status" aria-live="polite">
          {hits.length === 0
            ? `No ${filter.archived ? 'archived ' : ''}runbook matches “${query}”.`
            : `${hits.length === SEARCH_LIMIT ? `${SEARCH_LIMIT}+` : hits.length} matching`}
          {hits.length === 0 && filter.archived && ' Search covers the active library; turn off “Archived” to search it.'}
        </p>
        {spelling && (
          <p className="spelling-note" role="status">
            No exact match — showing results for “<strong>{spelling}</strong>”
          </p>
        )}
        <ol id="runbook-results" className="result-list" ref={container}>
          {hits.map((hit, index) => (
            <HitRow
              key={hit.id}
              hit={hit}
              summary={byId.get(hit.id)}
              cursor={index === cursor}
              selected={hit.id === selectedId}
            />
          ))}
        </ol>
      </>
    );
  }
  return (
    <>
      <p className="list-status">{describeList(list.total, filter)}</p>
      <LibraryRows items={list.items} cursor={cursor} selectedId={selectedId} />
      {list.items.length === 0 && <EmptyList filter={filter} />}
    </>
  );
}

/**
 * Every runbook in the library, virtualized: with 10,000 runbooks only the rows
 * in view (and a few around them) are in the DOM. The box around the list scrolls;
 * the list is as tall as all its rows and places the ones in view.
 */
function LibraryRows({ items, cursor, selectedId }: { items: RunbookSummary[]; cursor: number; selectedId: number | null }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualRows(items, scroller, { estimateSize: 58, overscan: 10 });

  useEffect(() => {
    if (cursor < items.length) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, items.length, virtualizer]);

  return (
    <div ref={scroller} className="result-scroll">
      <ol id="runbook-results" className="result-list virtual" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (!item) return null;
          return (
            <li key={row.key} {...virtualRowProps(virtualizer, row)} data-cursor={row.index === cursor} aria-current={item.id === selectedId ? 'page' : undefined}>
              <a href={routeHref({ screen: 'runbook', id: item.id })}>
                <span className="result-title">
                  {item.title}
                  <StatusMarks summary={item} />
                </span>
                <RunbookLabels services={item.services} tags={item.tags} />
              </a>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function HitRow(props: { hit: RunbookHit; summary: RunbookSummary | undefined; cursor: boolean; selected: boolean }) {
  const { hit } = props;
  return (
    <li data-cursor={props.cursor} aria-current={props.selected ? 'page' : undefined}>
      <a href={routeHref(hitRoute(hit))}>
        <span className="result-title">
          {hit.title}
          {props.summary && <StatusMarks summary={props.summary} />}
        </span>
        {hit.section && hit.section.title !== hit.title && <span className="result-section">§ {hit.section.title}</span>}
        <Snippet text={hit.snippet} />
      </a>
    </li>
  );
}

/** "Review due" and "Archived", in words, so they read without colour. */
export function StatusMarks({ summary }: { summary: Pick<RunbookSummary, 'reviewDue' | 'archived'> }) {
  return (
    <>
      {summary.reviewDue && !summary.archived && <span className="mark-review-due">Review due</span>}
      {summary.archived && <span className="mark-archived">Archived</span>}
    </>
  );
}

function describeList(count: number, filter: LibraryFilter): string {
  const noun = count === 1 ? 'runbook' : 'runbooks';
  if (filter.archived) return `${count} archived ${noun}`;
  if (filter.needsReview) return `${count} ${noun} past their review date`;
  return `${count} ${noun}`;
}

function EmptyList({ filter }: { filter: LibraryFilter }) {
  if (filter.archived) return <p className="empty">Nothing is archived{filter.needsReview ? ' and due for review' : ''}.</p>;
  if (filter.needsReview) return <p className="empty">Every runbook is within its review date.</p>;
  if (filter.tag || filter.service || filter.group) return <p className="empty">No runbook matches these filters.</p>;
  return (
    <div className="empty">
      <p>No runbooks yet.</p>
      <p>
        Write one with <strong>New runbook</strong>, bring a folder of Markdown runbooks in with{' '}
        <strong>Import folder…</strong> (or <code>holdfast runbooks import PATH</code>), or load the demo workspace from
        the banner above.
      </p>
    </div>
  );
}
