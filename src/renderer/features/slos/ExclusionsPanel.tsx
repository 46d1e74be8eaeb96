import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import type { SloExclusion } from '../../../shared/slos';
import { ask } from '../../components/confirm';
import { LocalTime } from '../../components/LocalTime';
import { fromLocalInput, viewerZone } from '../oncall/time';
import { ForResponders } from '../session/ForResponders';
import { excludeSloTime, removeSloExclusion } from './mutations';
import { useSloExclusions } from './queries';

/**
 * "Excluded time": an SLO's maintenance windows and data gaps, the latest
 * first, each with why and who added it; a responder adds one (from, to, why)
 * or removes one, and the budget, the burn-down and the list redraw from the
 * write's echo (slos.changed).
 */
export function ExclusionsPanel({ name, window }: { name: string; window: { from: string; to: string } | undefined }) {
  const exclusions = useSloExclusions(name);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const list = exclusions.data ?? [];

  const remove = async (exclusion: SloExclusion) => {
    const yes = await ask({
      title: 'Remove this exclusion?',
      body: (
        <p>
          The time from <LocalTime iso={exclusion.from} /> to <LocalTime iso={exclusion.to} /> ({exclusion.reason}) counts in {name}’s budget again.
        </p>
      ),
      confirmLabel: 'Remove exclusion',
      danger: true,
    });
    if (!yes) return;
    const result = await removeSloExclusion({ name, id: exclusion.id });
    setProblem(result.ok ? null : result.error.message);
  };

  return (
    <section className="slo-section slo-exclusions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Excluded time</h2>
      <p className="slo-note">Maintenance windows and data gaps: their time counts as neither good nor bad, on both sides of the ratio.</p>
      {exclusions.error && (
        <p className="field-error" role="alert">
          {exclusions.error.message}
        </p>
      )}
      {list.length === 0 ? (
        <p className="muted">{exclusions.isPending ? 'Loading…' : 'Nothing excluded.'}</p>
      ) : (
        <ul className="slo-exclusion-list" aria-label="Exclusions">
          {list.map((exclusion) => {
            const outside = window !== undefined && (Date.parse(exclusion.to) <= Date.parse(window.from) || Date.parse(exclusion.from) >= Date.parse(window.to));
            return (
              <li key={exclusion.id}>
                <span>
                  <LocalTime iso={exclusion.from} /> to <LocalTime iso={exclusion.to} />
                </span>
                <strong>{exclusion.reason}</strong>
                <span className="muted">
                  by {exclusion.createdBy}
                  {outside && ' · outside the window'}
                </span>
                <ForResponders>
                  <button type="button" onClick={() => void remove(exclusion)} aria-label={`Remove the exclusion “${exclusion.reason}”`}>
                    Remove
                  </button>
                </ForResponders>
              </li>
            );
          })}
        </ul>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <ForResponders>
        <AddExclusionForm name={name} />
      </ForResponders>
    </section>
  );
}

/** From, to (on the reader's own clock) and why; refused in words when a field is missing or the range runs backwards. */
function AddExclusionForm({ name }: { name: string }) {
  const zone = viewerZone();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: 'from' | 'to' | 'reason' | null; message: string } | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const start = fromLocalInput(from, zone);
    const end = fromLocalInput(to, zone);
    if (start === null) return setError({ field: 'from', message: 'Give the date and time the excluded time starts.' });
    if (end === null) return setError({ field: 'to', message: 'Give the date and time the excluded time ends.' });
    if (Date.parse(end) <= Date.parse(start)) return setError({ field: 'to', message: 'The end must be after the start.' });
    if (reason.trim() === '') return setError({ field: 'reason', message: 'Say why this time is excluded: maintenance, a data gap…' });
    setBusy(true);
    const result = await excludeSloTime({ name, from: start, to: end, reason: reason.trim() });
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field;
      setError({ field: field === 'from' || field === 'to' || field === 'reason' ? field : null, message: result.error.message });
      return;
    }
    setError(null);
    setFrom('');
    setTo('');
    setReason('');
  };

  const described = (field: 'from' | 'to' | 'reason') => (error?.field === field ? `${id}-error` : undefined);
  /** A date-and-time field's attributes, bound to its draft. */
  const when = (field: 'from' | 'to', value: string, set: (value: string) => void) => ({
    className: 'text-input',
    type: 'datetime-local',
    value,
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(event.target.value),
    'aria-invalid': error?.field === field || undefined,
    'aria-describedby': described(field),
  });
  return (
    <form className="slo-exclusion-form" onSubmit={(event) => void submit(event)} aria-label="Exclude time" noValidate>
      <h3>Exclude time</h3>
      <div className="form-row">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} {...when('from', from, setFrom)} />
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} {...when('to', to, setTo)} />
        <span className="muted">{zone} time</span>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-reason`}>Why</label>
        <input
          id={`${id}-reason`}
          className="text-input"
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
          placeholder="Planned database failover"
          aria-invalid={error?.field === 'reason' || undefined}
          aria-describedby={described('reason')}
        />
        <button type="submit" disabled={busy}>
          Exclude
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error.message}
        </p>
      )}
    </form>
  );
}
