import type { OperationName } from '../../shared/contract';
import type { HoldfastBridge } from '../../shared/api-types';
import type { Transport } from './transport';

/** The desktop transport: the preload's named methods on `window.holdfast`. */
export function ipcTransport(bridge: HoldfastBridge): Transport {
  return {
    kind: 'ipc',
    call: (operation, input, requestId) =>
      (bridge.api[operation as OperationName] as (input: unknown, requestId?: string) => ReturnType<Transport['call']>)(input, requestId),
    subscribe: (listener) => bridge.onChange(listener),
  };
}
