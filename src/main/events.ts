import type { EventName } from '../shared/channels';
import type { EventPayloads } from '../shared/model';

type Listener<E extends EventName> = (payload: EventPayloads[E]) => void;

/** Events the main side pushes to every face (IPC, server-sent events, CLI progress). */
export type EventBus = {
  on<E extends EventName>(event: E, listener: Listener<E>): () => void;
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
};

export function createEventBus(): EventBus {
  const listeners = new Map<EventName, Set<Listener<EventName>>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as Listener<EventName>);
      listeners.set(event, set);
      return () => set.delete(listener as Listener<EventName>);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
