import { KeychainUnavailableError, toKeychainError } from './keychain-error'
import {
  createKeychainSecretStore,
  createMemorySecretStore,
  KEYCHAIN_SERVICE,
  type KeytarLike,
  StoredSecretUnreadableError,
} from './secrets'

/** An in-memory stand-in for keytar that records what reached the "keychain". */
function fakeKeytar() {
  const entries = new Map<string, string>()
  const key = (service: string, account: string) => `${service}\u0000${account}`
  const api: KeytarLike = {
    getPassword: async (service, account) => entries.get(key(service, account)) ?? null,
    setPassword: async (service, account, password) => void entries.set(key(service, account), password),
    deletePassword: async (service, account) => entries.delete(key(service, account)),
    findCredentials: async (service) =>
      [...entries]
        .filter(([name]) => name.startsWith(`${service}\u0000`))
        .map(([name, password]) => ({ account: name.slice(service.length + 1), password })),
  }
  return { api, entries, raw: (service: string, account: string) => entries.get(key(service, account)) }
}

const webhook = { kind: 'webhook', code: 'wh-code-123456' } as const
const oauth = { kind: 'oauth', accessToken: 'at-1', refreshToken: 'rt-1', clientSecret: 'cs-1' } as const

describe('the keychain secret store', () => {
  it('keeps one JSON value per account under the service "Bitrix24 Groups", account name = account id', async () => {
    const keytar = fakeKeytar()
    const store = createKeychainSecretStore({ keytar: keytar.api })
    await store.set('acme.bitrix24.com/1', webhook)
    expect(JSON.parse(keytar.raw(KEYCHAIN_SERVICE, 'acme.bitrix24.com/1') ?? '')).toEqual(webhook)
    expect(await store.get('acme.bitrix24.com/1')).toEqual(webhook)
  })

  it('replaces an account’s OAuth tokens in one write', async () => {
    const keytar = fakeKeytar()
    const store = createKeychainSecretStore({ keytar: keytar.api, service: 'test' })
    await store.set('a/1', oauth)
    await store.set('a/1', { ...oauth, accessToken: 'at-2', refreshToken: 'rt-2' })
    expect(keytar.entries.size).toBe(1)
    expect(await store.get('a/1')).toEqual({ ...oauth, accessToken: 'at-2', refreshToken: 'rt-2' })
  })

  it('lists and deletes accounts of its own service only', async () => {
    const keytar = fakeKeytar()
    await keytar.api.setPassword('another app', 'x', 'y')
    const store = createKeychainSecretStore({ keytar: keytar.api, service: 'test' })
    await store.set('b/2', webhook)
    await store.set('a/1', oauth)
    expect(await store.list()).toEqual(['a/1', 'b/2'])
    expect(await store.delete('a/1')).toBe(true)
    expect(await store.delete('a/1')).toBe(false)
    expect(await store.get('a/1')).toBeNull()
    expect(await store.list()).toEqual(['b/2'])
  })

  it('refuses an entry it did not write, without quoting it', async () => {
    const keytar = fakeKeytar()
    await keytar.api.setPassword('test', 'a/1', 'plain-secret-value')
    const store = createKeychainSecretStore({ keytar: keytar.api, service: 'test' })
    const error = await store.get('a/1').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(StoredSecretUnreadableError)
    expect(String((error as Error).message)).not.toContain('plain-secret-value')
  })

  it('refuses to store a malformed secret, without quoting it', async () => {
    const store = createKeychainSecretStore({ keytar: fakeKeytar().api })
    const malformed = { kind: 'webhook', code: '' } as const
    await expect(store.set('a/1', malformed)).rejects.toThrow(/malformed webhook secret/)
  })

  it('turns a keytar that cannot be loaded into the typed "unavailable" error, not a crash', async () => {
    const store = createKeychainSecretStore({
      keytar: () => Promise.reject(new Error('Cannot find module keytar.node')),
      platform: 'linux',
    })
    const error = await store.list().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(KeychainUnavailableError)
    expect(error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', messageKey: 'accounts:keychain.unavailable.linux' })
    expect((error as Error).message).toMatch(/gnome-keyring.*KWallet.*libsecret/)
  })

  it('tries to load keytar again on the next call after a failed load', async () => {
    const keytar = fakeKeytar()
    let attempts = 0
    const store = createKeychainSecretStore({
      keytar: async () => {
        attempts += 1
        if (attempts === 1) throw new Error('libsecret-1.so.0: cannot open shared object file')
        return keytar.api
      },
    })
    await expect(store.list()).rejects.toBeInstanceOf(KeychainUnavailableError)
    await expect(store.list()).resolves.toEqual([])
  })

  it('reports a locked keyring as KEYCHAIN_LOCKED with advice to unlock it', async () => {
    const keytar = fakeKeytar()
    keytar.api.setPassword = () => Promise.reject(new Error('Cannot create an item in a locked collection'))
    const store = createKeychainSecretStore({ keytar: keytar.api, platform: 'linux' })
    await expect(store.set('a/1', webhook)).rejects.toMatchObject({
      code: 'KEYCHAIN_LOCKED',
      messageKey: 'accounts:keychain.locked.linux',
      message: expect.stringMatching(/[Uu]nlock/),
    })
  })
})

describe('keychain errors', () => {
  it.each([
    ['Could not connect: No such file or directory', 'KEYCHAIN_UNAVAILABLE'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'KEYCHAIN_UNAVAILABLE'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'KEYCHAIN_UNAVAILABLE'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'KEYCHAIN_LOCKED'],
    ['Cannot get secret of a locked object', 'KEYCHAIN_LOCKED'],
    ['The user name or passphrase you entered is not correct.', 'KEYCHAIN_LOCKED'],
    ['User canceled the operation.', 'KEYCHAIN_LOCKED'],
  ])('%s -> %s', (text, code) => {
    expect(toKeychainError(new Error(text)).code).toBe(code)
  })

  it.each([
    ['darwin', /Keychain Access/],
    ['win32', /Credential Manager/],
    ['freebsd', /session only/],
  ] as const)('says what to do on %s', (platform, advice) => {
    expect(new KeychainUnavailableError('KEYCHAIN_UNAVAILABLE', { platform }).message).toMatch(advice)
  })
})

describe('the session-only secret store', () => {
  it('keeps secrets in memory only and says so', async () => {
    const store = createMemorySecretStore()
    expect(store.persistent).toBe(false)
    await store.set('a/1', webhook)
    expect(await store.get('a/1')).toEqual(webhook)
    expect(await store.list()).toEqual(['a/1'])
    expect(await store.delete('a/1')).toBe(true)
    expect(await store.get('a/1')).toBeNull()
  })

  it('is not shared between instances (a restart forgets)', async () => {
    await createMemorySecretStore().set('a/1', webhook)
    expect(await createMemorySecretStore().get('a/1')).toBeNull()
  })
})
