/**
 * Which console request is running: change events emitted while an operation
 * runs carry the id its console gave it, so that console can tell its own
 * echo from another console's change and skip the reads it already has.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const running = new AsyncLocalStorage<string>();

/** What a console may send as a request id: short, no spaces (it is echoed to every console). */
export const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Runs `work` as the request `requestId` (or as nobody's request when absent or malformed). */
export function asRequest<T>(requestId: string | undefined, work: () => T): T {
  return requestId !== undefined && REQUEST_ID.test(requestId) ? running.run(requestId, work) : work();
}

/** The id of the request being answered, if a console gave one. */
export const currentRequestId = (): string | undefined => running.getStore();

/** Runs `work` as nobody's request: for background work a request only set going (timers it scheduled). */
export const asBackground = <T>(work: () => T): T => running.exit(work);
