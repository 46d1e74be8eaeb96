import { useId, useState, type FormEvent } from 'react';
import type { Incident } from '../../../../shared/incidents';
import { LIMITS } from '../../../../shared/limits';
import { Dialog } from '../../../components/Dialog';
import { LengthHint, textLength } from '../../../components/TextLength';
import { useFormErrors } from '../../../components/form-errors';
import { useDraft } from '../drafts';
import { logEvent } from '../mutations';

/** Resolving asks for one paragraph: what happened and what fixed it. It leads the post-mortem. */
export function ResolveDialog({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const id = useId();
  const [summary, setSummary] = useDraft(`resolve.${incident.id}`);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors({ summary });
  const error = errors.errorFor('summary') ?? errors.form;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
    <Dialog
      title={`Resolve “${incident.title}”`}
      className="resolve-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={busy}>
            {busy ? 'Resolving…' : 'Resolve incident'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-summary`} className="field-label">
            Resolution summary
          </label>
          <textarea
            id={`${id}-summary`}
            className="text-input resolve-summary"
            rows={6}
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
            aria-describedby={`${id}-hint ${id}-length${error ? ` ${id}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            data-autofocus
          />
          <p id={`${id}-hint`} className="field-hint">
            One paragraph on what happened and what fixed it. It is logged on the timeline and leads the post-mortem.
          </p>
          <LengthHint id={`${id}-length`} text={summary.trim()} max={LIMITS.summaryChars} what="the summary" />
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      </form>
    </Dialog>
  );
}
