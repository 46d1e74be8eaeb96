import { useRef, useState, type PointerEvent } from 'react';
import type { Roster, Shift } from '../../../../shared/rosters';
import { formatInZone, snapToHalfHour } from '../time';
import { ShiftName } from './ShiftName';
import { describeShift, percentAt, placed, shiftClasses, type Span } from './timeline-layout';

/** Drags shorter than this are clicks. */
const DRAG_THRESHOLD_PX = 6;

/** What the timeline hands its final row: the range shown, the roster, and the selection with how it changes. */
export interface TrackProps {
  range: Span;
  roster: Roster;
  selection: Span | null;
  selectedShift: Shift | null;
  onPickShift: (shift: Shift) => void;
  onSelectSpan: (span: Span) => void;
}

/**
 * The final schedule's row. Each shift is a button (click: offer to cover it);
 * dragging across the row selects a span, snapped to half hours of the schedule's zone.
 */
export function FinalTrack(props: TrackProps & { shifts: Shift[]; zone: string }) {
  const { range, zone } = props;
  const track = useRef<HTMLUListElement>(null);
  const drag = useRef<{ x: number; ms: number; moved: boolean } | null>(null);
  const justDragged = useRef(false);
  const [dragging, setDragging] = useState<Span | null>(null);

  const instantAt = (clientX: number): number => {
    const rect = track.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return range.start;
    const fraction = Math.min(1, Math.max(0, (clientX - rect.left) / rect.width));
    return snapToHalfHour(range.start + fraction * (range.end - range.start), zone);
  };

  const onPointerDown = (event: PointerEvent<HTMLUListElement>) => {
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, ms: instantAt(event.clientX), moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLUListElement>) => {
    const current = drag.current;
    if (!current) return;
    if (!current.moved) {
      if (Math.abs(event.clientX - current.x) < DRAG_THRESHOLD_PX) return;
      current.moved = true;
      track.current?.setPointerCapture(event.pointerId);
    }
    const other = instantAt(event.clientX);
    setDragging({ start: Math.min(current.ms, other), end: Math.max(current.ms, other) });
  };
  const onPointerUp = (event: PointerEvent<HTMLUListElement>) => {
    const current = drag.current;
    drag.current = null;
    if (!current?.moved) return;
    justDragged.current = true;
    window.setTimeout(() => (justDragged.current = false), 0);
    setDragging(null);
    const other = instantAt(event.clientX);
    const span = { start: Math.min(current.ms, other), end: Math.max(current.ms, other) };
    if (span.end > span.start) props.onSelectSpan(span);
  };
  const onPointerCancel = () => {
    drag.current = null;
    setDragging(null);
  };

  const shown = dragging ?? props.selection;
  return (
    <ul
      ref={track}
      className="oc-timeline-track oc-timeline-track-final"
      aria-labelledby="oc-timeline-final-label"
      aria-describedby="oc-timeline-hint"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      data-testid="final-track"
    >
      {placed(props.shifts, range).map(({ shift, left, width }) => (
        <li key={shift.start} className="oc-shift-slot" style={{ left: `${left}%`, width: `${width}%` }}>
          <button
            type="button"
            className={`${shiftClasses(shift, props.roster)}${props.selectedShift?.start === shift.start ? ' oc-shift-selected' : ''}`}
            aria-label={describeShift(shift, zone)}
            aria-pressed={props.selectedShift?.start === shift.start}
            title={describeShift(shift, zone)}
            onClick={() => {
              if (!justDragged.current) props.onPickShift(shift);
            }}
          >
            <ShiftName shift={shift} />
            {shift.source === 'override' && <span className="oc-shift-tag">override</span>}
          </button>
        </li>
      ))}
      {shown && shown.end > range.start && shown.start < range.end && (
        <li
          className="oc-timeline-selection"
          aria-hidden="true"
          style={{ left: `${percentAt(shown.start, range)}%`, width: `${percentAt(shown.end, range) - percentAt(shown.start, range)}%` }}
        >
          <span className="oc-timeline-selection-label">
            {formatInZone(shown.start, zone)} – {formatInZone(shown.end, zone)}
          </span>
        </li>
      )}
    </ul>
  );
}
