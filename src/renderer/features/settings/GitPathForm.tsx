import { useEffect, useRef, useState } from 'react';
import { Field } from '../../components/Field';
import { useCanWrite } from '../session/queries';
import { updateSettings } from '../workspace/mutations';
import { useWorkspaceInfo } from '../workspace/queries';
import { type Saved } from './SaveStatus';
import { SettingsSection } from './SettingsSection';

/**
 * The git team sync runs, on this machine (never shared): empty for `git` on
 * PATH. The core checks a path before keeping it (a full path to a program that
 * says it is git) and says what is wrong in words. `focus`: opened from the sync
 * indicator's "git not found", so the field takes the keyboard.
 */
export function GitPathForm({ focus = false }: { focus?: boolean }) {
  const current = useWorkspaceInfo().data?.gitPath;
  const canWrite = useCanWrite();
  const [typed, setTyped] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved>(null);
  const input = useRef<HTMLInputElement>(null);
  const shown = typed ?? current ?? '';

  useEffect(() => {
    if (!focus || current === undefined) return;
    input.current?.focus();
    input.current?.scrollIntoView({ block: 'center' });
  }, [focus, current]);

  const save = async () => {
    const gitPath = shown.trim() === '' ? null : shown.trim();
    const result = await updateSettings({ gitPath });
    if (!result.ok) return setSaved({ ok: false, message: result.error.message });
    setTyped(null);
    setSaved({ ok: true, message: result.value.gitPath ? `Saved. Team sync runs ${result.value.gitPath}.` : 'Saved. Team sync runs git from PATH.' });
  };

  return (
    <SettingsSection title="Git for the team workspace" submit="Save path" onSave={save} saved={saved} formClassName="settings-row">
      <Field
        label="Path to git"
        hint={
          <>
            Leave empty to use <code>git</code> on PATH. Set it when git is installed elsewhere: the full path of the program,
            such as <code>/usr/local/bin/git</code> or <code>C:\Program Files\Git\cmd\git.exe</code> (<code>which git</code>, or{' '}
            <code>where git</code> on Windows, prints it). It is checked before it is kept, and kept on this machine only.
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            ref={input}
            className="text-input git-path"
            value={shown}
            placeholder="git on PATH"
            spellCheck={false}
            autoComplete="off"
            maxLength={4096}
            onChange={(event) => {
              setTyped(event.target.value);
              setSaved(null);
            }}
            aria-invalid={saved?.ok === false || undefined}
            readOnly={!canWrite}
          />
        )}
      </Field>
    </SettingsSection>
  );
}
