/**
 * Runs the core (store + API table) in an Electron utility process and talks to
 * it by messages, so the main process only forwards. Restarts the process if it
 * dies, a few times a minute at most.
 */
import { utilityProcess, type UtilityProcess } from 'electron';
import type { ChangeEvent } from '../../shared/events';
import type { ApiError, Result } from '../../shared/result';
import type { ClientMessage, HostMessage, InitMessage } from '../core/host-protocol';

const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;
const SHUTDOWN_TIMEOUT_MS = 3_000;

const STOPPED: ApiError = { code: 'INTERNAL', message: 'Holdfast’s data process stopped; it is being restarted.' };

export type CoreFailure = 'init-failed' | 'keeps-crashing';

export interface CoreClientOptions {
  hostPath: string;
  init: Omit<InitMessage, 'type'>;
  onEvent: (event: ChangeEvent) => void;
  /** The core cannot serve: its data did not open, or its process keeps dying. */
  onFatal: (failure: CoreFailure, error: ApiError) => void;
}

export class CoreClient {
  private child: UtilityProcess | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private restarts: number[] = [];
  private fatal: ApiError | undefined;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: CoreClientOptions) {}

  start(): void {
    const child = utilityProcess.fork(this.options.hostPath, [], { serviceName: 'Holdfast core' });
    this.child = child;
    child.on('message', (message: HostMessage) => this.receive(message));
    child.once('exit', (code) => this.exited(child, code));
    this.post({ type: 'init', ...this.options.init });
  }

  request(name: string, input: unknown, requestId?: string, responder?: string): Promise<Result<unknown>> {
    if (this.fatal) return Promise.resolve({ ok: false, error: this.fatal });
    if (!this.child || this.stopping) return Promise.resolve({ ok: false, error: STOPPED });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post({ type: 'request', id, name, input, ...(typeof requestId === 'string' ? { requestId } : {}), ...(typeof responder === 'string' ? { responder } : {}) });
    });
  }

  /** Asks the core to close its store and exit; kills it if it does not within a few seconds. */
  stop(): Promise<void> {
    this.stopping ??= new Promise((resolve) => {
      const child = this.child;
      if (!child) return resolve();
      const timer = setTimeout(() => child.kill(), SHUTDOWN_TIMEOUT_MS);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.post({ type: 'shutdown' });
    });
    return this.stopping;
  }

  private post(message: ClientMessage): void {
    this.child?.postMessage(message);
  }

  private receive(message: HostMessage): void {
    switch (message.type) {
      case 'ready':
        break;
      case 'init-failed':
        this.fatal = message.error;
        this.failPending(message.error);
        this.options.onFatal('init-failed', message.error);
        break;
      case 'response': {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message.result);
        break;
      }
      case 'event':
        this.options.onEvent(message.event);
        break;
    }
  }

  private exited(child: UtilityProcess, code: number): void {
    if (child !== this.child) return;
    this.child = undefined;
    this.failPending(STOPPED);
    if (this.stopping || this.fatal) return;

    const now = Date.now();
    this.restarts = this.restarts.filter((at) => now - at < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.fatal = {
        code: 'INTERNAL',
        message: `Holdfast’s data process stopped ${MAX_RESTARTS + 1} times within a minute (last exit code ${code}). Your data is safe on disk; restart Holdfast.`,
      };
      this.options.onFatal('keeps-crashing', this.fatal);
      return;
    }
    this.restarts.push(now);
    console.error(`[holdfast] the data process exited with code ${code}; restarting it.`);
    this.start();
  }

  private failPending(error: ApiError): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve({ ok: false, error });
  }
}
