import { useState } from 'react';
import type { Severity } from '../../../../shared/incidents';
import { navigate } from '../../../app/route';
import { FormDialog } from '../../../components/Dialog';
import { Field, TextField } from '../../../components/Field';
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

  const submit = async () => {
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
    <FormDialog
      title="Declare an incident"
      className="declare-dialog"
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      submit={busy ? 'Declaring…' : 'Declare incident'}
      formClassName="declare-form"
    >
      <Field label="Title" error={errorFor('title')}>
        {(control) => (
          <input
            {...control}
            className="text-input declare-title"
            type="text"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="Checkout failing for card payments"
            autoComplete="off"
            maxLength={300}
            data-autofocus
          />
        )}
      </Field>
      <SeverityPicker value={severity} onChange={setSeverity} levels={levels} />
      <ServicesInput value={services} onChange={setServices} known={known} pending={pendingService} onPendingChange={setPendingService} />
      <details className="declare-times">
        <summary>Started and detected times (optional; default now)</summary>
        <div className="declare-times-fields">
          <TextField type="datetime-local" label="Started" value={startedAt} onChange={setStartedAt} error={errorFor('startedAt')} />
          <TextField type="datetime-local" label="Detected" value={detectedAt} onChange={setDetectedAt} error={errorFor('detectedAt')} />
        </div>
        <p className="field-hint">In your local time. Detected defaults to started.</p>
      </details>
      {generalError && (
        <p className="field-error" role="alert">
          {generalError}
        </p>
      )}
    </FormDialog>
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
