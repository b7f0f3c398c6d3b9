import { createApi, type IpcRendererLike } from './api'

function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>()
  const invoked: unknown[][] = []
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, ...args])
      return `answer:${channel}`
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  }
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({}, payload))
  return { ipc, invoked, emit, listeners }
}

describe('preload api', () => {
  it('forwards a known channel with its request to ipcRenderer.invoke', async () => {
    const { ipc, invoked } = fakeIpc()
    const api = createApi(ipc)
    await expect(api.invoke('groups:open', { accountId: 'a/1', groupId: '7' })).resolves.toBe('answer:groups:open')
    expect(invoked).toEqual([['groups:open', { accountId: 'a/1', groupId: '7' }]])
  })

  it('refuses a channel that is not in the contract without touching ipcRenderer', async () => {
    const { ipc, invoked } = fakeIpc()
    const api = createApi(ipc) as unknown as { invoke(channel: string): Promise<unknown> }
    await expect(api.invoke('fs:readFile')).rejects.toThrow('Unknown channel fs:readFile')
    expect(invoked).toEqual([])
  })

  it('delivers event payloads without the Electron event object and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc()
    const api = createApi(ipc)
    const seen: unknown[] = []
    const off = api.on('ui:navigate', (payload) => seen.push(payload))
    emit('ui:navigate', { view: 'settings' })
    off()
    emit('ui:navigate', { view: 'groups' })
    expect(seen).toEqual([{ view: 'settings' }])
    expect(listeners.get('ui:navigate')?.size).toBe(0)
  })

  it('refuses to subscribe to an unknown event', () => {
    const api = createApi(fakeIpc().ipc) as unknown as { on(event: string, l: () => void): unknown }
    expect(() => api.on('secrets', () => {})).toThrow('Unknown event secrets')
  })
})
