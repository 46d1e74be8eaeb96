/**
 * Which console request is running, and who is at that console: change events
 * emitted while an operation runs carry the id its console gave it, so that
 * console can tell its own echo from another console's change and skip the
 * reads it already has; and every event it writes is by the responder it names.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ResponderIdentity } from '../../shared/sync';

const running = new AsyncLocalStorage<string>();
const acting = new AsyncLocalStorage<ResponderIdentity>();

/** What a console may send as a request id: short, no spaces (it is echoed to every console). */
export const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Runs `work` as the request `requestId` (or as nobody's request when absent or malformed). */
export function asRequest<T>(requestId: string | undefined, work: () => T): T {
  return requestId !== undefined && REQUEST_ID.test(requestId) ? running.run(requestId, work) : work();
}

/** The id of the request being answered, if a console gave one. */
export const currentRequestId = (): string | undefined => running.getStore();

/** Runs `work` as the responder a console named (as nobody in particular when null: the Settings name then). */
export function asResponder<T>(responder: ResponderIdentity | null, work: () => T): T {
  return responder ? acting.run(responder, work) : acting.exit(work);
}

/** The responder the running request is by, if its console named one. */
export const currentResponder = (): ResponderIdentity | undefined => acting.getStore();

/** Runs `work` as nobody's request: for background work a request only set going (timers it scheduled). */
export const asBackground = <T>(work: () => T): T => running.exit(() => acting.exit(work));
