import { useId, useState } from 'react';
import type { StatusTemplate } from '../../../shared/incidents';
import { useIncidentSettings } from '../incidents/queries';
import { useCanWrite } from '../session/queries';
import { saveIncidentSettings } from './save-incident-settings';
import { type Saved } from './SaveStatus';
import { SettingsSection } from './SettingsSection';

const AUDIENCE_LABELS: Record<StatusTemplate['audience'], string> = {
  internal: 'Internal update',
  external: 'External update (customers)',
};

/** Every placeholder the status update composer fills, and with what. */
const PLACEHOLDERS: [string, string][] = [
  ['{{title}}', 'the incident’s title'],
  ['{{severity}}', 'SEV1 … SEV4'],
  ['{{status}}', 'investigating, identified, monitoring or resolved'],
  ['{{services}}', 'the affected services'],
  ['{{impact}}', 'what the responder types as the impact'],
  ['{{next_update}}', 'when the next update is due (UTC)'],
  ['{{commander}}', 'the incident commander'],
  ['{{summary}}', 'the resolution summary, once resolved'],
];

/** The templates status updates start from, one per audience. */
export function TemplatesForm() {
  const id = useId();
  const stored = useIncidentSettings().data?.templates ?? null;
  const canWrite = useCanWrite();
  const [draft, setDraft] = useState<StatusTemplate[] | null>(null);
  const [saved, setSaved] = useState<Saved>(null);
  const templates = draft ?? stored;

  if (!templates) return null;

  const save = async () => {
    const outcome = await saveIncidentSettings({ templates }, 'Templates saved.');
    if (outcome.ok) setDraft(null);
    setSaved(outcome);
  };

  return (
    <SettingsSection title="Status update templates" submit="Save templates" onSave={save} saved={saved}>
      <div className="templates-grid">
        {templates.map((template) => (
          <div className="field" key={template.audience}>
            <label htmlFor={`${id}-${template.audience}`} className="field-label">
              {AUDIENCE_LABELS[template.audience]}
            </label>
            <textarea
              id={`${id}-${template.audience}`}
              className="text-input mono"
              rows={6}
              maxLength={5000}
              value={template.text}
              readOnly={!canWrite}
              aria-describedby={`${id}-placeholders`}
              onChange={(event) => setDraft(templates.map((other) => (other.audience === template.audience ? { ...other, text: event.target.value } : other)))}
            />
          </div>
        ))}
      </div>
      <div id={`${id}-placeholders`} className="placeholders">
        <p className="field-hint">Placeholders, filled when an update is drafted (one not in this list is left as written):</p>
        <dl>
          {PLACEHOLDERS.map(([name, meaning]) => (
            <div key={name}>
              <dt>
                <code>{name}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </div>
    </SettingsSection>
  );
}
