import { useState } from 'react';
import type { SeverityLevel } from '../../../shared/incidents';
import { severityClass } from '../incidents/format';
import { useIncidentSettings } from '../incidents/queries';
import { useCanWrite } from '../session/queries';
import { saveIncidentSettings } from './save-incident-settings';
import { Field } from '../../components/Field';
import { type Saved } from './SaveStatus';
import { SettingsSection } from './SettingsSection';

/** A level's two texts, each a short paragraph. */
const TEXTS = [
  { key: 'description', label: 'What it means' },
  { key: 'paging', label: 'Who gets paged' },
] as const;

/** What each severity means, who gets paged and how often to post an update: the declare dialog and the update timer use these. */
export function SeverityForm() {
  const stored = useIncidentSettings().data?.severities ?? null;
  const canWrite = useCanWrite();
  const [draft, setDraft] = useState<SeverityLevel[] | null>(null);
  const [saved, setSaved] = useState<Saved>(null);
  const levels = draft ?? stored;

  if (!levels) return <p className="muted">Loading severities…</p>;

  const change = (index: number, patch: Partial<SeverityLevel>) =>
    setDraft(levels.map((level, at) => (at === index ? { ...level, ...patch } : level)));

  const save = async () => {
    const outcome = await saveIncidentSettings({ severities: levels }, 'Severities saved.');
    if (outcome.ok) setDraft(null);
    setSaved(outcome);
  };

  return (
    <SettingsSection
      title="Severity levels"
      hint="Shown when an incident is declared; the cadence turns the “since last update” timer urgent."
      submit="Save severities"
      onSave={save}
      saved={saved}
    >
      {levels.map((level, index) => (
        <fieldset key={level.severity} className="severity-setting">
          <legend>
            <span className={severityClass(level.severity)}>{level.severity}</span>
          </legend>
          {TEXTS.map(({ key, label }) => (
            <Field key={key} label={label}>
              {(control) => (
                <textarea
                  {...control}
                  className="text-input"
                  rows={2}
                  maxLength={500}
                  value={level[key]}
                  readOnly={!canWrite}
                  onChange={(event) => change(index, { [key]: event.target.value })}
                />
              )}
            </Field>
          ))}
          <Field label="Update every (min)" className="field-narrow">
            {(control) => (
              <input
                {...control}
                className="text-input"
                type="number"
                min={1}
                max={1440}
                required
                value={Number.isNaN(level.updateEveryMinutes) ? '' : level.updateEveryMinutes}
                readOnly={!canWrite}
                onChange={(event) => change(index, { updateEveryMinutes: event.target.valueAsNumber })}
              />
            )}
          </Field>
        </fieldset>
      ))}
    </SettingsSection>
  );
}
