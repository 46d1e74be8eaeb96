import { useId, useState } from 'react';
import { fail } from '../../../shared/result';
import { ImportDialog, useImportForm } from '../../components/ImportDialog';
import { LocalTime } from '../../components/LocalTime';
import { importSloData } from './mutations';

const read = async (file: File | null) => (file ? { name: file.name, text: await file.text() } : undefined);

/**
 * "Import SLI data…": a CSV (timestamp,good,total and the like) or a Prometheus
 * range answer, with the total's answer when the first holds events. Buckets
 * that overlap stored ones replace them; the same file again changes nothing.
 */
export function ImportSloDataDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [total, setTotal] = useState<File | null>(null);
  const form = useImportForm(async () => {
    const chosen = await read(file);
    if (!chosen) return fail('VALIDATION', 'Choose the data file: a CSV, or a Prometheus query_range answer (.json).');
    const totalFile = await read(total);
    return importSloData({ name, file: chosen, ...(totalFile ? { total: totalFile } : {}) });
  });
  const result = form.result;
  const id = useId();

  return (
    <ImportDialog title={`Import SLI data for ${name}`} form={form} onClose={onClose} formClassName="slo-import-form">
      <label htmlFor={`${id}-file`} className="field-label">
        Data file
      </label>
      <input id={`${id}-file`} type="file" accept=".csv,.json,text/csv,application/json" onChange={(event) => setFile(event.target.files?.[0] ?? null)} data-autofocus />
      <label htmlFor={`${id}-total`} className="field-label">
        Total events (Prometheus only, when the data file holds good or bad events)
      </label>
      <input id={`${id}-total`} type="file" accept=".json,application/json" onChange={(event) => setTotal(event.target.files?.[0] ?? null)} />
      <p className="field-hint">
        CSV with a header <code>timestamp,good,total</code>, <code>timestamp,bad,total</code> or <code>timestamp,value</code>, one row per bucket; or
        the JSON Prometheus answers to <code>/api/v1/query_range</code>. See docs/slos.md.
      </p>
      {result && (
        <p role="status" className="import-done">
          {result.unchanged ? 'This file was imported before; nothing changed: ' : 'Imported '}
          {result.buckets.toLocaleString('en')} buckets from <LocalTime iso={result.from} /> to <LocalTime iso={result.to} />
          {result.replaced > 0 && <>, replacing {result.replaced.toLocaleString('en')} stored</>}.
        </p>
      )}
    </ImportDialog>
  );
}
