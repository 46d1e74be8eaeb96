import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { DrillScenario } from '../../../../shared/drills';
import { navigate, routeHref } from '../../../app/route';
import { useSaveShortcut } from '../../../app/shortcuts';
import { useFormErrors } from '../../../components/form-errors';
import { ServicesInput } from '../../incidents/declare/ServicesInput';
import { useRunbookList } from '../../runbooks/queries';
import { saveScenario } from '../mutations';
import { blankInject, toDraft, toInput, type InjectDraft, type ScenarioDraft } from './draft';
import { InjectFields } from './InjectFields';
import { RunbookPicker } from './RunbookPicker';

/** Writing a scenario in the app: what it drills, its targets and its script of injects. Ctrl+S saves. */
export function ScenarioEditor({ scenario }: { scenario: DrillScenario | null }) {
  const [draft, setDraft] = useState<ScenarioDraft>(() => toDraft(scenario));
  const errors = useFormErrors(draft);
  const [saving, setSaving] = useState(false);
  const runbookList = useRunbookList().data;
  const known = useMemo(() => (runbookList?.services ?? []).map((facet) => facet.name).sort((a, b) => a.localeCompare(b)), [runbookList]);
  const id = useId();
  const { errorFor } = errors;
  const messages = [...Object.values(errors.fields), ...(errors.form === null ? [] : [errors.form])];
  const update = (patch: Partial<ScenarioDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const updateInject = (index: number, patch: Partial<InjectDraft>) =>
    setDraft((current) => ({ ...current, injects: current.injects.map((inject, i) => (i === index ? { ...inject, ...patch } : inject)) }));
  const moveInject = (index: number, by: -1 | 1) =>
    setDraft((current) => {
      const injects = [...current.injects];
      const [moved] = injects.splice(index, 1);
      if (moved) injects.splice(Math.max(0, Math.min(injects.length, index + by)), 0, moved);
      return { ...current, injects };
    });

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    const parsed = toInput(draft, scenario?.id ?? null);
    if (!parsed.ok) {
      errors.report({ fields: Object.fromEntries(parsed.errors.map((error) => [error.field, error.message])) });
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.scenario-editor [aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    const result = await saveScenario(parsed.input);
    setSaving(false);
    if (!result.ok) {
      const { field, message } = result.error;
      errors.report(field && field in draft ? { fields: { [field]: message } } : { form: message });
      return;
    }
    navigate({ screen: 'drills' });
  };
  useSaveShortcut(() => void save());

  return (
    <form className="drills-screen scenario-editor" onSubmit={(event) => void save(event)} noValidate>
      <header className="drills-header">
        <h1>{scenario ? `Edit “${scenario.title}”` : 'New drill scenario'}</h1>
        <span className="spacer" />
        <a className="button" href={routeHref({ screen: 'drills' })}>
          Cancel
        </a>
        <button type="submit" className="primary" disabled={saving} aria-keyshortcuts="Control+S Meta+S">
          {saving ? 'Saving…' : 'Save scenario'} <kbd aria-hidden="true">Ctrl+S</kbd>
        </button>
      </header>
      {messages.length > 0 && (
        <div className="banner banner-error" role="alert">
          <span>{messages.length === 1 ? messages[0] : `${messages.length} fields need fixing: ${messages.join(' ')}`}</span>
        </div>
      )}
      <div className="editor-columns">
        <section className="drill-panel" aria-labelledby={`${id}-about`}>
          <h2 id={`${id}-about`}>The scenario</h2>
          <Field label="Title" error={errorFor('title')}>
            {(props) => <input {...props} name="title" className="text-input" value={draft.title} onChange={(event) => update({ title: event.target.value })} autoFocus />}
          </Field>
          <Field label="Objectives" hint="What the team should practise. Markdown.">
            {(props) => <textarea {...props} name="objectives" className="text-input" rows={5} value={draft.objectives} onChange={(event) => update({ objectives: event.target.value })} />}
          </Field>
          <ServicesInput
            value={draft.services}
            onChange={(services) => update({ services })}
            known={known}
            pending={draft.pendingService}
            onPendingChange={(pendingService) => update({ pendingService })}
          />
          <RunbookPicker value={draft.runbooks} onChange={(runbooks) => update({ runbooks })} runbooks={runbookList?.items ?? []} />
          <fieldset className="targets-fieldset">
            <legend className="field-label">Targets, in minutes on the drill clock (leave empty for none)</legend>
            <div className="target-fields">
              <Field label="Acknowledge within" error={errorFor('targets.acknowledge')}>
                {(props) => <MinutesInput {...props} name="targets.acknowledge" value={draft.targets.acknowledge} onChange={(acknowledge) => update({ targets: { ...draft.targets, acknowledge } })} />}
              </Field>
              <Field label="First status update within" error={errorFor('targets.firstUpdate')}>
                {(props) => <MinutesInput {...props} name="targets.firstUpdate" value={draft.targets.firstUpdate} onChange={(firstUpdate) => update({ targets: { ...draft.targets, firstUpdate } })} />}
              </Field>
              <Field label="Mitigate within" error={errorFor('targets.mitigate')}>
                {(props) => <MinutesInput {...props} name="targets.mitigate" value={draft.targets.mitigate} onChange={(mitigate) => update({ targets: { ...draft.targets, mitigate } })} />}
              </Field>
            </div>
          </fieldset>
        </section>
        <section className="drill-panel" aria-labelledby={`${id}-injects`}>
          <h2 id={`${id}-injects`}>
            Injects <span className="count">({draft.injects.length})</span>
          </h2>
          <p className="field-hint">
            What happens during the drill. A timed inject fires on its own that many minutes in (paused time does not count); a manual one waits
            for you to fire it. Responders see the text, never the facilitator notes.
          </p>
          <ol className="inject-editors">
            {draft.injects.map((inject, index) => (
              <li key={inject.key}>
                <InjectFields
                  inject={inject}
                  index={index}
                  count={draft.injects.length}
                  errorFor={errorFor}
                  onChange={(patch) => updateInject(index, patch)}
                  onMove={(by) => moveInject(index, by)}
                  onRemove={() => update({ injects: draft.injects.filter((_, i) => i !== index) })}
                />
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => update({ injects: [...draft.injects, blankInject()] })}>
            + Add inject
          </button>
        </section>
      </div>
    </form>
  );
}

interface FieldProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A labelled control with its hint and its error, wired for screen readers. */
export function Field(props: { label: string; hint?: string; error?: string | undefined; children: (props: FieldProps) => ReactNode }) {
  const id = useId();
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      {props.children({ id, ...(props.error ? { 'aria-invalid': true } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
      {props.hint && (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function MinutesInput(props: FieldProps & { name: string; value: string; onChange: (value: string) => void }) {
  const { onChange, ...rest } = props;
  return <input {...rest} className="text-input minutes-input" type="text" inputMode="decimal" autoComplete="off" onChange={(event) => onChange(event.target.value)} />;
}
