/**
 * Messages between the Electron main process (src/main/shell/core-client.ts) and
 * the utility process that runs the core (src/main/core/utility-host.ts).
 * Both sides are ours, so these are plain types; the renderer's input inside a
 * request is still untrusted and `dispatch` parses it.
 */
import type { ChangeEvent } from '../../shared/events';
import type { ApiError, Result } from '../../shared/result';

export interface InitMessage {
  type: 'init';
  dataDir: string;
  assetsDir: string;
  /** better_sqlite3.node built for Electron's ABI. */
  nativeBinding?: string;
}

export interface RequestMessage {
  type: 'request';
  id: number;
  name: string;
  input: unknown;
  /** The console's id for the request (its change events carry it back). */
  requestId?: string;
  /** Who is at the console (`encodeResponder`): the name its writes go under. */
  responder?: string;
}

/** Close the store and exit. */
export interface ShutdownMessage {
  type: 'shutdown';
}

export type ClientMessage = InitMessage | RequestMessage | ShutdownMessage;

export type HostMessage =
  | { type: 'ready' }
  | { type: 'init-failed'; error: ApiError }
  | { type: 'response'; id: number; result: Result<unknown> }
  | { type: 'event'; event: ChangeEvent };
