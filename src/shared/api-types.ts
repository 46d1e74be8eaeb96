import type { InputOf, OperationName, OutputOf } from './contract';
import type { ChangeEvent } from './events';
import type { MenuCommand } from './menu';
import type { Result } from './result';

export type { InputOf, OperationName, OutputOf } from './contract';

/** One method per operation: what the preload exposes and what the renderer's client offers. */
export type HoldfastApi = {
  /**
   * `requestId`: the console's id for this call; the change events it causes carry it back (see ChangeEvent).
   * `responder`: who is at the console (`encodeResponder`, src/shared/sync.ts), the name its writes go under.
   */
  [N in OperationName]: (input: InputOf<N>, requestId?: string, responder?: string) => Promise<Result<OutputOf<N>>>;
};

/** What the Electron preload puts on `window.holdfast`. */
export interface HoldfastBridge {
  api: HoldfastApi;
  /** Subscribe to change events; returns the unsubscribe function. */
  onChange: (listener: (event: ChangeEvent) => void) => () => void;
  /**
   * Prints a self-contained HTML document (an exported post-mortem) to PDF with
   * Chromium's printer, in a hidden window with JavaScript off. Desktop app only.
   */
  printToPdf?: (html: string) => Promise<Uint8Array>;
  /** Commands chosen in the application menu. Desktop app only. */
  onMenuCommand?: (listener: (command: MenuCommand) => void) => () => void;
}

/** The IPC channel of `HoldfastBridge.printToPdf`. */
export const PRINT_TO_PDF_CHANNEL = 'holdfast:print-to-pdf';

/** The IPC channel an operation travels on in the desktop app. */
export const ipcChannel = (name: OperationName): string => `holdfast:op:${name}`;
/** The IPC channel change events are pushed to the window on. */
export const IPC_EVENT_CHANNEL = 'holdfast:event';
