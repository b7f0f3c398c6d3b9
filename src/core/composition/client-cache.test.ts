import { createClientCache } from './client-cache'

/** An opener whose clients settle when the test says; `opened` counts the opens. */
function controlledOpener() {
  const pending: { resolve(client: string): void; reject(error: Error): void }[] = []
  let opened = 0
  const open = (accountId: string) =>
    new Promise<string>((resolve, reject) => {
      opened += 1
      pending.push({ resolve: () => resolve(`${accountId} client ${opened}`), reject })
    })
  return { open, pending, opened: () => opened }
}

describe('client cache', () => {
  it('reuses the client while the configuration is unchanged and opens a new one when it changes', () => {
    const opener = controlledOpener()
    const cache = createClientCache(opener.open)
    const first = cache.get('a', 'v1')
    expect(cache.get('a', 'v1')).toBe(first)
    const second = cache.get('a', 'v2')
    expect(second).not.toBe(first)
    expect(opener.opened()).toBe(2)
  })

  it('opens again after a failed open', async () => {
    const opener = controlledOpener()
    const cache = createClientCache(opener.open)
    const failed = cache.get('a', 'v1')
    opener.pending[0]?.reject(new Error('keychain locked'))
    await expect(failed).rejects.toThrow('keychain locked')
    cache.get('a', 'v1')
    expect(opener.opened()).toBe(2)
  })

  it('keeps a newer client when an older open fails after it', async () => {
    const opener = controlledOpener()
    const cache = createClientCache(opener.open)
    const old = cache.get('a', 'v1')
    const newer = cache.get('a', 'v2')
    opener.pending[1]?.resolve('')
    opener.pending[0]?.reject(new Error('keychain locked'))
    await expect(old).rejects.toThrow('keychain locked')
    expect(cache.get('a', 'v2')).toBe(newer)
    expect(opener.opened()).toBe(2)
  })

  it('forgets a deleted account', () => {
    const opener = controlledOpener()
    const cache = createClientCache(opener.open)
    const first = cache.get('a', 'v1')
    cache.delete('a')
    expect(cache.get('a', 'v1')).not.toBe(first)
  })
})
