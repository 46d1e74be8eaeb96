import { useId, useState, type ReactNode } from 'react';
import type { ApiError, Result } from '../../shared/result';
import { Dialog } from './Dialog';
import { ImportActions } from './ImportActions';

/** What an import dialog's form holds while it runs: the answer, the error, and whether it is busy. */
export interface ImportForm<T> {
  busy: boolean;
  result: T | null;
  error: Pick<ApiError, 'message' | 'details'> | null;
  /** Ids of the form and of its error, for the fields' aria-describedby. */
  formId: string;
  errorId: string;
  submit: () => Promise<void>;
  /** Clears what an earlier run showed (a new file was chosen). */
  reset: () => void;
  /** Shows an error without running (e.g. a file that cannot be read). */
  showError: (message: string) => void;
}

/**
 * The submit logic every import dialog shares: one run at a time, the error
 * cleared when a run starts, the answer kept when it succeeds and dropped when
 * it fails (so a stale report never stands beside a new error). `run` checks
 * its own input first and returns an error result that says what to choose.
 */
export function useImportForm<T>(run: () => Promise<Result<T>>): ImportForm<T> {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<ImportForm<T>['error']>(null);
  const id = useId();
  return {
    busy,
    result,
    error,
    formId: `${id}-form`,
    errorId: `${id}-error`,
    reset: () => {
      setResult(null);
      setError(null);
    },
    showError: (message) => setError({ message }),
    submit: async () => {
      if (busy) return;
      setBusy(true);
      setError(null);
      const answer = await run();
      setBusy(false);
      if (answer.ok) {
        setResult(answer.value);
      } else {
        setResult(null);
        setError(answer.error);
      }
    },
  };
}

/**
 * The frame of an import dialog: the form (its fields are the children), its
 * error with every problem listed under it, Cancel/Done and Import along the
 * bottom, and what the import did (`report`) below the form.
 */
export function ImportDialog<T>(props: {
  title: string;
  form: ImportForm<T>;
  onClose: () => void;
  /** Offer "Import again" once something was imported (a folder can change; a chosen file cannot). */
  offerAgain?: boolean;
  formClassName?: string;
  /** What the import did, shown inside the form (announced with it) or below it. */
  report?: ReactNode;
  children: ReactNode;
}) {
  const { form } = props;
  return (
    <Dialog
      title={props.title}
      className="import-dialog"
      onClose={props.onClose}
      actions={<ImportActions formId={form.formId} busy={form.busy} done={form.result !== null} onClose={props.onClose} {...(props.offerAgain === false ? { offerAgain: false } : {})} />}
    >
      <form
        id={form.formId}
        className={props.formClassName}
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit();
        }}
      >
        {props.children}
        {form.error && (
          <div id={form.errorId} className="import-error" role="alert">
            <p className="field-error">{form.error.message}</p>
            {form.error.details && form.error.details.length > 0 && (
              <ul className="import-problems">
                {form.error.details.map((line, index) => (
                  <li key={index}>
                    <code className="import-reason">{line}</code>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
      {props.report}
    </Dialog>
  );
}

/** The path field of an import dialog, described by its hint and (when there is one) the form's error. */
export function describedBy<T>(form: ImportForm<T>, hintId: string) {
  return { 'aria-describedby': form.error ? `${hintId} ${form.errorId}` : hintId, 'aria-invalid': form.error ? (true as const) : undefined };
}
