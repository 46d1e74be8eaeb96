import { useId, useState, type FormEvent } from 'react';
import type { Severity } from '../../../../shared/incidents';
import { navigate } from '../../../app/route';
import { Dialog } from '../../../components/Dialog';
import { useFormErrors } from '../../../components/form-errors';
import { declareIncident } from '../mutations';
import { useIncidentSettings, useKnownServices } from '../queries';
import { ServicesInput } from './ServicesInput';
import { SeverityPicker } from './SeverityPicker';

/**
 * Declaring takes seconds: a title, a severity, the services hit. Start and
 * detection times default to now and can be set apart when the outage began earlier.
 */
export function DeclareDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const levels = useIncidentSettings().data?.severities;
  const known = useKnownServices();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('SEV3');
  const [services, setServices] = useState<string[]>([]);
  const [pendingService, setPendingService] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const [detectedAt, setDetectedAt] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors({ title, severity, services, pendingService, startedAt, detectedAt });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (title.trim() === '') {
      errors.report({ fields: { title: 'Give the incident a title: what is broken, in a few words.' } });
      return;
    }
    const allServices = [...services, ...pendingService.split(',').map((s) => s.trim()).filter((s) => s && !services.includes(s))];
    const started = toInstant(startedAt);
    const detected = toInstant(detectedAt);
    if (started === null || detected === null) {
      errors.report({ fields: { [started === null ? 'startedAt' : 'detectedAt']: 'That is not a date and time.' } });
      return;
    }
    setBusy(true);
    errors.clear();
    const result = await declareIncident({
      title: title.trim(),
      severity,
      services: allServices,
      ...(started ? { startedAt: started } : {}),
      ...(detected ? { detectedAt: detected } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      const { field, message } = result.error;
      errors.report(field && FIELDS.includes(field) ? { fields: { [field]: message } } : { form: message });
      return;
    }
    onClose();
    navigate({ screen: 'incident', id: result.value.id });
  };

  const { errorFor } = errors;
  const generalError = errors.form ?? undefined;

  return (
    <Dialog
      title="Declare an incident"
      className="declare-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={busy}>
            {busy ? 'Declaring…' : 'Declare incident'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="declare-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-title`} className="field-label">
            Title
          </label>
          <input
            id={`${id}-title`}
            className="text-input declare-title"
            type="text"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="Checkout failing for card payments"
            autoComplete="off"
            maxLength={300}
            data-autofocus
            aria-invalid={errorFor('title') ? true : undefined}
            aria-describedby={errorFor('title') ? `${id}-title-error` : undefined}
          />
          {errorFor('title') && (
            <p id={`${id}-title-error`} className="field-error">
              {errorFor('title')}
            </p>
          )}
        </div>
        <SeverityPicker value={severity} onChange={setSeverity} levels={levels} />
        <ServicesInput value={services} onChange={setServices} known={known} pending={pendingService} onPendingChange={setPendingService} />
        <details className="declare-times">
          <summary>Started and detected times (optional; default now)</summary>
          <div className="declare-times-fields">
            <TimeField id={`${id}-started`} label="Started" value={startedAt} onChange={setStartedAt} error={errorFor('startedAt')} />
            <TimeField id={`${id}-detected`} label="Detected" value={detectedAt} onChange={setDetectedAt} error={errorFor('detectedAt')} />
          </div>
          <p className="field-hint">In your local time. Detected defaults to started.</p>
        </details>
        {generalError && (
          <p className="field-error" role="alert">
            {generalError}
          </p>
        )}
      </form>
    </Dialog>
  );
}

function TimeField(props: { id: string; label: string; value: string; onChange: (value: string) => void; error: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={props.id} className="field-label">
        {props.label}
      </label>
      <input
        id={props.id}
        className="text-input"
        type="datetime-local"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
      {props.error && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** The fields that show their own message; any other refusal is shown for the whole form. */
const FIELDS = ['title', 'startedAt', 'detectedAt'];

/** A datetime-local value (the reader's wall clock) as a UTC instant; '' when empty, null when unreadable. */
function toInstant(local: string): string | null {
  if (local.trim() === '') return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
