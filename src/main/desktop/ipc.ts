import type { IpcMain, WebContents } from 'electron'
import type { Channel, EventMap, EventName, Handlers } from '@shared/ipc'
import { CHANNELS } from '@shared/ipc'
import { parseRequest } from '@shared/ipc-schemas'

/** Registers one handler per channel; every payload is validated before the handler sees it. */
export function registerHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers): void {
  for (const channel of CHANNELS) {
    const handler = handlers[channel] as (request: unknown) => unknown
    ipcMain.handle(channel, async (_event, payload: unknown) => handler(parseRequest(channel as Channel, payload)))
  }
}

/** Sends a typed event to a window, if it is still alive. */
export function sendEvent<E extends EventName>(
  webContents: Pick<WebContents, 'send' | 'isDestroyed'> | null | undefined,
  event: E,
  payload: EventMap[E],
): void {
  if (webContents && !webContents.isDestroyed()) webContents.send(event, payload)
}

/**
 * Sends a typed event to a window's page. A destroyed BrowserWindow throws on any property read, `webContents`
 * included, so the window is asked first.
 */
export function sendToWindow<E extends EventName>(
  window: { isDestroyed(): boolean; readonly webContents: Pick<WebContents, 'send' | 'isDestroyed'> },
  event: E,
  payload: EventMap[E],
): void {
  if (!window.isDestroyed()) sendEvent(window.webContents, event, payload)
}
