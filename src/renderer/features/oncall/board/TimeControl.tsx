import { useId, useState, type FormEvent } from 'react';
import { pin } from '../store';
import { formatInZone, fromLocalInput, toLocalInput, viewerZone } from '../time';

/**
 * "Now" (the default, following the clock minute by minute) or a picked instant,
 * typed on the viewer's own wall clock, to answer "who was / will be on call at…".
 */
export function TimeControl({ pinned, now }: { pinned: string | null; now: number }) {
  const zone = viewerZone();
  const inputId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? toLocalInput(pinned ?? new Date(now).toISOString(), zone);

  const choose = (value: string) => {
    setDraft(value);
    const at = fromLocalInput(value, zone);
    if (at) pin(at);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = fromLocalInput(shown, zone);
    if (at) pin(at);
  };
  const backToNow = () => {
    setDraft(null);
    pin(null);
  };

  const tense = pinned ? (Date.parse(pinned) < now ? 'was' : 'will be') : 'is';
  return (
    <div className="oc-time-control-bar">
      <form className="oc-time-control" onSubmit={submit} aria-label="When">
        <button type="button" className="toggle" aria-pressed={pinned === null} onClick={backToNow}>
          Now
        </button>
        <label htmlFor={inputId} className="inline-label">
          At
        </label>
        <input
          id={inputId}
          className="text-input oc-time-input"
          type="datetime-local"
          value={shown}
          onChange={(event) => choose(event.target.value)}
          aria-describedby={hintId}
        />
        <button type="submit">Show</button>
        <span id={hintId} className="field-hint">
          Your time ({zone})
        </span>
      </form>
      {pinned ? (
        <p className="oc-moment oc-moment-pinned" role="status">
          <span>
            Showing who {tense} on call at <strong>{formatInZone(pinned, zone, { year: true })}</strong> your time — not now.
          </span>
          <button type="button" onClick={backToNow}>
            Back to now
          </button>
        </p>
      ) : (
        <p className="oc-moment">
          Now: <strong>{formatInZone(now, zone)}</strong> your time · updates every minute
        </p>
      )}
    </div>
  );
}
