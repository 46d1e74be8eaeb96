import { fieldText } from './form-text';
import { useState, type FormEvent } from 'react';
import { CHANGE_TYPES, RISKS } from '../../../shared/changes';
import { navigate } from '../../app/route';
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

  return (
    <details className="panel new-change">
      <summary className="panel-title">Plan a change</summary>
      <form onSubmit={(event) => void submit(event)} aria-label="Plan a change">
        <label>
          Title
          <input name="title" required maxLength={300} />
        </label>
        <label>
          Services <span className="muted">(comma-separated)</span>
          <input name="services" required />
        </label>
        <div className="form-row">
          <label>
            Type
            <select name="type" defaultValue="normal">
              {CHANGE_TYPES.map((type) => (
                <option key={type}>{type}</option>
              ))}
            </select>
          </label>
          <label>
            Risk
            <select name="risk" defaultValue="medium">
              {RISKS.map((risk) => (
                <option key={risk}>{risk}</option>
              ))}
            </select>
          </label>
          <label>
            Owner <span className="muted">(roster handle)</span>
            <input name="owner" />
          </label>
          <label>
            Approver <span className="muted">(roster handle)</span>
            <input name="approver" />
          </label>
        </div>
        <div className="form-row">
          <label>
            Start
            <input name="start" type="datetime-local" required defaultValue={localInput(now + 4 * 86_400_000)} />
          </label>
          <label>
            End
            <input name="end" type="datetime-local" required defaultValue={localInput(now + 4 * 86_400_000 + 2 * 3_600_000)} />
          </label>
        </div>
        <div className="form-row">
          <label>
            Plan runbook
            <select name="plan" defaultValue="">
              <option value="">None</option>
              {runbooks.map((runbook) => (
                <option key={runbook.id} value={runbook.id}>
                  {runbook.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Rollback runbook
            <select name="rollback" defaultValue="">
              <option value="">None</option>
              {runbooks.map((runbook) => (
                <option key={runbook.id} value={runbook.id}>
                  {runbook.title}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="form-row">
          <label>
            Tiers <span className="muted">(one a line: name percent soak-minutes)</span>
            <textarea name="tiers" rows={3} defaultValue={'canary 5 15\nhalf 50 15\nall 100 0'} />
          </label>
          <label>
            Gate checks <span className="muted">(one a line, for every tier)</span>
            <textarea name="checks" rows={3} defaultValue={'Error rate below 1 %\np99 latency below 300 ms'} />
          </label>
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
