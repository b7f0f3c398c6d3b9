import type { Handlers } from '@shared/ipc'
import { CHANNELS } from '@shared/ipc'
import { registerHandlers, sendEvent, sendToWindow } from './ipc'

type Listener = (event: unknown, payload: unknown) => unknown

function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  return { handle: (channel: string, listener: Listener) => void handlers.set(channel, listener), handlers }
}

function handlersRecording(calls: unknown[][]): Handlers {
  return Object.fromEntries(
    CHANNELS.map((channel) => [channel, (request: unknown) => (calls.push([channel, request]), null)]),
  ) as unknown as Handlers
}

describe('registerHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    const ipcMain = fakeIpcMain()
    registerHandlers(ipcMain as never, handlersRecording([]))
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('passes a valid payload to the handler', async () => {
    const calls: unknown[][] = []
    const ipcMain = fakeIpcMain()
    registerHandlers(ipcMain as never, handlersRecording(calls))
    await ipcMain.handlers.get('groups:setPinned')?.({}, { accountId: 'a/1', groupId: '5', pinned: true })
    expect(calls).toEqual([['groups:setPinned', { accountId: 'a/1', groupId: '5', pinned: true }]])
  })

  it.each([
    ['groups:open', { accountId: 'a/1' }],
    ['groups:open', { accountId: 'a/1', groupId: '5', extra: 'x' }],
    ['groups:open', { accountId: 'a/1', groupId: '5', page: 'admin' }],
    ['settings:update', { pollIntervalSeconds: 1 }],
    ['settings:update', { theme: 'neon' }],
    ['accounts:remove', 'a/1'],
  ])('rejects an invalid %s payload before the handler runs', async (channel, payload) => {
    const calls: unknown[][] = []
    const ipcMain = fakeIpcMain()
    registerHandlers(ipcMain as never, handlersRecording(calls))
    await expect(Promise.resolve().then(() => ipcMain.handlers.get(channel)?.({}, payload))).rejects.toThrow(
      `Invalid request on ${channel}`,
    )
    expect(calls).toEqual([])
  })

  it('does not echo a rejected payload (it may hold a secret)', async () => {
    const ipcMain = fakeIpcMain()
    registerHandlers(ipcMain as never, handlersRecording([]))
    const secret = 'https://acme.bitrix24.com/rest/1/SECRETCODE123/'
    const error = await Promise.resolve()
      .then(() => ipcMain.handlers.get('accounts:test')?.({}, { webhookUrl: secret, extra: secret }))
      .catch((e: Error) => e)
    expect(String(error)).not.toContain('SECRETCODE123')
  })
})

describe('sendEvent', () => {
  it('sends to a live window and skips a destroyed one', () => {
    const sent: unknown[] = []
    sendEvent(
      { isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) } as never,
      'window:shown',
      null,
    )
    sendEvent({ isDestroyed: () => true, send: (...args: unknown[]) => sent.push(args) } as never, 'window:shown', null)
    sendEvent(null, 'window:shown', null)
    expect(sent).toEqual([['window:shown', null]])
  })
})

describe('sendToWindow', () => {
  function fakeWindow(destroyed: boolean, sent: unknown[]) {
    return {
      isDestroyed: () => destroyed,
      // Like Electron's, a destroyed window throws on reading its webContents.
      get webContents() {
        if (destroyed) throw new Error('Object has been destroyed')
        return { isDestroyed: () => false, send: (...args: unknown[]) => void sent.push(args) }
      },
    }
  }

  it('sends to the page of a live window', () => {
    const sent: unknown[] = []
    sendToWindow(fakeWindow(false, sent), 'window:shown', null)
    expect(sent).toEqual([['window:shown', null]])
  })

  it('skips a destroyed window without touching its webContents', () => {
    const sent: unknown[] = []
    expect(() => sendToWindow(fakeWindow(true, sent), 'window:shown', null)).not.toThrow()
    expect(sent).toEqual([])
  })
})
