import type { ChangeEvent } from '../../shared/events';
import type { Result } from '../../shared/result';

/** How the console reaches the core: IPC in the desktop app, HTTP in a browser. Nothing else knows which. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  /** `requestId` comes back on the change events the call causes, so the console knows its own echo. */
  call(operation: string, input: unknown, requestId?: string): Promise<Result<unknown>>;
  subscribe(listener: (event: ChangeEvent) => void): () => void;
}
