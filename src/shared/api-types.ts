import type { InputOf, OperationName, OutputOf } from './contract';
import type { ChangeEvent } from './events';
import type { Result } from './result';

/** One method per operation: what the preload exposes and what the renderer's client offers. */
export type HoldfastApi = {
  [N in OperationName]: (input: InputOf<N>) => Promise<Result<OutputOf<N>>>;
};

/** What the Electron preload puts on `window.holdfast`. */
export interface HoldfastBridge {
  api: HoldfastApi;
  /** Subscribe to change events; returns the unsubscribe function. */
  onChange: (listener: (event: ChangeEvent) => void) => () => void;
}
