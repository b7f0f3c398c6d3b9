// Against the real OS keychain: gnome-keyring in a private D-Bus session that scripts/with-keyring.mjs starts.
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createKeychainSecretStore } from './secrets'

const harness = process.env.B24_KEYRING_HARNESS === '1'
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

describe.skipIf(!harness)(
  'the keychain secret store on a real gnome-keyring (skipped: run under `node scripts/with-keyring.mjs`, which sets B24_KEYRING_HARNESS=1)',
  () => {
    // A service name of its own per run, so runs never see each other's entries.
    const service = `Bitrix24 Groups test ${randomUUID()}`
    const store = createKeychainSecretStore({ service })

    afterAll(async () => {
      for (const id of await store.list()) await store.delete(id)
    })

    it('stores, reads, updates, lists and removes secrets', async () => {
      await store.set('acme.bitrix24.com/1', { kind: 'webhook', code: 'k3y-one' })
      await store.set('127.0.0.1:8080/7', {
        kind: 'oauth',
        accessToken: 'access-1',
        refreshToken: 'refresh-1',
        clientSecret: 'client-secret-1',
      })
      expect(await store.get('acme.bitrix24.com/1')).toEqual({ kind: 'webhook', code: 'k3y-one' })
      expect(await store.list()).toEqual(['127.0.0.1:8080/7', 'acme.bitrix24.com/1'])

      await store.set('127.0.0.1:8080/7', {
        kind: 'oauth',
        accessToken: 'access-2',
        refreshToken: 'refresh-2',
        clientSecret: 'client-secret-1',
      })
      expect(await store.get('127.0.0.1:8080/7')).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' })
      expect(await store.list()).toHaveLength(2)

      expect(await store.delete('acme.bitrix24.com/1')).toBe(true)
      expect(await store.get('acme.bitrix24.com/1')).toBeNull()
      expect(await store.list()).toEqual(['127.0.0.1:8080/7'])
    })

    it('keeps a secret where a new store (a restarted app) finds it', async () => {
      await store.set('beta.bitrix24.de/5', { kind: 'webhook', code: 'persisted-code' })
      expect(await createKeychainSecretStore({ service }).get('beta.bitrix24.de/5')).toEqual({
        kind: 'webhook',
        code: 'persisted-code',
      })
    })
  },
)

describe.skipIf(process.platform !== 'linux')(
  'with no Secret Service at all (Linux only: D-Bus is how Linux reaches the keychain)',
  () => {
    it('gives the typed KEYCHAIN_UNAVAILABLE error that says what to install', () => {
      // A child process, because libsecret connects to the session bus once per process and keeps that connection.
      const script = `
        const { createKeychainSecretStore } = await import('./src/core/accounts/secrets.ts')
        const store = createKeychainSecretStore({ service: 'Bitrix24 Groups no-service test' })
        try {
          await store.set('a/1', { kind: 'webhook', code: 'never-stored' })
          console.log(JSON.stringify({ stored: true }))
        } catch (error) {
          console.log(JSON.stringify({ name: error.name, code: error.code, message: error.message }))
        }`
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 30_000,
        env: {
          ...process.env,
          DBUS_SESSION_BUS_ADDRESS: `unix:path=/nonexistent/${randomUUID()}/bus`,
          TSX_TSCONFIG_PATH: 'tsconfig.node.json',
        },
      })
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}')
      expect(result).toMatchObject({ name: 'KeychainUnavailableError', code: 'KEYCHAIN_UNAVAILABLE' })
      expect(result.message).toMatch(/gnome-keyring/)
      expect(child.stdout).not.toContain('never-stored')
    })
  },
)
