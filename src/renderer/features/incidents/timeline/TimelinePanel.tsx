import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import type { Incident, TimelineEvent } from '../../../../shared/incidents';
import { EVENT_LABELS } from '../format';
import { logEvent } from '../mutations';
import { useTimeline } from '../queries';
import { CorrectDialog } from './CorrectDialog';
import { FILTER_LABELS, FILTERS, matches, supersedes, type TimelineFilter } from './events';
import { NoteInput } from './NoteInput';
import { TimelineRow } from './TimelineRow';
import { StarIcon } from '../../../components/icons';
import { useVirtualRows, virtualRowProps } from '../../../components/virtual-rows';
import { useCanWrite } from '../../session/queries';

const NO_EVENTS: TimelineEvent[] = [];

/**
 * The append-only timeline, oldest first with the newest at the bottom beside
 * the note input. Virtualized: 10,000 events keep a few dozen rows in the DOM.
 * It follows new events while scrolled to the end, and stays put otherwise.
 */
export function TimelinePanel({ incident, onError }: { incident: Incident; onError: (message: string) => void }) {
  const headingId = useId();
  const timeline = useTimeline(incident.id);
  const loaded = timeline.data ?? null;
  const events = loaded ?? NO_EVENTS;
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const [correcting, setCorrecting] = useState<TimelineEvent | null>(null);
  const [unfolded, setUnfolded] = useState<ReadonlySet<number>>(() => new Set());
  const toggleFold = (event: TimelineEvent) =>
    setUnfolded((current) => {
      const next = new Set(current);
      if (!next.delete(event.id)) next.add(event.id);
      return next;
    });
  const canWrite = useCanWrite();
  const shown = useMemo(() => (filter === 'all' ? events : events.filter((event) => matches(event, filter))), [events, filter]);
  const byId = useMemo(() => new Map(events.map((event) => [event.id, event])), [events]);
  const counts = useMemo(() => Object.fromEntries(FILTERS.map((f) => [f, f === 'all' ? events.length : events.filter((e) => matches(e, f)).length])), [events]);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualRows(shown, scrollRef, { estimateSize: 62, overscan: 8, followEnd: true });

  // Open at the newest event, and again whenever the filter changes.
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    const view = `${incident.id}:${filter}`;
    if (loaded === null || shown.length === 0 || scrolledFor.current === view) return;
    scrolledFor.current = view;
    virtualizer.scrollToIndex(shown.length - 1, { align: 'end' });
  }, [incident.id, filter, loaded, shown.length, virtualizer]);

  useAnnounceNewEvents(loaded, incident.id);
  useStayAtEndOnResize(scrollRef);

  const toggleKey = async (event: TimelineEvent) => {
    const outcome = await logEvent('markKey', { id: incident.id, eventId: event.id, key: !event.key });
    if (!outcome.ok) onError(outcome.message);
  };

  return (
    <section className="panel timeline-panel" aria-labelledby={headingId}>
      <header className="timeline-head">
        <h2 id={headingId} className="panel-title">
          Timeline <span className="count">({events.length})</span>
        </h2>
        <div className="timeline-filters" role="group" aria-label="Show">
          {FILTERS.map((option) => (
            <button key={option} type="button" className="toggle small-button" aria-pressed={filter === option} onClick={() => setFilter(option)}>
              {FILTER_LABELS[option]} <span className="filter-count">{counts[option]}</span>
            </button>
          ))}
        </div>
      </header>
      <div
        ref={scrollRef}
        className="timeline-scroll"
        tabIndex={0}
        role="region"
        aria-label="Timeline events"
        onKeyDown={(event) => {
          // Home and End through the virtualizer: the browser's own jump aims at a height still being measured.
          if ((event.key !== 'Home' && event.key !== 'End') || event.target !== event.currentTarget || shown.length === 0) return;
          event.preventDefault();
          virtualizer.scrollToIndex(event.key === 'Home' ? 0 : shown.length - 1, { align: event.key === 'Home' ? 'start' : 'end' });
        }}
      >
        {loaded === null ? (
          <p className={timeline.error ? 'field-error timeline-empty' : 'muted timeline-empty'}>{timeline.error ? timeline.error.message : 'Loading the timeline…'}</p>
        ) : shown.length === 0 ? (
          <p className="muted timeline-empty">
            {filter === 'key' ? (
              <>
                No key events yet.{canWrite && <> Mark one with its star <StarIcon filled={false} />.</>}
              </>
            ) : (
              'Nothing here yet.'
            )}
          </p>
        ) : (
          <ol className="timeline-list" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const event = shown[item.index];
              if (!event) return null;
              return (
                <li key={item.key} className="tl-row" {...virtualRowProps(virtualizer, item)}>
                  <TimelineRow
                    event={event}
                    correction={event.supersededBy !== null ? byId.get(event.supersededBy) : undefined}
                    original={byId.get(supersedes(event) ?? -1)}
                    onToggleKey={(target) => void toggleKey(target)}
                    onCorrect={setCorrecting}
                    expanded={unfolded.has(event.id)}
                    onToggleFold={toggleFold}
                  />
                </li>
              );
            })}
          </ol>
        )}
      </div>
      {canWrite && <NoteInput incidentId={incident.id} />}
      {correcting && <CorrectDialog event={correcting} onClose={() => setCorrecting(null)} />}
    </section>
  );
}

/** Says new events aloud (politely) as they arrive, from this console or another. */
function useAnnounceNewEvents(events: TimelineEvent[] | null, incidentId: number): void {
  const seen = useRef<{ incidentId: number; lastId: number } | null>(null);
  useEffect(() => {
    if (events === null) return;
    const lastId = events.at(-1)?.id ?? 0;
    const before = seen.current;
    seen.current = { incidentId, lastId };
    if (!before || before.incidentId !== incidentId || lastId <= before.lastId) return;
    const fresh = events.filter((event) => event.id > before.lastId);
    const region = document.getElementById(TIMELINE_LIVE_ID);
    if (!region || fresh.length === 0) return;
    const latest = fresh[fresh.length - 1];
    region.textContent =
      fresh.length > 3 || !latest
        ? `${fresh.length} new timeline events.`
        : fresh.map((event) => `${EVENT_LABELS[event.type]} by ${event.actor}: ${event.text.split('\n', 1)[0] ?? ''}`).join('. ');
  }, [events, incidentId]);
}

export const TIMELINE_LIVE_ID = 'timeline-live-region';

/** When the timeline gets shorter (an alert banner opens above it), the newest event stays in sight if it was. */
function useStayAtEndOnResize(scrollRef: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const distanceFromEnd = () => element.scrollHeight - element.scrollTop - element.clientHeight;
    let atEnd = distanceFromEnd() < 8;
    const onScroll = () => {
      atEnd = distanceFromEnd() < 8;
    };
    const observer = new ResizeObserver(() => {
      if (atEnd) element.scrollTop = element.scrollHeight;
    });
    element.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scrollRef]);
}
