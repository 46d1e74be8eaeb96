import { fieldText } from './form-text';
import { useState, type FormEvent } from 'react';
import { ForResponders } from '../session/ForResponders';
import { fromLocalInput } from './NewChangeForm';
import { addWindow, removeWindow } from './mutations';
import { useChangeWindows } from './queries';

/** Freeze windows (block) and peak windows (warn): one-off or recurring, over all services or some. */
export function WindowsPanel() {
  const windows = useChangeWindows().data ?? [];
  const [error, setError] = useState<string | null>(null);
  const [recurring, setRecurring] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => fieldText(form, name);
    const services = text('services').split(',').map((service) => service.trim()).filter(Boolean);
    const timing = recurring ? { cron: text('cron'), duration: text('duration'), zone: text('zone') } : { from: fromLocalInput(text('from')), to: fromLocalInput(text('to')) };
    const result = await addWindow({ name: text('name'), kind: text('kind') as 'freeze' | 'peak', services: services.length > 0 ? services : 'all', reason: text('reason'), ...timing });
    if (!result.ok) setError(result.message);
    else {
      setError(null);
      element.reset();
    }
  }

  return (
    <section className="panel windows-panel" aria-label="Freeze and peak windows">
      <h2 className="panel-title">Freeze and peak windows</h2>
      {windows.length === 0 ? (
        <p className="muted">No windows. A freeze window blocks changes on its services; a peak window warns.</p>
      ) : (
        <ul className="window-list">
          {windows.map((window) => (
            <li key={window.uid}>
              <span className={`verdict-chip ${window.kind === 'freeze' ? 'verdict-block' : 'verdict-warn'}`}>{window.kind === 'freeze' ? 'Freeze' : 'Peak'}</span>
              <strong>{window.name}</strong>
              <span className="muted">
                {window.services === 'all' ? 'all services' : window.services.join(', ')} · {window.schedule}
              </span>
              <ForResponders>
                <button type="button" onClick={() => void removeWindow(window.id).then((result) => setError(result.ok ? null : result.message))} aria-label={`Remove window ${window.name}`}>
                  Remove
                </button>
              </ForResponders>
            </li>
          ))}
        </ul>
      )}
      <ForResponders>
        <form onSubmit={(event) => void submit(event)} aria-label="Add a window" className="window-form">
          <div className="form-row">
            <label>
              Name
              <input name="name" required />
            </label>
            <label>
              Kind
              <select name="kind" defaultValue="freeze">
                <option value="freeze">freeze (blocks)</option>
                <option value="peak">peak (warns)</option>
              </select>
            </label>
            <label>
              Services <span className="muted">(comma-separated; empty: all)</span>
              <input name="services" />
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={recurring} onChange={(event) => setRecurring(event.target.checked)} /> Recurring
            </label>
          </div>
          {recurring ? (
            <div className="form-row">
              <label>
                Cron <span className="muted">(minute hour day month weekday)</span>
                <input name="cron" required placeholder="0 18 * * 5" />
              </label>
              <label>
                Duration
                <input name="duration" required placeholder="2h" />
              </label>
              <label>
                Zone
                <input name="zone" required defaultValue={Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'} />
              </label>
            </div>
          ) : (
            <div className="form-row">
              <label>
                From
                <input name="from" type="datetime-local" required />
              </label>
              <label>
                To
                <input name="to" type="datetime-local" required />
              </label>
            </div>
          )}
          <label>
            Reason
            <input name="reason" />
          </label>
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
          <button type="submit">Add window</button>
        </form>
      </ForResponders>
    </section>
  );
}
