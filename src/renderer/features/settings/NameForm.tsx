import { useState } from 'react';
import { Field } from '../../components/Field';
import { useCanWrite } from '../session/queries';
import { updateSettings } from '../workspace/mutations';
import { useWorkspaceInfo } from '../workspace/queries';
import { type Saved } from './SaveStatus';
import { SettingsSection } from './SettingsSection';

/** The name incident timelines and runbook revisions record as who did each thing. */
export function NameForm() {
  const current = useWorkspaceInfo().data?.author ?? null;
  const canWrite = useCanWrite();
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved>(null);
  const shown = name ?? current ?? '';

  const save = async () => {
    if (!shown.trim()) {
      setSaved({ ok: false, message: 'Give a name: responders see it beside everything you log.' });
      return;
    }
    const result = await updateSettings({ author: shown.trim() });
    if (!result.ok) return setSaved({ ok: false, message: result.error.message });
    setName(null);
    setSaved({ ok: true, message: `Saved. New events are logged as ${result.value.author}.` });
  };

  return (
    <SettingsSection title="Your name" submit="Save name" onSave={save} saved={saved} formClassName="settings-row">
      <Field
        label="Name on the timeline"
        hint="Shown beside every event you log and every runbook change you make, so other responders know who did it. Until you set it, it is this computer’s user name. Events already logged keep the name they were logged with."
      >
        {(control) => (
          <input
            {...control}
            className="text-input"
            value={shown}
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={saved?.ok === false || undefined}
            readOnly={!canWrite}
          />
        )}
      </Field>
    </SettingsSection>
  );
}
