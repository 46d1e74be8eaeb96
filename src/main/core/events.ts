import type { ChangeEvent } from '../../shared/events';

type Listener = (event: ChangeEvent) => void;

/** Where the core announces changes; the Electron shell and the web server forward them to consoles. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ChangeEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
