import type { OperationName } from '../../shared/contract';
import type { HoldfastBridge } from '../../shared/api-types';
import type { Transport } from './transport';

/** The desktop transport: the preload's named methods on `window.holdfast`. */
export function ipcTransport(bridge: HoldfastBridge): Transport {
  return {
    kind: 'ipc',
    call: (operation, input, requestId, responder) =>
      (bridge.api[operation as OperationName] as (input: unknown, requestId?: string, responder?: string) => ReturnType<Transport['call']>)(input, requestId, responder),
    subscribe: (listener) => bridge.onChange(listener),
  };
}
