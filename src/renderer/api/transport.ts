import type { ChangeEvent } from '../../shared/events';
import type { Result } from '../../shared/result';

/** How the console reaches the core: IPC in the desktop app, HTTP in a browser. Nothing else knows which. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  /**
   * `requestId` comes back on the change events the call causes, so the console knows its own echo.
   * `responder`: who is at this console (src/renderer/api/responder.ts), the name its writes go under.
   */
  call(operation: string, input: unknown, requestId?: string, responder?: string): Promise<Result<unknown>>;
  /**
   * Change events as they happen. `onGap`: the stream was cut and is back (a laptop that slept, a network
   * blip): events may have been missed meanwhile, so whatever is cached may be stale.
   */
  subscribe(listener: (event: ChangeEvent) => void, onGap?: () => void): () => void;
}
