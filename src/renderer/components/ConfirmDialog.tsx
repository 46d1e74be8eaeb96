import { Dialog } from './Dialog';
import { useConfirm } from './confirm';

/** Shows the question `ask()` is waiting on; mounted once by the app. */
export function ConfirmDialog() {
  const pending = useConfirm((state) => state.pending);
  if (!pending) return null;
  const focusConfirm = pending.focus === 'confirm';
  return (
    <Dialog
      key={pending.title}
      title={pending.title}
      onClose={() => pending.answer(false)}
      actions={
        <>
          <button type="button" data-autofocus={focusConfirm ? undefined : true} onClick={() => pending.answer(false)}>
            {pending.cancelLabel ?? 'Cancel'}
          </button>
          <button
            type="button"
            className={pending.danger ? 'danger' : 'primary'}
            data-autofocus={focusConfirm ? true : undefined}
            onClick={() => pending.answer(true)}
          >
            {pending.confirmLabel}
          </button>
        </>
      }
    >
      {pending.body}
    </Dialog>
  );
}
