/** The footer of an import dialog: close (Cancel, or Done once something was imported) and submit its form. */
export function ImportActions(props: { formId: string; busy: boolean; done: boolean; onClose: () => void; offerAgain?: boolean }) {
  const again = props.done && (props.offerAgain ?? true);
  return (
    <>
      <button type="button" onClick={props.onClose}>
        {props.done ? 'Done' : 'Cancel'}
      </button>
      <button type="submit" form={props.formId} className="primary" disabled={props.busy}>
        {props.busy ? 'Importing…' : again ? 'Import again' : 'Import'}
      </button>
    </>
  );
}
