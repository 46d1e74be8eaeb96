import { readOp } from '../../api/queries';
import { downloadFile } from '../../components/download';

/** "postmortem-12-checkout-failing", safe as a file name on every system. */
export function exportName(incidentId: number, title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug ? `postmortem-${incidentId}-${slug}` : `postmortem-${incidentId}`;
}

export type ExportOutcome = { ok: true; message: string } | { ok: false; message: string };

export async function downloadExport(incidentId: number, title: string, format: 'md' | 'html'): Promise<ExportOutcome> {
  const result = await readOp('exportPostmortem', { incidentId, format });
  if (!result.ok) return { ok: false, message: result.error.message };
  const fileName = `${exportName(incidentId, title)}.${format}`;
  downloadFile(fileName, result.value.content, format === 'md' ? 'text/markdown;charset=utf-8' : 'text/html;charset=utf-8');
  return { ok: true, message: `Downloaded ${fileName}.` };
}

/**
 * PDF. In the desktop app the shell prints the exported HTML with Chromium's own
 * PDF printer (`webContents.printToPDF`) and the bytes are downloaded. In a browser
 * the same HTML opens in a new window and the browser's print dialog does the rest
 * ("Save as PDF").
 */
export async function printPostmortem(incidentId: number, title: string): Promise<ExportOutcome> {
  const printToPdf = window.holdfast?.printToPdf;
  if (printToPdf) {
    const result = await readOp('exportPostmortem', { incidentId, format: 'html' });
    if (!result.ok) return { ok: false, message: result.error.message };
    try {
      const bytes = await printToPdf(result.value.content);
      const fileName = `${exportName(incidentId, title)}.pdf`;
      // A copy: the bytes may sit in a shared buffer, which a Blob does not take.
      downloadFile(fileName, new Uint8Array(bytes), 'application/pdf');
      return { ok: true, message: `Downloaded ${fileName}.` };
    } catch (error) {
      return { ok: false, message: `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  // Opened before the first await, while the click still counts, so no pop-up blocker stops it.
  const win = window.open('', '_blank');
  if (!win) return { ok: false, message: 'The browser blocked the print window. Allow pop-ups for this page, or download the HTML and print it.' };
  win.document.title = 'Preparing the post-mortem…';
  const result = await readOp('exportPostmortem', { incidentId, format: 'html' });
  if (!result.ok) {
    win.close();
    return { ok: false, message: result.error.message };
  }
  writePrintDocument(win, result.value.content);
  win.focus();
  win.print();
  return { ok: true, message: 'Opened the print dialog in a new window; choose “Save as PDF” there to keep a file.' };
}

/**
 * Writes the exported HTML into the print window. That window inherits the console's
 * Content-Security-Policy, which refuses inline <style>; the export's own stylesheet
 * (print styles included) is applied through the CSSOM instead, which the policy allows.
 */
function writePrintDocument(win: Window, html: string): void {
  const doc = win.document;
  doc.open();
  doc.write(html);
  doc.close();
  const css = [...doc.querySelectorAll('style')].map((style) => style.textContent).join('\n');
  const Sheet = (win as Window & typeof globalThis).CSSStyleSheet;
  const sheet = new Sheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [sheet];
}
