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
  label: ReactNode;
  hint?: ReactNode;
  /** The hint is read to screen readers only (what it says already shows, e.g. in the placeholder). */
  hintHidden?: boolean;
  error?: string | undefined;
  /** The error is announced as it appears (a field alone in its form, whose error is the form's answer). */
  alert?: boolean;
  className?: string;
  /** What stands under the hint (a length count), with the id it describes the control by. */
  below?: (id: string) => ReactNode;
  children: (control: FieldControl) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const belowId = `${id}-below`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.below ? belowId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', props.error ? 'field-invalid' : null, props.className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      {props.children({ id, 'aria-describedby': describedBy, 'aria-invalid': props.error ? true : undefined })}
      {props.hint && (
        <p id={hintId} className={props.hintHidden ? 'visually-hidden' : 'field-hint'}>
          {props.hint}
        </p>
      )}
      {props.below?.(belowId)}
      {props.error && (
        <p id={errorId} className="field-error" role={props.alert ? 'alert' : undefined}>
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
  type?: 'text' | 'date' | 'datetime-local';
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

/** A select of fixed values, each shown by its label (`labels`). */
export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  values: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T) => void;
  error?: string | undefined;
  hint?: string;
  /** Classes of the select besides `text-input`. */
  selectClassName?: string;
  busy?: boolean;
}) {
  return (
    <Field label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(control) => (
        <select
          {...control}
          className={props.selectClassName ? `text-input ${props.selectClassName}` : 'text-input'}
          value={props.value}
          aria-busy={props.busy}
          onChange={(event) => props.onChange(event.target.value as T)}
        >
          {props.values.map((value) => (
            <option key={value} value={value}>
              {props.labels[value]}
            </option>
          ))}
        </select>
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

/**
 * A select's options, each value its own label unless it is given one, after a
 * first option that chooses none of them when `any` names it (e.g. "Any service").
 */
export function Options(props: { any?: string; values: readonly (string | { value: string | number; label: string })[] }) {
  return (
    <>
      {props.any !== undefined && <option value="">{props.any}</option>}
      {props.values.map((item) => {
        const { value, label } = typeof item === 'object' ? item : { value: item, label: item };
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </>
  );
}

/** Two date fields, first and last day (yyyy-mm-dd), each kept on its side of the other. */
export function DateRange(props: { fromLabel: string; toLabel: string; from: string; to: string; onChange: (range: { from?: string; to?: string }) => void }) {
  return (
    <>
      <Field label={props.fromLabel}>
        {(control) => <input {...control} type="date" className="text-input" value={props.from} max={props.to || undefined} onChange={(event) => props.onChange({ from: event.target.value })} />}
      </Field>
      <Field label={props.toLabel}>
        {(control) => <input {...control} type="date" className="text-input" value={props.to} min={props.from || undefined} onChange={(event) => props.onChange({ to: event.target.value })} />}
      </Field>
    </>
  );
}
