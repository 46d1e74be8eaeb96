import { useId, useState, type FormEvent } from 'react';
import type { ImportReport } from '../../../../shared/runbooks';
import { Dialog } from '../../../components/Dialog';
import { importRunbooks } from '../mutations';
import { ImportReportView } from './ImportReportView';
import { ImportActions } from '../../../components/ImportActions';

/**
 * "Import folder…": a path on the machine running Holdfast (in web mode that is
 * the server, not necessarily this browser's machine), then what happened to each file.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (path.trim() === '') {
      setError('Type the folder to import.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await importRunbooks({ paths: [path.trim()] });
    setBusy(false);
    if (result.ok) {
      setReport(result.value);
    } else {
      setReport(null);
      setError(result.error.message);
    }
  };

  return (
    <Dialog
      title="Import a folder of runbooks"
      className="import-dialog"
      onClose={onClose}
      actions={<ImportActions formId={`${fieldId}-form`} busy={busy} done={report !== null} onClose={onClose} />}
    >
      <form id={`${fieldId}-form`} onSubmit={(event) => void submit(event)}>
        <label htmlFor={fieldId} className="field-label">
          Folder or Markdown file
        </label>
        <input
          id={fieldId}
          className="text-input mono"
          type="text"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="/home/you/runbooks"
          spellCheck={false}
          autoComplete="off"
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
          data-autofocus
        />
        <p id={hintId} className="field-hint">
          A path on the machine running Holdfast. Folders are read recursively; importing the same folder again updates
          its runbooks.
        </p>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {report && <ImportReportView report={report} />}
    </Dialog>
  );
}
