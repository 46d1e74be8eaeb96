import { useId, useState } from 'react';
import { fail } from '../../../../shared/result';
import { ImportDialog as ImportFrame, describedBy, useImportForm } from '../../../components/ImportDialog';
import { importRunbooks } from '../mutations';
import { ImportReportView } from './ImportReportView';
import { PathInput } from '../../../components/Field';

/**
 * "Import folder…": a path on the machine running Holdfast (in web mode that is
 * the server, not necessarily this browser's machine), then what happened to each file.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [path, setPath] = useState('');
  const form = useImportForm(async () => (path.trim() === '' ? fail('VALIDATION', 'Type the folder to import.') : importRunbooks({ paths: [path.trim()] })));
  const fieldId = useId();
  const hintId = useId();

  return (
    <ImportFrame title="Import a folder of runbooks" form={form} onClose={onClose} report={form.result && <ImportReportView report={form.result} />}>
      <label htmlFor={fieldId} className="field-label">
        Folder or Markdown file
      </label>
      <PathInput id={fieldId} value={path} onChange={setPath} placeholder="/home/you/runbooks" {...describedBy(form, hintId)} autoFocus />
      <p id={hintId} className="field-hint">
        A path on the machine running Holdfast. Folders are read recursively; importing the same folder again updates its
        runbooks.
      </p>
    </ImportFrame>
  );
}
