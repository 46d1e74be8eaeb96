import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A real modal <dialog>: the page behind it is inert, Escape closes it, and focus
 * goes back to whatever was focused before it opened. Mark the control that
 * should have the focus first with `data-autofocus`.
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons along the bottom. */
  actions: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onClose = useRef(props.onClose);
  useEffect(() => {
    onClose.current = props.onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={['dialog', props.className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React decide, so the dialog's state and the DOM never disagree.
        event.preventDefault();
        onClose.current();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {props.title}
      </h2>
      <div className="dialog-body">{props.children}</div>
      <div className="dialog-actions">{props.actions}</div>
    </dialog>
  );
}

/**
 * A dialog around one form: Cancel and the submit button along the bottom, the
 * form's fields inside. `onSubmit` runs when the form is sent (Enter or the
 * button); the button is disabled while `busy`.
 */
export function FormDialog(props: {
  title: string;
  onClose: () => void;
  onSubmit: () => void | Promise<void>;
  /** The submit button's words. */
  submit: ReactNode;
  busy: boolean;
  className?: string;
  formClassName?: string;
  children: ReactNode;
}) {
  const formId = `${useId()}-form`;
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      {...(props.className ? { className: props.className } : {})}
      actions={
        <>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="primary" disabled={props.busy}>
            {props.submit}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className={props.formClassName}
        onSubmit={(event) => {
          event.preventDefault();
          void props.onSubmit();
        }}
        noValidate
      >
        {props.children}
      </form>
    </Dialog>
  );
}
