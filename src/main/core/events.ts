import type { ChangeEvent } from '../../shared/events';
import { currentRequestId } from './request-context';

type Listener = (event: ChangeEvent) => void;

/** Where the core announces changes; the Electron shell and the web server forward them to consoles. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Announces a change; one emitted while a console's request runs is tagged with that request's id. */
  emit(event: ChangeEvent): void {
    const requestId = event.requestId ?? currentRequestId();
    const tagged = requestId === undefined ? event : { ...event, requestId };
    for (const listener of this.listeners) listener(tagged);
  }
}
