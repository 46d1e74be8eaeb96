import type { ScheduleTimeline } from '../../../../shared/rosters';
import { formatInZone, zoneCity } from '../time';
import { FinalTrack, type TrackProps } from './FinalTrack';
import { daysBetween } from './range';
import type { TimelineView } from './store';
import { ShiftName } from './ShiftName';
import { describeShift, percentAt, placed, shiftClasses } from './timeline-layout';

/**
 * The schedule over a week or a month: the final schedule (what pages) on top,
 * then each layer, highest (winning) first. Day lines follow the schedule's zone.
 */
export function Timeline(props: TrackProps & { timeline: ScheduleTimeline; view: TimelineView; now: number }) {
  const { timeline, range, roster } = props;
  const zone = timeline.schedule.timeZone;
  const days = daysBetween(range.start, range.end, zone);
  // Each day's column, from its start to the next day's (the last to the range's end).
  const columns = days.map((day, index) => {
    const left = percentAt(day.start, range);
    const right = percentAt(days[index + 1]?.start ?? range.end, range);
    return { day, weekend: day.date.dayOfWeek >= 6, style: { left: `${left}%`, width: `${right - left}%` } };
  });
  const layers = timeline.layers.map((layer, index) => ({ ...layer, number: index + 1 })).reverse();
  const count = timeline.layers.length;
  const nowShown = props.now >= range.start && props.now < range.end;

  return (
    <div className={`oc-timeline oc-timeline-${props.view}`} data-testid="timeline">
      <div className="oc-timeline-row oc-timeline-scale" aria-hidden="true">
        <div className="oc-timeline-label oc-timeline-zone">{zoneCity(zone)} time</div>
        <div className="oc-timeline-days">
          {columns.map(({ day, weekend, style }) => (
            <span key={day.date.toString()} className={weekend ? 'oc-timeline-day oc-timeline-weekend' : 'oc-timeline-day'} style={style}>
              {props.view === 'week' ? (
                formatDayLabel(day.start, zone)
              ) : (
                <>
                  <span className="oc-day-weekday">{formatWeekdayInitial(day.start, zone)}</span>
                  {day.date.day}
                </>
              )}
            </span>
          ))}
        </div>
      </div>
      <div className="oc-timeline-body">
        <div className="oc-timeline-grid" aria-hidden="true">
          {columns.map(({ day, weekend, style }) => (
            <span key={day.date.toString()} className={weekend ? 'oc-timeline-gridday oc-timeline-weekend' : 'oc-timeline-gridday'} style={style} />
          ))}
        </div>
        <div className="oc-timeline-row oc-timeline-row-final">
          <div className="oc-timeline-label" id="oc-timeline-final-label">
            <strong>Final</strong>
            <span className="oc-timeline-sublabel">who gets paged</span>
          </div>
          <FinalTrack
            shifts={timeline.final}
            range={range}
            zone={zone}
            roster={roster}
            selection={props.selection}
            selectedShift={props.selectedShift}
            onPickShift={props.onPickShift}
            onSelectSpan={props.onSelectSpan}
          />
        </div>
        {layers.map((layer) => {
          const labelId = `oc-timeline-layer-${layer.number}`;
          return (
            <div key={layer.number} className="oc-timeline-row oc-timeline-row-layer">
              <div className="oc-timeline-label" id={labelId}>
                <strong>{layer.name}</strong>
                <span className="oc-timeline-sublabel">
                  layer {layer.number}
                  {count > 1 ? (layer.number === count ? ' · wins over lower' : layer.number === 1 ? ' · lowest' : '') : ''}
                </span>
              </div>
              <ul className="oc-timeline-track" aria-labelledby={labelId}>
                {placed(layer.shifts, range).map(({ shift, left, width }) => (
                  <li
                    key={shift.start}
                    className={shiftClasses(shift, roster)}
                    style={{ left: `${left}%`, width: `${width}%` }}
                    title={describeShift(shift, zone)}
                  >
                    <ShiftName shift={shift} />
                    <span className="visually-hidden">
                      , {formatInZone(shift.start, zone)} to {formatInZone(shift.end, zone)}
                    </span>
                  </li>
                ))}
                {layer.shifts.length === 0 && <li className="oc-timeline-empty">No coverage in this range</li>}
              </ul>
            </div>
          );
        })}
        {nowShown && (
          <div className="oc-timeline-now-layer" aria-hidden="true">
            <span className="oc-timeline-now" style={{ left: `${percentAt(props.now, range)}%` }}>
              <span className="oc-timeline-now-label">now</span>
            </span>
          </div>
        )}
      </div>
    </div>
  );
}

const dayLabel = new Map<string, Intl.DateTimeFormat>();
function formatDayLabel(ms: number, zone: string): string {
  let format = dayLabel.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
    dayLabel.set(zone, format);
  }
  return format.format(new Date(ms)).replace(',', '');
}

const initial = new Map<string, Intl.DateTimeFormat>();
function formatWeekdayInitial(ms: number, zone: string): string {
  let format = initial.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'narrow' });
    initial.set(zone, format);
  }
  return format.format(new Date(ms));
}
