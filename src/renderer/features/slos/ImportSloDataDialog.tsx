import { useId, useState, type FormEvent } from 'react';
import type { SloDataImportResult } from '../../../shared/slos';
import { Dialog } from '../../components/Dialog';
import { ImportActions } from '../../components/ImportActions';
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
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SloDataImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const chosen = await read(file);
    if (!chosen) {
      setError('Choose the data file: a CSV, or a Prometheus query_range answer (.json).');
      return;
    }
    setBusy(true);
    setError(null);
    const totalFile = await read(total);
    const answer = await importSloData({ name, file: chosen, ...(totalFile ? { total: totalFile } : {}) });
    setBusy(false);
    if (answer.ok) setResult(answer.value);
    else {
      setResult(null);
      setError(answer.error.message);
    }
  };

  return (
    <Dialog
      title={`Import SLI data for ${name}`}
      className="import-dialog"
      onClose={onClose}
      actions={<ImportActions formId={`${id}-form`} busy={busy} done={result !== null} onClose={onClose} />}
    >
      <form id={`${id}-form`} onSubmit={(event) => void submit(event)} className="slo-import-form">
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
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {result && (
          <p role="status" className="import-done">
            {result.unchanged ? 'This file was imported before; nothing changed: ' : 'Imported '}
            {result.buckets.toLocaleString('en')} buckets from <LocalTime iso={result.from} /> to <LocalTime iso={result.to} />
            {result.replaced > 0 && <>, replacing {result.replaced.toLocaleString('en')} stored</>}.
          </p>
        )}
      </form>
    </Dialog>
  );
}
