import { useState } from 'react';
import { fail } from '../../../../shared/result';
import { ImportDialog, useImportForm } from '../../../components/ImportDialog';
import { importScenarioFile, importScenarioText } from '../mutations';
import { Field, PathInput } from '../../../components/Field';

/**
 * "Import Markdown…": a scenario file chosen here (read by this browser or the
 * app), or a path on the machine running Holdfast. Same title updates the scenario.
 */
export function ImportScenarioDialog({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [path, setPath] = useState('');
  const form = useImportForm(async () => {
    if (file) return importScenarioText({ markdown: await file.text(), fileName: file.name });
    if (path.trim() === '') return fail('VALIDATION', 'Choose a Markdown file, or type the path of one.');
    return importScenarioFile({ path: path.trim() });
  });
  const imported = form.result;

  return (
    <ImportDialog title="Import a drill scenario" form={form} onClose={onClose} offerAgain={false} formClassName="scenario-import-form">
      <Field label="Markdown file">
        {(control) => <input {...control} type="file" accept=".md,.markdown,text/markdown,text/plain" onChange={(event) => setFile(event.target.files?.[0] ?? null)} data-autofocus />}
      </Field>
      <Field label="or its path on the machine running Holdfast" hint="Front matter, objectives and injects as docs/drill-format.md describes. A scenario with the same title is updated.">
        {(control) => <PathInput {...control} value={path} onChange={setPath} placeholder="/home/you/drills/checkout.md" disabled={file !== null} />}
      </Field>
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
    </ImportDialog>
  );
}
