import { useId, type FormEvent, type ReactNode } from 'react';
import { useCanWrite } from '../session/queries';
import { SaveStatus, type Saved } from './SaveStatus';

/**
 * One settings panel: its title, a form with its save button (for a responder;
 * a viewer reads the fields only) and what the last save said.
 */
export function SettingsSection(props: {
  title: string;
  hint?: string;
  /** Names the save button ("Save name"). */
  submit: string;
  onSave: () => Promise<void>;
  saved: Saved;
  formClassName?: string;
  children: ReactNode;
}) {
  const id = useId();
  const canWrite = useCanWrite();
  const save = (event: FormEvent) => {
    event.preventDefault();
    void props.onSave();
  };
  return (
    <section className="panel settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {props.title}
      </h2>
      {props.hint && <p className="panel-hint">{props.hint}</p>}
      <form onSubmit={save} className={props.formClassName}>
        {props.children}
        {canWrite && (
          <button type="submit" className="primary">
            {props.submit}
          </button>
        )}
      </form>
      <SaveStatus saved={props.saved} />
    </section>
  );
}
