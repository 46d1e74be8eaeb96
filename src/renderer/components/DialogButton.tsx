import { useState, type ReactNode } from 'react';

/**
 * A button that opens a dialog ("Import…"): `dialog` draws it, given the
 * function that closes it (its onClose). The dialog is modal, so where it
 * stands in the page does not matter; focus comes back to the button.
 */
export function DialogButton(props: { children: ReactNode; dialog: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {props.children}
      </button>
      {open && props.dialog(() => setOpen(false))}
    </>
  );
}
