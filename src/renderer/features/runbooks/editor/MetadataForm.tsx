import { errorAt, type DraftFields, type FieldErrors } from './draft';
import { LinksEditor } from './LinksEditor';
import { TextField } from '../../../components/Field';

/** The runbook's front matter as a form: what the library, the reader and search use. */
export function MetadataForm(props: {
  fields: DraftFields;
  errors: FieldErrors;
  onChange: (patch: Partial<DraftFields>) => void;
  focusTitle: boolean;
}) {
  const { fields, errors, onChange } = props;
  return (
    <fieldset className="metadata-form">
      <legend>About this runbook</legend>
      <TextField
        label="Title"
        className="field-title"
        value={fields.title}
        error={errorAt(errors, 'metadata.title')}
        onChange={(title) => onChange({ title })}
        autoFocus={props.focusTitle}
      />
      <TextField
        label="Summary"
        className="field-summary"
        placeholder="When to use this runbook, in a sentence or two"
        value={fields.summary}
        error={errorAt(errors, 'metadata.summary')}
        onChange={(summary) => onChange({ summary })}
      />
      <TextField
        label="Services"
        hint="comma-separated"
        placeholder="checkout, payments-api"
        value={fields.services}
        error={errorAt(errors, 'metadata.services')}
        onChange={(services) => onChange({ services })}
      />
      <TextField
        label="Tags"
        hint="comma-separated"
        placeholder="database, latency"
        value={fields.tags}
        error={errorAt(errors, 'metadata.tags')}
        onChange={(tags) => onChange({ tags })}
      />
      <TextField
        label="Owner"
        value={fields.owner}
        error={errorAt(errors, 'metadata.owner')}
        onChange={(owner) => onChange({ owner })}
      />
      <TextField
        label="Severity"
        placeholder="SEV2"
        value={fields.severity}
        error={errorAt(errors, 'metadata.severity')}
        onChange={(severity) => onChange({ severity })}
      />
      <TextField
        label="Last reviewed"
        type="date"
        value={fields.lastReviewed}
        error={errorAt(errors, 'metadata.lastReviewed')}
        onChange={(lastReviewed) => onChange({ lastReviewed })}
      />
      <TextField
        label="Review every (days)"
        inputMode="numeric"
        placeholder="90"
        hint="empty: no review date"
        value={fields.reviewIntervalDays}
        error={errorAt(errors, 'metadata.reviewIntervalDays')}
        onChange={(reviewIntervalDays) => onChange({ reviewIntervalDays })}
      />
      <LinksEditor links={fields.links} errors={errors} onChange={(links) => onChange({ links })} />
    </fieldset>
  );
}
