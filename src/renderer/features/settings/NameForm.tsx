import { useId, useState, type FormEvent } from 'react';
import { useCanWrite } from '../session/queries';
import { updateSettings } from '../workspace/mutations';
import { useWorkspaceInfo } from '../workspace/queries';
import { SaveStatus, type Saved } from './SaveStatus';

/** The workspace's default name: what the command line and a console that has not said who it is write under. */
export function NameForm() {
  const id = useId();
  const current = useWorkspaceInfo().data?.author ?? null;
  const canWrite = useCanWrite();
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved>(null);
  const shown = name ?? current ?? '';

  const save = async (event: FormEvent) => {
    event.preventDefault();
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
    <section className="panel settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Default name
      </h2>
      <form onSubmit={(event) => void save(event)} className="settings-row">
        <div className="field">
          <label htmlFor={`${id}-name`} className="field-label">
            Name when nobody says
          </label>
          <input
            id={`${id}-name`}
            className="text-input"
            value={shown}
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
            aria-describedby={`${id}-hint`}
            aria-invalid={saved?.ok === false || undefined}
            readOnly={!canWrite}
          />
          <p id={`${id}-hint`} className="field-hint">
            What the command line logs under (unless <code>--as NAME</code> or <code>HOLDFAST_AS</code> names someone) and a console
            that has not said who is at it. Until you set it, it is this computer’s user name. Events already logged keep the name
            they were logged with.
          </p>
        </div>
        {canWrite && (
          <button type="submit" className="primary">
            Save name
          </button>
        )}
      </form>
      <SaveStatus saved={saved} />
    </section>
  );
}
