// A small typed event hub: listeners are isolated, so one that throws cannot break a sync or starve the others.
import type { SyncLogger } from './logger'

/** Event name to listener arguments; an interface fits too (it has no index signature, hence the mapped form). */
export type EventMap<Events> = { [E in keyof Events]: unknown[] }

export type Listener<Args extends unknown[]> = (...args: Args) => void

export interface EventHub<Events extends EventMap<Events>> {
  /** Returns the function that unsubscribes. */
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void
  emit<E extends keyof Events>(event: E, ...args: Events[E]): void
}

export function createEventHub<Events extends EventMap<Events>>(logger: SyncLogger): EventHub<Events> {
  const listeners = new Map<keyof Events, Set<Listener<never[]>>>()
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      const entry = listener as unknown as Listener<never[]>
      set.add(entry)
      return () => {
        set.delete(entry)
      }
    },
    emit(event, ...args) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          ;(listener as unknown as Listener<typeof args>)(...args)
        } catch (error) {
          logger.error(
            { event: String(event), error: error instanceof Error ? error.name : typeof error },
            'listener failed',
          )
        }
      }
    },
  }
}
