import { useState } from 'react';
import { Field } from '../../components/Field';
import { useCanWrite } from '../session/queries';
import { updateSettings } from '../workspace/mutations';
import { useWorkspaceInfo } from '../workspace/queries';
import { type Saved } from './SaveStatus';
import { SettingsSection } from './SettingsSection';

/** The workspace's default name: what the command line and a console that has not said who it is write under. */
export function NameForm() {
  const current = useWorkspaceInfo().data?.author ?? null;
  const canWrite = useCanWrite();
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved>(null);
  const shown = name ?? current ?? '';

  const save = async () => {
    if (!shown.trim()) {
      setSaved({ ok: false, message: 'Give a name: responders see it beside everything logged under it.' });
      return;
    }
    const result = await updateSettings({ author: shown.trim() });
    if (!result.ok) return setSaved({ ok: false, message: result.error.message });
    setName(null);
    setSaved({ ok: true, message: `Saved. The command line now logs as ${result.value.author}.` });
  };

  return (
    <SettingsSection title="Default name" submit="Save name" onSave={save} saved={saved} formClassName="settings-row">
      <Field
        label="Name when nobody says"
        hint={
          <>
            What the command line logs under (unless <code>--as NAME</code> or <code>HOLDFAST_AS</code> names someone) and a console
            that has not said who is at it. Until you set it, it is this computer’s user name. Events already logged keep the name
            they were logged with.
          </>
        }
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
