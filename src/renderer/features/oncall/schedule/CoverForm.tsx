import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Override, Person, Schedule } from '../../../../shared/rosters';
import { Field } from '../../../components/Field';
import { useFormErrors } from '../../../components/form-errors';
import { ZonedTime } from '../ZonedTime';
import { formatInZone, formatSpan, fromLocalInput, sameWallClock, toLocalInput, viewerZone, zoneCity } from '../time';
import { createOverride } from '../mutations';

export interface CoverDraft {
  /** Changes for each new draft, so the form starts afresh. */
  key: number;
  title: string;
  start: string | null;
  end: string | null;
  /** Whose shift is being covered, to say so in the note. */
  covering?: string | undefined;
}

/**
 * Someone covers this schedule from one instant to another: an override, which
 * wins over every layer. Times are typed on the schedule's wall clock and sent as UTC.
 */
export function CoverForm(props: {
  schedule: Schedule;
  people: Person[];
  /** The schedule's overrides, to name the one an overlap is with. */
  overrides: Override[];
  draft: CoverDraft;
  onSpan: (span: { start: number; end: number } | null) => void;
  onClose: () => void;
  onCreated: (override: Override) => void;
}) {
  const { schedule, draft } = props;
  const zone = schedule.timeZone;
  const [person, setPerson] = useState('');
  const [start, setStart] = useState(draft.start ? toLocalInput(draft.start, zone) : '');
  const [end, setEnd] = useState(draft.end ? toLocalInput(draft.end, zone) : '');
  const [note, setNote] = useState(draft.covering ? `Covering ${draft.covering}` : '');
  const errors = useFormErrors({ person, start, end, note });
  /** What the core said when it refused the override (shown while the form is as it was then). */
  const [refusal, setRefusal] = useState<{ code: string; clashes: Override[] }>({ code: '', clashes: [] });
  const problem = errors.form === null ? null : { ...refusal, message: errors.form };
  const [busy, setBusy] = useState(false);
  const personRef = useRef<HTMLSelectElement>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const problemId = `${id}-problem`;

  useEffect(() => {
    personRef.current?.focus();
  }, []);

  const startIso = fromLocalInput(start, zone);
  const endIso = fromLocalInput(end, zone);
  const { onSpan } = props;
  useEffect(() => {
    onSpan(startIso && endIso && Date.parse(endIso) > Date.parse(startIso) ? { start: Date.parse(startIso), end: Date.parse(endIso) } : null);
  }, [startIso, endIso, onSpan]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: { person?: string; start?: string; end?: string } = {};
    if (!person) found.person = 'Choose who covers.';
    if (!startIso) found.start = 'Give the start, date and time.';
    if (!endIso) found.end = 'Give the end, date and time.';
    else if (startIso && Date.parse(endIso) <= Date.parse(startIso)) found.end = 'The end must be after the start.';
    errors.report({ fields: found });
    if (Object.keys(found).length > 0 || !startIso || !endIso) return;
    setBusy(true);
    const result = await createOverride({ schedule: schedule.name, person, start: startIso, end: endIso, note: note.trim() });
    setBusy(false);
    if (result.ok) props.onCreated(result.value);
    else {
      const clashes = props.overrides.filter((o) => Date.parse(o.start) < Date.parse(endIso) && Date.parse(startIso) < Date.parse(o.end));
      setRefusal({ code: result.error.code, clashes: result.error.code === 'CONFLICT' ? clashes : [] });
      errors.report({ form: result.error.message });
    }
  };

  const mine = viewerZone();
  const yourTime = (iso: string | null) =>
    iso && !sameWallClock(iso, zone, mine) ? `${formatInZone(iso, mine)} your time` : undefined;

  return (
    <section
      className="oc-cover-panel"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <h2 id={titleId} className="pane-title">
        {draft.title}
      </h2>
      <div className="oc-cover-layout">
        <form className="oc-cover-form" onSubmit={(event) => void submit(event)} aria-describedby={problem ? problemId : undefined} noValidate>
          <Field label="Who covers" error={errors.fields.person}>
            {(control) => (
              <select {...control} ref={personRef} className="text-input" value={person} onChange={(event) => setPerson(event.target.value)}>
                <option value="">Choose a person…</option>
                {props.people.map((p) => (
                  <option key={p.handle} value={p.handle}>
                    {p.name} (@{p.handle})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TimeField label={`Start (${zoneCity(zone)} time)`} value={start} onChange={setStart} error={errors.fields.start} hint={yourTime(startIso)} />
          <TimeField label={`End (${zoneCity(zone)} time)`} value={end} onChange={setEnd} error={errors.fields.end} hint={yourTime(endIso)} />
          <Field
            label={
              <>
                Note <span className="muted">(optional)</span>
              </>
            }
            className="oc-cover-note"
          >
            {(control) => <input {...control} className="text-input" type="text" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />}
          </Field>
          <div className="oc-cover-actions">
            {startIso && endIso && Date.parse(endIso) > Date.parse(startIso) && (
              <span className="muted">Covers {formatSpan(Date.parse(endIso) - Date.parse(startIso))}</span>
            )}
            <span className="spacer" />
            <button type="button" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Adding…' : 'Add override'}
            </button>
          </div>
        </form>
        {problem && (
          <div id={problemId} className={problem.code === 'CONFLICT' ? 'oc-cover-problem oc-cover-conflict' : 'oc-cover-problem'} role="alert">
            <p className="oc-cover-problem-title">{problem.code === 'CONFLICT' ? 'Overlaps another override' : 'Not added'}</p>
            {problem.clashes.map((clash) => (
              <p key={clash.id} className="oc-clash">
                <strong>{props.people.find((p) => p.handle === clash.person)?.name ?? clash.person}</strong> already covers from{' '}
                <ZonedTime iso={clash.start} zone={zone} stacked /> to <ZonedTime iso={clash.end} zone={zone} stacked />
              </p>
            ))}
            <p>{problem.message}</p>
          </div>
        )}
      </div>
    </section>
  );
}

function TimeField(props: { label: string; value: string; onChange: (value: string) => void; error: string | undefined; hint: string | undefined }) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(control) => (
        <input {...control} className="text-input oc-time-input" type="datetime-local" step={60} value={props.value} onChange={(event) => props.onChange(event.target.value)} />
      )}
    </Field>
  );
}
