import { fieldText } from './form-text';
import { useState, type ComponentProps, type FormEvent, type InputHTMLAttributes } from 'react';
import { CHANGE_TYPES, RISKS } from '../../../shared/changes';
import { navigate } from '../../app/route';
import { Field, Options } from '../../components/Field';
import { createChange } from './mutations';
import { useRunbookChoices } from './queries';

/** `2026-12-01T09:00` (a datetime-local field, the reader's zone) as a UTC instant. */
export const fromLocalInput = (value: string): string => (value ? new Date(value).toISOString() : '');
const localInput = (ms: number): string => {
  const date = new Date(ms);
  return new Date(ms - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

const lines = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** "canary 5 15" per line: a tier's name, percentage and soak minutes. */
function tiersOf(text: string) {
  return lines(text).map((line) => {
    const [name = '', percent = '', soak = '0'] = line.split(/\s+/);
    return { name, percent: Number(percent.replace('%', '')), soakMinutes: Number(soak) };
  });
}

/** Plan a change: the form of `holdfast change new`, scheduled at once. */
export function NewChangeForm() {
  const runbooks = useRunbookChoices().data?.items ?? [];
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [now] = useState(() => Date.now());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => fieldText(form, name);
    const runbook = (name: string) => (text(name) ? Number(text(name)) : null);
    setBusy(true);
    const result = await createChange({
      title: text('title'),
      services: text('services').split(',').map((service) => service.trim()).filter(Boolean),
      type: text('type'),
      risk: text('risk'),
      owner: text('owner') || undefined,
      approver: text('approver') || null,
      start: fromLocalInput(text('start')),
      end: fromLocalInput(text('end')),
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
      plan: runbook('plan'),
      rollback: runbook('rollback'),
      tiers: tiersOf(text('tiers')),
      checks: lines(text('checks')),
    });
    setBusy(false);
    if (!result.ok) setError(result.message);
    else navigate({ screen: 'change', id: result.value.id });
  }

  const runbookChoices = runbooks.map((runbook) => ({ value: runbook.id, label: runbook.title }));
  return (
    <details className="panel new-change">
      <summary className="panel-title">Plan a change</summary>
      <form onSubmit={(event) => void submit(event)} aria-label="Plan a change">
        <TextInput label="Title" name="title" required maxLength={300} />
        <TextInput label="Services" hint="comma-separated" name="services" required />
        <div className="form-row">
          <Choice label="Type" name="type" defaultValue="normal" values={CHANGE_TYPES} />
          <Choice label="Risk" name="risk" defaultValue="medium" values={RISKS} />
          <TextInput label="Owner" hint="roster handle" name="owner" />
          <TextInput label="Approver" hint="roster handle" name="approver" />
        </div>
        <div className="form-row">
          <TextInput label="Start" name="start" type="datetime-local" required defaultValue={localInput(now + 4 * 86_400_000)} />
          <TextInput label="End" name="end" type="datetime-local" required defaultValue={localInput(now + 4 * 86_400_000 + 2 * 3_600_000)} />
        </div>
        <div className="form-row">
          <Choice label="Plan runbook" name="plan" defaultValue="" any="None" values={runbookChoices} />
          <Choice label="Rollback runbook" name="rollback" defaultValue="" any="None" values={runbookChoices} />
        </div>
        <div className="form-row">
          <Lines label="Tiers" hint="one a line: name percent soak-minutes" name="tiers" defaultValue={'canary 5 15\nhalf 50 15\nall 100 0'} />
          <Lines label="Gate checks" hint="one a line, for every tier" name="checks" defaultValue={'Error rate below 1 %\np99 latency below 300 ms'} />
        </div>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Plan change
        </button>
      </form>
    </details>
  );
}

type Named = { label: string; name: string; hint?: string };

function TextInput({ label, hint, ...input }: Named & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>) {
  return <Field label={label} hint={hint}>{(control) => <input {...control} {...input} className="text-input" />}</Field>;
}

function Choice({ label, hint, name, defaultValue, any, values }: Named & { defaultValue: string; any?: string; values: ComponentProps<typeof Options>['values'] }) {
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <select {...control} className="text-input" name={name} defaultValue={defaultValue}>
          <Options values={values} {...(any === undefined ? {} : { any })} />
        </select>
      )}
    </Field>
  );
}

function Lines({ label, hint, name, defaultValue }: Named & { defaultValue: string }) {
  return <Field label={label} hint={hint}>{(control) => <textarea {...control} name={name} rows={3} defaultValue={defaultValue} className="text-input" />}</Field>;
}
