import type { HoldfastApi, HoldfastBridge } from '../../shared/api-types';
import type { ChangeEvent } from '../../shared/events';
import type { MenuCommand } from '../../shared/menu';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';
import { responderForCall } from './responder';
import { takeSessionToken } from './session-token';
import type { Transport } from './transport';

declare global {
  interface Window {
    holdfast?: HoldfastBridge;
  }
}

/**
 * One method per operation, made when first used: `api.logNote(input)` calls the
 * transport with the operation's name. The names are the contract's types only,
 * so no list of them (nor any core code) is in the renderer's bundle; a name
 * that is not an operation is answered UNKNOWN_OPERATION by the core. Every call
 * carries who is at this console (`responder`), the name its writes go under.
 */
export function createClient(transport: Transport, responder: () => string | undefined = responderForCall): HoldfastApi {
  const methods = new Map<string, (input: unknown, requestId?: string) => ReturnType<Transport['call']>>();
  return new Proxy({} as HoldfastApi, {
    get(_target, name) {
      // Not an operation: symbols, and `then`, which would make the client look like a promise to `await`.
      if (typeof name !== 'string' || name === 'then') return undefined;
      let method = methods.get(name);
      if (!method) {
        method = (input, requestId) => transport.call(name, input, requestId, responder());
        methods.set(name, method);
      }
      return method;
    },
  });
}

/** Used when a browser opened the console without the link `holdfast web` printed. */
const tokenMissing: Transport = {
  kind: 'http',
  call: () =>
    Promise.resolve({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'Open the console with the full link that `holdfast web` printed.' },
    }),
  subscribe: () => () => undefined,
};

function chooseTransport(): { transport: Transport; hasToken: boolean } {
  if (window.holdfast) return { transport: ipcTransport(window.holdfast), hasToken: true };
  const token = takeSessionToken();
  return token ? { transport: httpTransport(token), hasToken: true } : { transport: tokenMissing, hasToken: false };
}

const chosen = chooseTransport();

export const api: HoldfastApi = createClient(chosen.transport);
export const connection = { kind: chosen.transport.kind, hasToken: chosen.hasToken };

/** Change events from the core; `onGap` when the stream was cut and is back (events may have been missed). */
export function onChange(listener: (event: ChangeEvent) => void, onGap?: () => void): () => void {
  return chosen.transport.subscribe(listener, onGap);
}

/** The desktop app's menu commands; nothing in web mode, which has no menu. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.holdfast?.onMenuCommand?.(listener) ?? (() => undefined);
}
