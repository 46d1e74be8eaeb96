import { useState } from 'react';
import type { Incident } from '../../../../shared/incidents';
import { LIMITS } from '../../../../shared/limits';
import { FormDialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { LengthHint, textLength } from '../../../components/TextLength';
import { useFormErrors } from '../../../components/form-errors';
import { useDraft } from '../drafts';
import { logEvent } from '../mutations';

/** Resolving asks for one paragraph: what happened and what fixed it. It leads the post-mortem. */
export function ResolveDialog({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const [summary, setSummary] = useDraft(`resolve.${incident.id}`);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors({ summary });
  const error = errors.errorFor('summary') ?? errors.form;
  const submit = async () => {
    if (busy) return;
    if (summary.trim().length < 20) {
      errors.report({ fields: { summary: 'Write one paragraph: what happened, what fixed it, and whether customers are still affected.' } });
      return;
    }
    if (textLength(summary.trim(), LIMITS.summaryChars, 'the summary').over) return;
    setBusy(true);
    errors.clear();
    const outcome = await logEvent('changeStatus', { id: incident.id, status: 'resolved', summary: summary.trim() });
    setBusy(false);
    if (outcome.ok) {
      setSummary('');
      onClose();
    } else {
      errors.report({ form: outcome.message });
    }
  };
  return (
    <FormDialog
      title={`Resolve “${incident.title}”`}
      className="resolve-dialog"
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      submit={busy ? 'Resolving…' : 'Resolve incident'}
    >
      <Field
        label="Resolution summary"
        hint="One paragraph on what happened and what fixed it. It is logged on the timeline and leads the post-mortem."
        error={error ?? undefined}
        alert
        below={(lengthId) => <LengthHint id={lengthId} text={summary.trim()} max={LIMITS.summaryChars} what="the summary" />}
      >
        {(control) => (
          <textarea {...control} className="text-input resolve-summary" rows={6} value={summary} onChange={(event) => setSummary(event.target.value)} data-autofocus />
        )}
      </Field>
    </FormDialog>
  );
}
