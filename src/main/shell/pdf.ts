/**
 * "Print / PDF" in the desktop app: the console sends an exported post-mortem's
 * HTML; it is loaded into a hidden, sandboxed window with JavaScript off and no
 * network, printed with Chromium's own PDF printer, and the bytes go back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { PRINT_TO_PDF_CHANNEL } from '../../shared/api-types';

/** A post-mortem with a 10,000-event timeline is a few MB; anything far larger is not one. */
const MAX_HTML_BYTES = 50 * 1024 * 1024;
/** In memory and apart from the console's session: nothing it stores or allows applies here. */
const PARTITION = 'holdfast-print';
/** The files being printed right now: with data: images, the only requests the print session lets through. */
const printing = new Set<string>();

const samePath = (file: string): string => (process.platform === 'win32' ? path.resolve(file).toLowerCase() : path.resolve(file));

function isPrinting(url: string): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  try {
    return printing.has(samePath(fileURLToPath(url)));
  } catch {
    return false;
  }
}

/** `trustedUrlPrefix` is the origin the console is served from; calls from any other page are refused. */
export function registerPrintToPdf(trustedUrlPrefix: string): void {
  ipcMain.handle(PRINT_TO_PDF_CHANNEL, async (event: IpcMainInvokeEvent, html: unknown): Promise<Uint8Array> => {
    const url = event.senderFrame?.url;
    if (!url?.startsWith(trustedUrlPrefix)) throw new Error('Printing was asked for by a page that is not Holdfast’s console.');
    if (typeof html !== 'string' || Buffer.byteLength(html) > MAX_HTML_BYTES) throw new Error('Nothing printable was sent.');
    return printToPdf(html);
  });
  // The exports are self-contained: the document itself (and data: images) load, anything else is refused.
  session.fromPartition(PARTITION).webRequest.onBeforeRequest((request, callback) => {
    callback({ cancel: !isPrinting(request.url) });
  });
}

async function printToPdf(html: string): Promise<Uint8Array> {
  // A file rather than a data: URL, which Chromium limits in size.
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'holdfast-print-'));
  const file = path.join(dir, 'postmortem.html');
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      // No middle-click (auxclick) navigation into new windows.
      disableBlinkFeatures: 'Auxclick',
      partition: PARTITION,
    },
  });
  const contents = win.webContents;
  contents.on('will-navigate', (navigation) => navigation.preventDefault());
  contents.on('will-attach-webview', (attach) => attach.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  printing.add(samePath(file));
  try {
    await fs.promises.writeFile(file, html, 'utf8');
    await win.loadFile(file);
    const pdf = await contents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    printing.delete(samePath(file));
    win.destroy();
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
