import type { Api, Channel, EventMap, EventName } from '@shared/ipc'
import { CHANNELS, EVENT_NAMES } from '@shared/ipc'

/** The part of Electron's ipcRenderer that the api needs (a fake in tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/** Builds `window.api`: exactly the channels and events of the contract, nothing else of ipcRenderer. */
export function createApi(ipc: IpcRendererLike): Api {
  const channels = new Set<string>(CHANNELS)
  const events = new Set<string>(EVENT_NAMES)
  return {
    invoke(channel: Channel, ...request: unknown[]) {
      if (!channels.has(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}`))
      return ipc.invoke(channel, ...request) as never
    },
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      if (!events.has(event)) throw new Error(`Unknown event ${String(event)}`)
      const wrapped = (_event: unknown, payload: unknown) => listener(payload as EventMap[E])
      ipc.on(event, wrapped)
      return () => {
        ipc.removeListener(event, wrapped)
      }
    },
  } as Api
}
