import { useId, useState, type FormEvent } from 'react';
import { ACTION_STATUSES, ACTION_TYPES, SaveActionItemInput, type ActionItem } from '../../../shared/postmortems';
import { READABLE_BESIDE_FIELD } from '../../../shared/issue-words';
import { saveActionItem } from './mutations';
import { Dialog } from '../../components/Dialog';
import { useFormErrors } from '../../components/form-errors';
import { Field, SelectField, TextField } from '../../components/Field';
import { ACTION_STATUS_LABELS, ACTION_TYPE_LABELS } from './labels';

interface Fields {
  description: string;
  type: ActionItem['type'];
  owner: string;
  dueDate: string;
  status: ActionItem['status'];
  link: string;
}

const fieldsOf = (item: ActionItem | null): Fields => ({
  description: item?.description ?? '',
  type: item?.type ?? 'prevent',
  owner: item?.owner ?? '',
  dueDate: item?.dueDate ?? '',
  status: item?.status ?? 'open',
  link: item?.link ?? '',
});

/** Adds an action item to an incident, or changes one; checked with the contract's schema before it is sent. */
export function ActionItemDialog(props: { incidentId: number; item: ActionItem | null; onClose: () => void; onSaved: (item: ActionItem) => void }) {
  const [fields, setFields] = useState(() => fieldsOf(props.item));
  const errors = useFormErrors(fields);
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const change = (patch: Partial<Fields>) => setFields({ ...fields, ...patch });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      ...(props.item ? { id: props.item.id } : {}),
      incidentId: props.incidentId,
      description: fields.description,
      type: fields.type,
      owner: fields.owner,
      dueDate: fields.dueDate.trim() === '' ? null : fields.dueDate.trim(),
      status: fields.status,
      link: fields.link,
    };
    const parsed = SaveActionItemInput.safeParse(input, READABLE_BESIDE_FIELD);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[issue.path.join('.')] ??= issue.message;
      errors.report({ fields: found });
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.action-item-dialog [aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    const result = await saveActionItem(input);
    setBusy(false);
    if (!result.ok) {
      const { field, message } = result.error;
      errors.report(field && field in fields ? { fields: { [field]: message } } : { form: message });
      return;
    }
    props.onSaved(result.value);
  };

  return (
    <Dialog
      title={props.item ? 'Edit action item' : 'New action item'}
      className="action-item-dialog"
      onClose={props.onClose}
      actions={
        <>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="primary" disabled={busy}>
            {props.item ? 'Save action item' : 'Add action item'}
          </button>
        </>
      }
    >
      <form id={formId} className="action-item-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Description" error={errors.fields.description} className="field-wide">
          {(control) => (
            <textarea
              {...control}
              className="text-input"
              rows={2}
              value={fields.description}
              data-autofocus
              onChange={(event) => change({ description: event.target.value })}
            />
          )}
        </Field>
        <SelectField
          label="Type"
          value={fields.type}
          values={ACTION_TYPES}
          labels={ACTION_TYPE_LABELS}
          onChange={(type) => change({ type })}
          error={errors.fields.type}
          hint="Mitigate: lessen the next one. Prevent: stop it happening. Process: how we work."
        />
        <SelectField label="Status" value={fields.status} values={ACTION_STATUSES} labels={ACTION_STATUS_LABELS} onChange={(status) => change({ status })} error={errors.fields.status} />
        <TextField label="Owner" value={fields.owner} error={errors.fields.owner} onChange={(owner) => change({ owner })} placeholder="Ana Lima" />
        <TextField label="Due date" type="date" value={fields.dueDate} error={errors.fields.dueDate} onChange={(dueDate) => change({ dueDate })} />
        <TextField
          label="Link"
          className="field-wide"
          value={fields.link}
          error={errors.fields.link}
          onChange={(link) => change({ link })}
          placeholder="https://tracker.example.internal/OPS-123"
          hint="Where the work is tracked (optional)."
        />
      </form>
      {errors.form !== null && (
        <p className="save-problem" role="alert">
          <strong>Not saved.</strong> {errors.form}
        </p>
      )}
    </Dialog>
  );
}
