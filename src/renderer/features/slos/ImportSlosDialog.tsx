import { useId, useState } from 'react';
import { fail } from '../../../shared/result';
import type { SloImportPreview } from '../../../shared/slos';
import { ImportDialog, useImportForm } from '../../components/ImportDialog';
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
  const form = useImportForm(async () => (files.length === 0 ? fail('VALIDATION', 'Choose one or more OpenSLO YAML files.') : importSloFiles(files)));
  const id = useId();

  const choose = async (chosen: FileList | null) => {
    form.reset();
    setPreview(null);
    const read = await Promise.all([...(chosen ?? [])].map(async (file) => ({ name: file.name, text: await file.text() })));
    setFiles(read);
    if (read.length === 0) return;
    // Checked as they are now (a stored object may have changed since the last look).
    const checked = await readOp('previewSloImport', { files: read }, { fresh: true });
    if (checked.ok) setPreview(checked.value);
    else form.showError(checked.error.message);
  };

  const report = form.result;
  const shown = report ?? preview;
  return (
    <ImportDialog title="Import OpenSLO files" form={form} onClose={onClose} offerAgain={false} formClassName="slo-import-form">
      <label htmlFor={`${id}-files`} className="field-label">
        YAML files
      </label>
      <input id={`${id}-files`} type="file" multiple accept=".yaml,.yml,application/yaml,text/yaml" onChange={(event) => void choose(event.target.files)} data-autofocus />
      <p className="field-hint">
        OpenSLO v1 (SLO, SLI, Service and the other kinds, which are kept for export) or Sloth specs. An object with the
        kind and name of a stored one updates it. See docs/slos.md.
      </p>
      {shown && (
        <div role="status" className="slo-import-result">
          <p>
            {report ? 'Imported' : 'Would import'}: {shown.imported} new, {shown.updated} changed, {shown.unchanged} unchanged
            {shown.failed.length > 0 && <>, {shown.failed.length} file{shown.failed.length === 1 ? '' : 's'} refused</>}
            {shown.skipped.length > 0 && <>, {shown.skipped.length} skipped</>}.
          </p>
          {!report && preview && preview.objects.length > 0 && (
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
    </ImportDialog>
  );
}
