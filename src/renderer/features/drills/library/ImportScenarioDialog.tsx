import { useId, useState, type FormEvent } from 'react';
import type { ScenarioImport } from '../../../../shared/drills';
import { Dialog } from '../../../components/Dialog';
import { importScenarioFile, importScenarioText } from '../mutations';
import { ImportActions } from '../../../components/ImportActions';

/**
 * "Import Markdown…": a scenario file chosen here (read by this browser or the
 * app), or a path on the machine running Holdfast. Same title updates the scenario.
 */
export function ImportScenarioDialog({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<ScenarioImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!file && path.trim() === '') {
      setError('Choose a Markdown file, or type the path of one.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = file
      ? await importScenarioText({ markdown: await file.text(), fileName: file.name })
      : await importScenarioFile({ path: path.trim() });
    setBusy(false);
    if (result.ok) {
      setImported(result.value);
    } else {
      setImported(null);
      setError(result.error.message);
    }
  };

  return (
    <Dialog
      title="Import a drill scenario"
      className="import-dialog"
      onClose={onClose}
      actions={<ImportActions formId={`${id}-form`} busy={busy} done={imported !== null} onClose={onClose} offerAgain={false} />}
    >
      <form id={`${id}-form`} onSubmit={(event) => void submit(event)} className="scenario-import-form">
        <label htmlFor={`${id}-file`} className="field-label">
          Markdown file
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".md,.markdown,text/markdown,text/plain"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          data-autofocus
        />
        <label htmlFor={`${id}-path`} className="field-label">
          or its path on the machine running Holdfast
        </label>
        <input
          id={`${id}-path`}
          className="text-input mono"
          type="text"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="/home/you/drills/checkout.md"
          spellCheck={false}
          autoComplete="off"
          disabled={file !== null}
        />
        <p className="field-hint">Front matter, objectives and injects as docs/drill-format.md describes. A scenario with the same title is updated.</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {imported && (
          <p role="status" className="import-done">
            Imported “{imported.title}”: {imported.injects.length} inject{imported.injects.length === 1 ? '' : 's'}.
            {imported.replaced && (
              <>
                {' '}
                It replaced the stored scenario of that title
                {imported.replaced.removedInjects.length > 0 && <> and removed its injects {imported.replaced.removedInjects.map((title) => `“${title}”`).join(', ')}</>}
                {imported.replaced.backup && (
                  <>
                    ; the store as it was before is kept in <code>{imported.replaced.backup}</code>
                  </>
                )}
                .
              </>
            )}
          </p>
        )}
      </form>
    </Dialog>
  );
}
