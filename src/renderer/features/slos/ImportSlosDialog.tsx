import { useId, useState, type FormEvent } from 'react';
import type { SloImportPreview, SloImportReport } from '../../../shared/slos';
import { Dialog } from '../../components/Dialog';
import { ImportActions } from '../../components/ImportActions';
import { readOp } from '../../api/queries';
import { importSloFiles } from './mutations';

const CHANGE_LABELS = { imported: 'new', updated: 'changed', unchanged: 'unchanged' } as const;

/**
 * "Import OpenSLO files…": YAML files chosen here are checked first and shown
 * (what each would add or change, what is refused and why); Import stores them.
 */
export function ImportSlosDialog({ onClose }: { onClose: () => void }) {
  const [files, setFiles] = useState<{ name: string; text: string }[]>([]);
  const [preview, setPreview] = useState<SloImportPreview | null>(null);
  const [report, setReport] = useState<SloImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const choose = async (chosen: FileList | null) => {
    setReport(null);
    setPreview(null);
    setError(null);
    const read = await Promise.all([...(chosen ?? [])].map(async (file) => ({ name: file.name, text: await file.text() })));
    setFiles(read);
    if (read.length === 0) return;
    // Checked as they are now (a stored object may have changed since the last look).
    const checked = await readOp('previewSloImport', { files: read }, { fresh: true });
    if (checked.ok) setPreview(checked.value);
    else setError(checked.error.message);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (files.length === 0) {
      setError('Choose one or more OpenSLO YAML files.');
      return;
    }
    setBusy(true);
    const result = await importSloFiles(files);
    setBusy(false);
    if (result.ok) {
      setReport(result.value);
      setPreview(null);
    } else setError(result.error.message);
  };

  const shown = report ?? preview;
  return (
    <Dialog
      title="Import OpenSLO files"
      className="import-dialog"
      onClose={onClose}
      actions={<ImportActions formId={`${id}-form`} busy={busy} done={report !== null} onClose={onClose} offerAgain={false} />}
    >
      <form id={`${id}-form`} onSubmit={(event) => void submit(event)} className="slo-import-form">
        <label htmlFor={`${id}-files`} className="field-label">
          YAML files
        </label>
        <input id={`${id}-files`} type="file" multiple accept=".yaml,.yml,application/yaml,text/yaml" onChange={(event) => void choose(event.target.files)} data-autofocus />
        <p className="field-hint">
          OpenSLO v1 (SLO, SLI, Service and the other kinds, which are kept for export) or Sloth specs. An object with the
          kind and name of a stored one updates it. See docs/slos.md.
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {shown && (
          <div role="status" className="slo-import-result">
            <p>
              {report ? 'Imported' : 'Would import'}: {shown.imported} new, {shown.updated} changed, {shown.unchanged} unchanged
              {shown.failed.length > 0 && <>, {shown.failed.length} file{shown.failed.length === 1 ? '' : 's'} refused</>}
              {shown.skipped.length > 0 && <>, {shown.skipped.length} skipped</>}.
            </p>
            {preview && preview.objects.length > 0 && (
              <ul className="slo-import-objects" aria-label="What the files hold">
                {preview.objects.map((object) => (
                  <li key={`${object.kind} ${object.name}`}>
                    {object.kind} <strong>{object.name}</strong> <span className="muted">({CHANGE_LABELS[object.change]})</span>
                  </li>
                ))}
              </ul>
            )}
            {shown.failed.map((failure) => (
              <p key={failure.path} className="field-error">
                {failure.path}: {failure.error}
              </p>
            ))}
            {shown.skipped.map((skip, index) => (
              <p key={`${skip.path}-${index}`} className="muted">
                Skipped in {skip.path}: {skip.reason}
              </p>
            ))}
          </div>
        )}
      </form>
    </Dialog>
  );
}
