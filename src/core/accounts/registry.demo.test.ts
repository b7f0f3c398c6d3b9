// The account service with the real REST client against the demo portal over loopback HTTP.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRateLimiterRegistry, toErrorView } from '../bitrix'
import { fetchWithHosts } from '../bitrix/test-support/hosts-fetch'
import { startDemoPortal, type DemoPortal } from '../demo'
import { createAccountService, type AccountService } from './registry'
import { createKeychainSecretStore, KEYCHAIN_SERVICE } from './secrets'
import { createSettingsStore } from './settings'
import { fakeKeytar, type FakeKeytar } from './test-support'

const GROUPS = [
  { id: '5', name: 'Marketing', role: 'K' },
  { id: '9', name: 'Launch & “Go” 🚀', role: 'A', extranet: true },
]

let dir: string
let keytar: FakeKeytar
let demo: DemoPortal
const others: DemoPortal[] = []

function start(fetch?: typeof globalThis.fetch): AccountService {
  return createAccountService({
    settings: createSettingsStore({ cwd: dir }),
    secrets: createKeychainSecretStore({ keytar }),
    // A generous bucket of its own: these tests are about accounts, not about pacing.
    clientOptions: {
      rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1000, burst: 1000 }),
      timeoutMs: 5000,
      ...(fetch ? { fetch } : {}),
    },
  })
}

// A renamed cloud portal is followed by itself; a move between loopback ports is not (another local user may listen
// there), so the move tests give the demo portals Bitrix24 cloud names.
const CLOUD = 'https://acme.bitrix24.com'
const RENAMED = 'https://acme-renamed.bitrix24.com'
const cloudFetch = (renamed: DemoPortal) => fetchWithHosts({ [CLOUD]: demo.origin, [RENAMED]: renamed.origin })

async function anotherPortal(): Promise<DemoPortal> {
  const portal = await startDemoPortal({ rateLimit: false, users: { '1': GROUPS } })
  others.push(portal)
  return portal
}

const stored = (id: string) => JSON.parse(keytar.entries.get(`${KEYCHAIN_SERVICE}\u0000${id}`) ?? 'null')

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'b24-accounts-demo-'))
  keytar = fakeKeytar()
  demo = await startDemoPortal({ rateLimit: false, users: { '1': GROUPS, '2': [] } })
  demo.control.setProfile('1', { name: 'Ann', lastName: 'Lee' })
})
afterEach(async () => {
  await Promise.all([demo.close(), ...others.splice(0).map((portal) => portal.close())])
  rmSync(dir, { recursive: true, force: true })
})

describe('against the demo portal', () => {
  it('adds a webhook account after proving it, and its client lists the groups', async () => {
    const accounts = start()
    const view = await accounts.addWebhook({ webhookUrl: demo.webhookUrl('1') })
    const host = new URL(demo.origin).host
    expect(view).toMatchObject({ id: `${host}/1`, portal: demo.origin, userName: 'Ann Lee', persisted: true })
    expect(view.maskedCredential).toBe(`${demo.origin}/rest/1/••••/`)
    const client = await start().openClient(view.id)
    expect((await client.getUserGroups()).groups.map((group) => group.id)).toEqual(['5', '9'])
  })

  it('tests a webhook: user name and group count, nothing stored', async () => {
    const accounts = start()
    expect(await accounts.testWebhook(demo.webhookUrl('1'))).toEqual({ userName: 'Ann Lee', groupCount: 2 })
    expect(accounts.list()).toEqual([])
    expect(keytar.entries.size).toBe(0)
  })

  describe('gives each failure its own message', () => {
    it('wrong code (NO_AUTH_FOUND)', async () => {
      const error = await start()
        .addWebhook({ webhookUrl: `${demo.origin}/rest/1/nosuchcode/` })
        .catch((caught: unknown) => caught)
      expect(toErrorView(error)).toMatchObject({ code: 'NO_AUTH_FOUND', messageKey: 'accounts:errors.wrongCode' })
    })

    it('missing sonet_group scope', async () => {
      const url = demo.control.createWebhook('1', { scopes: ['user'] })
      const error = await start()
        .addWebhook({ webhookUrl: url })
        .catch((caught: unknown) => caught)
      expect(toErrorView(error)).toMatchObject({
        code: 'insufficient_scope',
        messageKey: 'accounts:errors.missingScope',
      })
      expect(toErrorView(error).message).toContain('sonet_group')
    })

    it('REST not in the plan (ACCESS_DENIED)', async () => {
      demo.control.injectFaults([{ type: 'error', code: 'ACCESS_DENIED' }])
      const error = await start()
        .addWebhook({ webhookUrl: demo.webhookUrl('1') })
        .catch((caught: unknown) => caught)
      expect(toErrorView(error)).toMatchObject({ code: 'ACCESS_DENIED', messageKey: 'accounts:errors.planRequired' })
    })

    it('webhook deleted or blocked (INVALID_CREDENTIALS)', async () => {
      const url = demo.control.createWebhook('1', { code: 'leakedcode' })
      demo.control.revokeWebhook('leakedcode')
      const error = await start()
        .addWebhook({ webhookUrl: url })
        .catch((caught: unknown) => caught)
      expect(toErrorView(error)).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        messageKey: 'accounts:errors.webhookRevoked',
      })
    })

    it('portal unreachable', async () => {
      const gone = await anotherPortal()
      const url = gone.webhookUrl('1')
      await gone.close()
      const error = await start()
        .addWebhook({ webhookUrl: url })
        .catch((caught: unknown) => caught)
      expect(toErrorView(error)).toMatchObject({ kind: 'network', messageKey: 'accounts:errors.unreachable' })
    })
  })

  it('stores the new address of a portal that answers with a redirect when the account is added', async () => {
    const renamed = await anotherPortal()
    renamed.control.createWebhook('1', { code: 'samecode' })
    demo.control.createWebhook('1', { code: 'samecode' })
    demo.control.moveTo(RENAMED)
    const view = await start(cloudFetch(renamed)).addWebhook({ webhookUrl: `${CLOUD}/rest/1/samecode/` })
    expect(view.portal).toBe(RENAMED)
    expect(view.id).toBe(`${new URL(RENAMED).host}/1`)
  })

  it('moves an account to the new origin once the new address answers for the same user', async () => {
    const renamed = await anotherPortal()
    const accounts = start(cloudFetch(renamed))
    demo.control.createWebhook('1', { code: 'samecode' })
    const view = await accounts.addWebhook({ webhookUrl: `${CLOUD}/rest/1/samecode/` })
    renamed.control.createWebhook('1', { code: 'samecode' })
    demo.control.moveTo(RENAMED)
    const { movedTo } = await (await accounts.openClient(view.id)).getUserGroups()
    expect(movedTo).toBe(RENAMED)

    const moved = await accounts.updateOrigin(view.id, RENAMED)
    expect(moved).toMatchObject({ id: view.id, portal: RENAMED })
    await demo.close()
    const client = await start(cloudFetch(renamed)).openClient(view.id)
    expect((await client.getUserGroups()).movedTo).toBeNull()
  })

  it('refuses to move an account to an address where its webhook belongs to another user', async () => {
    const accounts = start()
    const view = await accounts.addWebhook({ webhookUrl: demo.control.createWebhook('1', { code: 'samecode' }) })
    const other = await anotherPortal()
    other.control.createWebhook('2', { code: 'samecode' })
    await expect(accounts.updateOrigin(view.id, other.origin)).rejects.toMatchObject({
      code: 'NO_AUTH_FOUND',
      messageKey: 'accounts:errors.wrongCode',
    })
    expect(accounts.get(view.id)?.portal).toBe(demo.origin)
  })

  it('adds an OAuth account and keeps the tokens the client rotates after expiry', async () => {
    const accounts = start()
    const tokens = demo.control.issueOAuthTokens('1')
    const view = await accounts.addOAuth({ portal: demo.origin, ...tokens })
    expect(view).toMatchObject({ authKind: 'oauth', userId: '1', userName: 'Ann Lee' })

    demo.control.expireAccessTokens()
    await (await accounts.openClient(view.id)).getUserGroups()
    const rotated = stored(view.id)
    expect(rotated.refreshToken).not.toBe(tokens.refreshToken)
    expect(rotated.accessToken).not.toBe(tokens.accessToken)
    expect(demo.control.stats().tokenRequests).toBe(1)

    // A restarted app uses the rotated pair: no second refresh is needed.
    const groups = await (await start().openClient(view.id)).getUserGroups()
    expect(groups.groups).toHaveLength(2)
    expect(demo.control.stats().tokenRequests).toBe(1)
  })
})
