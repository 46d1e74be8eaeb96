import { useId, type ReactNode } from 'react';

/** What a field's control is given: spread it onto the input, select or textarea the field labels. */
export interface FieldControl {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/**
 * A labelled form field with its hint and its error underneath, wired for
 * screen readers. The control is rendered by `children`, which receives the
 * attributes to spread onto it (FieldControl).
 */
export function Field(props: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: FieldControl) => ReactNode;
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
      {props.children({ id, 'aria-describedby': describedBy, 'aria-invalid': props.error ? true : undefined })}
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
      {(control) => (
        <input
          {...control}
          className="text-input"
          type={props.type ?? 'text'}
          value={props.value}
          inputMode={props.inputMode}
          placeholder={props.placeholder}
          autoFocus={props.autoFocus}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A path on the machine running Holdfast (in web mode, the server's): monospaced, never spell-checked or autofilled. */
export function PathInput(props: Partial<FieldControl> & { value: string; onChange: (value: string) => void; placeholder: string; autoFocus?: boolean; disabled?: boolean }) {
  const { onChange, autoFocus, ...rest } = props;
  return (
    <input
      {...rest}
      className="text-input mono"
      type="text"
      spellCheck={false}
      autoComplete="off"
      onChange={(event) => onChange(event.target.value)}
      {...(autoFocus ? { 'data-autofocus': true } : {})}
    />
  );
}
