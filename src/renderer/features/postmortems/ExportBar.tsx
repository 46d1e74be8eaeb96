import { useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { downloadExport, printPostmortem, type ExportOutcome } from './export';
import { usePostmortemMarkdown } from './queries';

/** Markdown and HTML files, the clipboard, and PDF (the desktop app's printer, or the browser's print dialog). */
export function ExportBar({ incidentId, title }: { incidentId: number; title: string }) {
  const markdown = usePostmortemMarkdown(incidentId);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  // Buttons stay enabled (a disabled button drops the keyboard focus); a second click while busy does nothing.
  const run = async (action: () => Promise<ExportOutcome>) => {
    if (busy) return;
    setBusy(true);
    setOutcome(await action());
    setBusy(false);
  };
  const desktop = window.holdfast?.printToPdf !== undefined;
  return (
    <div className="pm-export" role="group" aria-label="Export">
      <button type="button" aria-disabled={busy} onClick={() => void run(() => downloadExport(incidentId, title, 'md'))}>
        Download Markdown
      </button>
      <button type="button" aria-disabled={busy} onClick={() => void run(() => downloadExport(incidentId, title, 'html'))}>
        Download HTML
      </button>
      <CopyButton text={markdown} label="Copy as Markdown" inline />
      <button
        type="button"
        aria-disabled={busy}
        onClick={() => void run(() => printPostmortem(incidentId, title))}
        title={desktop ? 'Save the post-mortem as a PDF file' : 'Open the printable post-mortem; choose “Save as PDF” to keep a file'}
      >
        Print / PDF
      </button>
      <span className={outcome?.ok === false ? 'pm-export-status field-error' : 'pm-export-status muted'} role="status">
        {outcome?.message}
      </span>
    </div>
  );
}
