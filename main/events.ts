/** Typed fan-out of contract events to every connected renderer (IPC or server-sent events). */
import type { EventName, EventPayload } from '../shared/api';

export type EventListener = (name: EventName, payload: unknown) => void;

export class EventHub {
  private listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        // One broken subscriber (a closed window) must not stop the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
