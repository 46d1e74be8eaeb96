import { useId, useState, type FormEvent } from 'react';
import type { SeverityLevel } from '../../../shared/incidents';
import { severityClass } from '../incidents/format';
import { useIncidentSettings } from '../incidents/queries';
import { useCanWrite } from '../session/queries';
import { saveIncidentSettings } from './save-incident-settings';
import { SaveStatus, type Saved } from './SaveStatus';

/** What each severity means, who gets paged and how often to post an update: the declare dialog and the update timer use these. */
export function SeverityForm() {
  const id = useId();
  const stored = useIncidentSettings().data?.severities ?? null;
  const canWrite = useCanWrite();
  const [draft, setDraft] = useState<SeverityLevel[] | null>(null);
  const [saved, setSaved] = useState<Saved>(null);
  const levels = draft ?? stored;

  if (!levels) return <p className="muted">Loading severities…</p>;

  const change = (index: number, patch: Partial<SeverityLevel>) =>
    setDraft(levels.map((level, at) => (at === index ? { ...level, ...patch } : level)));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await saveIncidentSettings({ severities: levels }, 'Severities saved.');
    if (outcome.ok) setDraft(null);
    setSaved(outcome);
  };

  return (
    <section className="panel settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Severity levels
      </h2>
      <p className="panel-hint">Shown when an incident is declared; the cadence turns the “since last update” timer urgent.</p>
      <form onSubmit={(event) => void save(event)}>
        {levels.map((level, index) => (
          <fieldset key={level.severity} className="severity-setting">
            <legend>
              <span className={severityClass(level.severity)}>{level.severity}</span>
            </legend>
            <div className="field">
              <label htmlFor={`${id}-${level.severity}-description`} className="field-label">
                What it means
              </label>
              <textarea
                id={`${id}-${level.severity}-description`}
                className="text-input"
                rows={2}
                maxLength={500}
                value={level.description}
                readOnly={!canWrite}
                onChange={(event) => change(index, { description: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-${level.severity}-paging`} className="field-label">
                Who gets paged
              </label>
              <textarea
                id={`${id}-${level.severity}-paging`}
                className="text-input"
                rows={2}
                maxLength={500}
                value={level.paging}
                readOnly={!canWrite}
                onChange={(event) => change(index, { paging: event.target.value })}
              />
            </div>
            <div className="field field-narrow">
              <label htmlFor={`${id}-${level.severity}-cadence`} className="field-label">
                Update every (min)
              </label>
              <input
                id={`${id}-${level.severity}-cadence`}
                className="text-input"
                type="number"
                min={1}
                max={1440}
                required
                value={Number.isNaN(level.updateEveryMinutes) ? '' : level.updateEveryMinutes}
                readOnly={!canWrite}
                onChange={(event) => change(index, { updateEveryMinutes: event.target.valueAsNumber })}
              />
            </div>
          </fieldset>
        ))}
        {canWrite && (
          <button type="submit" className="primary">
            Save severities
          </button>
        )}
      </form>
      <SaveStatus saved={saved} />
    </section>
  );
}
