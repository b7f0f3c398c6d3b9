// Adds accounts with known secrets, goes through every path of the account service (against the demo portal), then
// reads every file under the settings directory and every message and view it produced, and finds no secret in them.
// Under `node scripts/with-keyring.mjs` the secrets go to the real gnome-keyring; otherwise to an in-memory keytar.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRateLimiterRegistry, toErrorView } from '../bitrix'
import { startDemoPortal, type DemoPortal } from '../demo'
import { KeychainUnavailableError } from './keychain-error'
import { createAccountService, type AccountService } from './registry'
import { createKeychainSecretStore, type SecretStore } from './secrets'
import { createSettingsStore, SETTINGS_FILE_NAME } from './settings'
import { fakeKeytar } from './test-support'

const harness = process.env.B24_KEYRING_HARNESS === '1'
const service = `Bitrix24 Groups secrets test ${randomUUID()}`

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** A keychain that can be switched off, to walk the "no keychain" path against the real one too. */
function switchable(store: SecretStore): SecretStore & { available: boolean } {
  const guard = <T>(run: () => Promise<T>) =>
    wrapper.available ? run() : Promise.reject(new KeychainUnavailableError('KEYCHAIN_UNAVAILABLE'))
  const wrapper = {
    available: true,
    persistent: true,
    get: (id: string) => guard(() => store.get(id)),
    set: (id: string, secret: Parameters<SecretStore['set']>[1]) => guard(() => store.set(id, secret)),
    delete: (id: string) => guard(() => store.delete(id)),
    list: () => guard(() => store.list()),
  }
  return wrapper
}

let dir: string
let demo: DemoPortal
let renamed: DemoPortal
const keychain = createKeychainSecretStore({ service, ...(harness ? {} : { keytar: fakeKeytar() }) })

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'b24-no-secrets-'))
  demo = await startDemoPortal({ rateLimit: false, users: { '1': [{ id: '5', name: 'Marketing', role: 'K' }] } })
  renamed = await startDemoPortal({ rateLimit: false, users: { '1': [{ id: '5', name: 'Marketing', role: 'K' }] } })
})
afterAll(async () => {
  for (const id of await keychain.list()) await keychain.delete(id)
  await Promise.all([demo.close(), renamed.close()])
  rmSync(dir, { recursive: true, force: true })
})

it(`keeps every secret out of the settings directory, the views and the messages (${harness ? 'real gnome-keyring' : 'in-memory keytar; run under with-keyring.mjs for the real one'})`, async () => {
  const secrets = new Set<string>()
  const said: unknown[] = []
  const remember = (...values: string[]) => values.forEach((value) => secrets.add(value))
  const keychainSwitch = switchable(keychain)
  const start = (): AccountService =>
    createAccountService({
      settings: createSettingsStore({ cwd: dir }),
      secrets: keychainSwitch,
      clientOptions: { rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1000, burst: 1000 }) },
    })
  const expectFailure = async (attempt: Promise<unknown>) => {
    const error = await attempt.then(
      () => null,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(Error)
    said.push((error as Error).message, toErrorView(error))
  }
  let accounts = start()
  accounts.subscribe((list) => said.push(list))

  // Webhooks: added, tested, added again with a new code, moved to a new address.
  const first = demo.control.createWebhook('1', { code: 'firstwebhooksecret1' })
  const second = demo.control.createWebhook('1', { code: 'secondwebhooksecret2' })
  renamed.control.createWebhook('1', { code: 'secondwebhooksecret2' })
  remember('firstwebhooksecret1', 'secondwebhooksecret2')
  said.push(await accounts.testWebhook(first))
  const webhookAccount = await accounts.addWebhook({ webhookUrl: first, label: 'Work' })
  said.push(await accounts.addWebhook({ webhookUrl: second }))
  said.push(await accounts.update(webhookAccount.id, { label: 'Client', groupUrlTemplate: '/x/{id}/', enabled: false }))
  demo.control.moveTo(renamed.origin)
  said.push(await accounts.updateOrigin(webhookAccount.id, renamed.origin))
  demo.control.moveTo(null)

  // Failures with secret-bearing input.
  const scopeless = demo.control.createWebhook('2', { code: 'scopelesssecret3', scopes: ['user'] })
  const revoked = demo.control.createWebhook('2', { code: 'revokedsecret4' })
  demo.control.revokeWebhook('revokedsecret4')
  remember('scopelesssecret3', 'revokedsecret4', 'wrongsecret5')
  await expectFailure(accounts.addWebhook({ webhookUrl: scopeless }))
  await expectFailure(accounts.addWebhook({ webhookUrl: revoked }))
  await expectFailure(accounts.addWebhook({ webhookUrl: `${demo.origin}/rest/2/wrongsecret5/` }))
  await expectFailure(accounts.addWebhook({ webhookUrl: `${demo.origin}/rest/x/wrongsecret5/` }))
  await expectFailure(accounts.testWebhook(`${demo.origin}/rest/2/wrongsecret5/`))

  // OAuth: added, tokens rotated by the client after expiry, a token refused.
  const tokens = demo.control.issueOAuthTokens('3')
  remember(tokens.accessToken, tokens.refreshToken, tokens.clientSecret)
  const oauthAccount = await accounts.addOAuth({ portal: demo.origin, ...tokens })
  demo.control.expireAccessTokens()
  await (await accounts.openClient(oauthAccount.id)).getUserGroups()
  const rotated = await accounts.getCredentials(oauthAccount.id)
  if (rotated.kind !== 'oauth') throw new Error('expected OAuth credentials')
  remember(rotated.accessToken, rotated.refreshToken)
  expect(rotated.refreshToken).not.toBe(tokens.refreshToken)
  await expectFailure(accounts.addOAuth({ portal: demo.origin, ...tokens, accessToken: 'refusedaccesssecret6' }))
  remember('refusedaccesssecret6')

  // No keychain: the typed error, then a session-only account.
  keychainSwitch.available = false
  const sessionHook = demo.control.createWebhook('4', { code: 'sessiononlysecret7' })
  remember('sessiononlysecret7')
  await expectFailure(accounts.addWebhook({ webhookUrl: sessionHook }))
  said.push(await accounts.addWebhook({ webhookUrl: sessionHook, sessionOnly: true }))
  await expectFailure(accounts.remove(webhookAccount.id))
  keychainSwitch.available = true

  // Settings written in every way, a restart, a repaired file and a corrupt one.
  const settings = createSettingsStore({ cwd: dir })
  settings.updateSettings({ pollIntervalSeconds: 120, notifications: { kinds: { renamed: false } } })
  settings.setPinnedGroup(oauthAccount.id, '5', true)
  accounts = start()
  said.push(accounts.list(), await accounts.remove(oauthAccount.id))
  const file = join(dir, SETTINGS_FILE_NAME)
  writeFileSync(file, readFileSync(file, 'utf8').replace('"pollIntervalSeconds": 120', '"pollIntervalSeconds": "x"'))
  said.push(start().list())
  writeFileSync(file, '{ corrupt')
  said.push(start().list())

  const files = filesUnder(dir)
  expect(files.some((path) => path.includes('.repaired-'))).toBe(true)
  expect(files.some((path) => path.includes('.corrupt-'))).toBe(true)
  const everything = [...files.map((path) => readFileSync(path, 'utf8')), JSON.stringify(said)].join('\n')
  expect(everything).toContain('Client') // the scan reads real content
  for (const secret of secrets) {
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      expect(everything, `a secret (${secret.slice(0, 3)}…) was found`).not.toContain(form)
    }
  }
  // The secrets did go somewhere: the keychain.
  expect((await keychain.list()).length).toBeGreaterThan(0)
})
