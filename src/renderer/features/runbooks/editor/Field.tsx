import { useId, type ReactNode } from 'react';

/**
 * A labelled form field with its hint and its error underneath. The control is
 * rendered by `children`, which receives the ids to wire up.
 */
export function Field(props: {
  label: string;
  hint?: ReactNode;
  error: string | undefined;
  className?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: true | undefined }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', props.error ? 'field-invalid' : null, props.className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      {props.children({ id, describedBy, invalid: props.error ? true : undefined })}
      {props.hint && (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A one-line text field bound to a draft field. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint?: string;
  type?: 'text' | 'date';
  inputMode?: 'numeric';
  className?: string;
  autoFocus?: boolean;
  placeholder?: string;
}) {
  return (
    <Field
      label={props.label}
      error={props.error}
      {...(props.hint ? { hint: props.hint } : {})}
      {...(props.className ? { className: props.className } : {})}
    >
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="text-input"
          type={props.type ?? 'text'}
          value={props.value}
          inputMode={props.inputMode}
          placeholder={props.placeholder}
          autoFocus={props.autoFocus}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
