import { useCallback, useMemo, useState } from 'react';
import { readOp } from '../../../api/queries';
import { downloadFile, safeFileName } from '../../../components/download';
import type { Override, Roster, Schedule, Shift } from '../../../../shared/rosters';
import { routeHref } from '../../../app/route';
import { KEYS } from '../../../app/keymap';
import { useKeyShortcut } from '../../../app/shortcuts';
import { clock, useMinuteClock } from '../clock';
import { OnCallNav } from '../OnCallNav';
import { useRoster, useScheduleShifts } from '../queries';
import { formatInZone, Temporal, todayIn, viewerZone, zoneCity } from '../time';
import { ZonedTime } from '../ZonedTime';
import { CoverForm, type CoverDraft } from './CoverForm';
import { OverrideList } from './OverrideList';
import { rangeFor, rangeLabel, stepAnchor } from './range';
import { ShiftTable } from './ShiftTable';
import { setAnchor, setView as chooseView, useScheduleView, type TimelineView } from './store';
import { Timeline } from './Timeline';
import type { Span } from './timeline-layout';
import { ForResponders } from '../../session/ForResponders';
import { useCanWrite } from '../../session/queries';

/** `#/oncall/schedules/:name`: the schedule over a week or a month, its layers, and its overrides. */
export function ScheduleScreen({ name }: { name: string }) {
  const roster = useRoster().data;
  const schedule = roster?.schedules.find((s) => s.name === name);
  if (!roster) return <div className="oc-screen" />;
  if (!schedule) {
    return (
      <div className="oc-screen">
        <OnCallNav current={{ screen: 'schedule', name }} />
        <h1>No schedule “{name}”</h1>
        <p>
          <a href={routeHref({ screen: 'oncall' })}>Back to the Now board</a>
        </p>
      </div>
    );
  }
  return <ScheduleView key={schedule.name} schedule={schedule} roster={roster} />;
}

let draftKey = 0;

function ScheduleView({ schedule, roster }: { schedule: Schedule; roster: Roster }) {
  const zone = schedule.timeZone;
  const minute = useMinuteClock();
  const view = useScheduleView((state) => (state.schedule === schedule.name ? state.view : 'week'));
  const anchorIso = useScheduleView((state) => (state.schedule === schedule.name ? state.anchor : null));
  const [actionError, setActionError] = useState<string | null>(null);
  const [selectedShift, setSelectedShift] = useState<Shift | null>(null);
  const [draft, setDraft] = useState<CoverDraft | null>(null);
  const canWrite = useCanWrite();
  const [span, setSpan] = useState<Span | null>(null);
  const [added, setAdded] = useState<Override | null>(null);

  const today = todayIn(zone, new Date(minute)).toString();
  const anchor = anchorIso ?? today;
  const wanted = useMemo(() => rangeFor(view, Temporal.PlainDate.from(anchor), zone), [view, anchor, zone]);

  const shifts = useScheduleShifts({ schedule: schedule.name, ...wanted });
  // The range the shifts on screen answer: the one asked for once its answer is in, the last one until then.
  const [shown, setShown] = useState({ schedule: schedule.name, ...wanted });
  if (!shifts.isPlaceholderData && shifts.data && (shown.from !== wanted.from || shown.to !== wanted.to)) setShown({ schedule: schedule.name, ...wanted });
  const timeline = shifts.data ?? null;
  const error = actionError ?? shifts.error?.message ?? null;
  const downloadIcal = async () => {
    const result = await readOp('scheduleIcal', { schedule: schedule.name }, { fresh: true });
    if (!result.ok) return setActionError(result.error.message);
    downloadFile(`${safeFileName(schedule.name)}.ics`, result.value.ics, 'text/calendar');
  };

  const openCover = (next: Omit<CoverDraft, 'key'>) => {
    // A viewer's console (the read-only link) shows the schedule and offers no override.
    if (!canWrite) return;
    setAdded(null);
    setDraft({ ...next, key: ++draftKey });
  };
  const coverNow = () => {
    // "Cover me": from now (the minute it is, never rounded forward) until the shift on call now ends.
    const now = clock.now().getTime();
    const current = timeline?.final.find((s) => Date.parse(s.start) <= now && now < Date.parse(s.end));
    openCover({
      title: 'Cover a shift',
      start: new Date(now).toISOString(),
      end: current ? current.end : null,
      covering: current?.person?.name,
    });
  };
  useKeyShortcut(KEYS.coverShift, coverNow, draft === null);

  const setView = (next: TimelineView) => chooseView(schedule.name, next);
  const move = (direction: -1 | 1) =>
    setAnchor(schedule.name, stepAnchor(view, Temporal.PlainDate.from(anchor), direction).toString());
  const onSpan = useCallback((next: Span | null) => setSpan(next), []);

  const range = timeline ? { start: Date.parse(shown.from), end: Date.parse(shown.to) } : null;
  const names = new Map(roster.people.map((p) => [p.handle, p.name]));
  const overrides = roster.overrides.filter((o) => o.schedule === schedule.name);
  const mine = viewerZone();

  return (
    <div className="oc-screen oc-schedule-screen">
      <OnCallNav current={{ screen: 'schedule', name: schedule.name }} />
      <header className="oc-schedule-header">
        <div>
          <h1>{schedule.name}</h1>
          <p className="muted oc-schedule-facts">
            Team {schedule.team} · times in {zone} ({zoneCity(zone)}){mine !== zone ? ` · you are in ${mine}` : ''}
          </p>
        </div>
        <div className="oc-schedule-actions">
          {canWrite && (
            <button type="button" className="primary" onClick={coverNow} aria-keyshortcuts="c">
              Cover a shift… <kbd aria-hidden="true">c</kbd>
            </button>
          )}
          <button type="button" onClick={() => void downloadIcal()}>
            Download iCal
          </button>
        </div>
      </header>

      <div className="oc-range-bar">
        <div className="oc-segmented" role="group" aria-label="Range length">
          <button type="button" className="toggle" aria-pressed={view === 'week'} onClick={() => setView('week')}>
            Week
          </button>
          <button type="button" className="toggle" aria-pressed={view === 'month'} onClick={() => setView('month')}>
            Month
          </button>
        </div>
        <div className="oc-segmented" role="group" aria-label="Move">
          <button type="button" onClick={() => move(-1)} aria-label={view === 'week' ? 'Previous week' : 'Previous month'}>
            ← Previous
          </button>
          <button type="button" onClick={() => setAnchor(schedule.name, null)} disabled={anchor === today}>
            Today
          </button>
          <button type="button" onClick={() => move(1)} aria-label={view === 'week' ? 'Next week' : 'Next month'}>
            Next →
          </button>
        </div>
        <h2 className="oc-range-label" aria-live="polite">
          {rangeLabel(view, Date.parse(wanted.from), Date.parse(wanted.to), zone)}
        </h2>
      </div>

      {error && (
        <p className="oc-error" role="alert">
          {error}{' '}
          <button type="button" onClick={() => setActionError(null)}>
            Dismiss
          </button>
        </p>
      )}

      {timeline && range && (
        <Timeline
          timeline={timeline}
          range={range}
          view={view}
          roster={roster}
          now={minute}
          selection={span}
          selectedShift={selectedShift}
          onPickShift={(shift) => {
            setSelectedShift(shift);
            setDraft(null);
            setSpan(null);
          }}
          onSelectSpan={(selected) => {
            setSelectedShift(null);
            openCover({ title: 'Cover the selected span', start: new Date(selected.start).toISOString(), end: new Date(selected.end).toISOString() });
          }}
        />
      )}
      <p id="oc-timeline-hint" className="field-hint oc-timeline-hint">
        {canWrite ? 'Drag across the Final row to choose a span to cover (it snaps to half hours), or click a shift.' : 'Click a shift for its details.'}{' '}
        Hatched red is a gap: nobody is on call.
      </p>

      {added && (
        <p className="notice" role="status">
          <span>
            Override added: <strong>{names.get(added.person) ?? added.person}</strong> covers from {formatInZone(added.start, zone)} to{' '}
            {formatInZone(added.end, zone)} ({zoneCity(zone)} time).
          </span>
        </p>
      )}

      <div className={draft ? 'oc-schedule-panels oc-schedule-panels-covering' : 'oc-schedule-panels'}>
        {draft ? (
          <CoverForm
            key={draft.key}
            schedule={schedule}
            people={roster.people}
            overrides={overrides}
            draft={draft}
            onSpan={onSpan}
            onClose={() => {
              setDraft(null);
              setSpan(null);
            }}
            onCreated={(override) => {
              setDraft(null);
              setSpan(null);
              setSelectedShift(null);
              setAdded(override);
            }}
          />
        ) : selectedShift ? (
          <ShiftDetails
            key={selectedShift.start}
            shift={selectedShift}
            zone={zone}
            onCover={() =>
              openCover({
                title: selectedShift.person ? `Cover ${selectedShift.person.name}’s shift` : 'Cover this gap',
                start: selectedShift.start,
                end: selectedShift.end,
                covering: selectedShift.person?.name,
              })
            }
            onClose={() => setSelectedShift(null)}
          />
        ) : null}
        <OverrideList schedule={schedule} overrides={overrides} names={names} now={minute} onError={setActionError} />
      </div>

      {timeline && range && <ShiftTable shifts={timeline.final} range={range} zone={zone} />}
    </div>
  );
}

/** A clicked shift: who, when, and the one-click way to cover it. */
function ShiftDetails(props: { shift: Shift; zone: string; onCover: () => void; onClose: () => void }) {
  const { shift, zone } = props;
  return (
    <section className="oc-shift-details" aria-labelledby="oc-shift-details-title">
      <h2 id="oc-shift-details-title" className="pane-title">
        {shift.person ? shift.person.name : 'Gap: nobody on call'}
        {shift.source === 'override' && <span className="oc-badge oc-badge-override">override</span>}
      </h2>
      <p>
        From <ZonedTime iso={shift.start} zone={zone} year />
        <br />
        to <ZonedTime iso={shift.end} zone={zone} year />
      </p>
      {shift.layer && <p className="muted">From layer {shift.layer}.</p>}
      <div className="oc-cover-actions">
        <ForResponders>
          <button type="button" className="primary" onClick={props.onCover} autoFocus>
            {shift.person ? 'Cover this shift…' : 'Cover this gap…'}
          </button>
        </ForResponders>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
