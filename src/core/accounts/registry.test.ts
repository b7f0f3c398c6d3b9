import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BitrixError, toErrorView } from '../bitrix'
import { AccountError } from './errors'
import { KeychainUnavailableError } from './keychain-error'
import { createAccountService, type AccountService } from './registry'
import { createKeychainSecretStore, KEYCHAIN_SERVICE } from './secrets'
import { createSettingsStore, type SettingsStore } from './settings'
import { fakeBitrix, fakeKeytar, type FakeKeytar } from './test-support'

const ACME = 'https://acme.bitrix24.com'
const WEBHOOK = `${ACME}/rest/1/acmecode111/`
const clock = () => new Date('2025-03-04T05:06:07.000Z')

let dir: string
let keytar: FakeKeytar
let bitrix: ReturnType<typeof fakeBitrix>
let settings: SettingsStore
let accounts: AccountService

function start(): AccountService {
  settings = createSettingsStore({ cwd: dir, now: clock })
  return createAccountService({
    settings,
    secrets: createKeychainSecretStore({ keytar, platform: 'linux' }),
    createClient: bitrix.createClient,
    now: clock,
  })
}

const keychainEntry = (id: string) => {
  const stored = keytar.entries.get(`${KEYCHAIN_SERVICE}\u0000${id}`)
  return stored === undefined ? undefined : JSON.parse(stored)
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'b24-accounts-'))
  keytar = fakeKeytar()
  bitrix = fakeBitrix()
  const acme = bitrix.portal(ACME, [
    { id: '1', name: 'Ann Lee', groupCount: 3 },
    { id: '2', name: 'Bob Ray', groupCount: 1 },
  ])
  acme.webhooks.set('acmecode111', '1')
  acme.webhooks.set('acmecode222', '1')
  acme.webhooks.set('bobcode', '2')
  accounts = start()
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('adding a webhook account', () => {
  it('proves the webhook with profile and groups, then stores the account under HOST/USER_ID', async () => {
    const view = await accounts.addWebhook({ webhookUrl: WEBHOOK, label: 'Work' })
    expect(view).toEqual({
      id: 'acme.bitrix24.com/1',
      portal: ACME,
      host: 'acme.bitrix24.com',
      userId: '1',
      authKind: 'webhook',
      userName: 'Ann Lee',
      userPhotoUrl: null,
      label: 'Work',
      maskedCredential: 'https://acme.bitrix24.com/rest/1/••••/',
      groupUrlTemplate: '/workgroups/group/{id}/',
      enabled: true,
      createdAt: '2025-03-04T05:06:07.000Z',
      persisted: true,
    })
    expect(keychainEntry('acme.bitrix24.com/1')).toEqual({ kind: 'webhook', code: 'acmecode111' })
    expect(start().list()).toEqual([view])
  })

  it('keeps the port in the id when it is not the default', async () => {
    bitrix.portal('http://127.0.0.1:8080', [{ id: '7', name: null, groupCount: 0 }]).webhooks.set('local', '7')
    const view = await accounts.addWebhook({ webhookUrl: 'http://127.0.0.1:8080/rest/7/local/' })
    expect(view.id).toBe('127.0.0.1:8080/7')
    expect(view.label).toBe('127.0.0.1:8080')
  })

  it('updates the credentials of the same portal and user instead of adding a duplicate', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK, label: 'Work' })
    await accounts.update('acme.bitrix24.com/1', { enabled: false })
    const again = await accounts.addWebhook({ webhookUrl: `${ACME}/rest/1/acmecode222/` })
    expect(accounts.list()).toHaveLength(1)
    expect(again).toMatchObject({ label: 'Work', createdAt: '2025-03-04T05:06:07.000Z', enabled: true })
    expect(keychainEntry('acme.bitrix24.com/1')).toEqual({ kind: 'webhook', code: 'acmecode222' })
    expect(await accounts.getCredentials('acme.bitrix24.com/1')).toMatchObject({ code: 'acmecode222' })
  })

  it('adds another user of the same portal as a separate account', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    await accounts.addWebhook({ webhookUrl: `${ACME}/rest/2/bobcode/` })
    expect(accounts.list().map((view) => view.id)).toEqual(['acme.bitrix24.com/1', 'acme.bitrix24.com/2'])
  })

  it('stores the new origin when the portal answered from another address', async () => {
    bitrix.portals.get(ACME)!.movedTo = 'https://acme-new.bitrix24.com'
    const moved = bitrix.portal('https://acme-new.bitrix24.com', [{ id: '1', name: 'Ann Lee', groupCount: 2 }])
    moved.webhooks.set('acmecode111', '1')
    const view = await accounts.addWebhook({ webhookUrl: WEBHOOK })
    expect(view).toMatchObject({ id: 'acme-new.bitrix24.com/1', portal: 'https://acme-new.bitrix24.com' })
    expect(await accounts.getCredentials(view.id)).toMatchObject({ origin: 'https://acme-new.bitrix24.com' })
  })

  it.each([
    ['not a webhook URL', 'hello there', null, 'INVALID_WEBHOOK_URL', 'errors:webhookUrl.notUrl'],
    ['not a webhook URL (no /rest/)', `${ACME}/company/`, null, 'INVALID_WEBHOOK_URL', 'errors:webhookUrl.noRest'],
    ['portal unreachable', 'https://nowhere.example.com/rest/1/x/', null, 'NETWORK', 'accounts:errors.unreachable'],
    ['wrong code', `${ACME}/rest/1/wrongcode/`, null, 'NO_AUTH_FOUND', 'accounts:errors.wrongCode'],
    ['missing scope', WEBHOOK, 'insufficient_scope', 'insufficient_scope', 'accounts:errors.missingScope'],
    ['REST not in the plan', WEBHOOK, 'ACCESS_DENIED', 'ACCESS_DENIED', 'accounts:errors.planRequired'],
    [
      'webhook deleted or blocked',
      WEBHOOK,
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'accounts:errors.webhookRevoked',
    ],
    ['portal busy', WEBHOOK, 'QUERY_LIMIT_EXCEEDED', 'QUERY_LIMIT_EXCEEDED', 'accounts:errors.busy'],
    ['server fault', WEBHOOK, 'INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR', 'accounts:errors.badAnswer'],
    ['https required', WEBHOOK, 'INVALID_REQUEST', 'INVALID_REQUEST', 'accounts:errors.httpsRequired'],
  ])('fails with its own message when %s, and stores nothing', async (_case, url, portalCode, code, messageKey) => {
    if (portalCode) bitrix.portals.get(ACME)!.failWith = new BitrixError({ code: portalCode })
    const error = await accounts.addWebhook({ webhookUrl: url }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AccountError)
    expect(error).toMatchObject({ code, messageKey })
    expect(toErrorView(error)).toMatchObject({ code, messageKey })
    expect(accounts.list()).toEqual([])
    expect(keytar.entries.size).toBe(0)
  })

  it('says in plain words what to tick when the scope is missing', async () => {
    bitrix.portals.get(ACME)!.failWith = new BitrixError({ code: 'insufficient_scope' })
    await expect(accounts.addWebhook({ webhookUrl: WEBHOOK })).rejects.toThrow(/sonet_group/)
  })

  it('rejects malformed input naming the field, without echoing it', async () => {
    const error = await accounts
      .addWebhook({ webhookUrl: WEBHOOK, label: 'x'.repeat(101) })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'INVALID_INPUT' })
    expect((error as Error).message).toContain('label')
    expect((error as Error).message).not.toContain('acmecode111')
  })
})

describe('testing a webhook', () => {
  it('reports the user and the group count without storing anything', async () => {
    expect(await accounts.testWebhook(WEBHOOK)).toEqual({ userName: 'Ann Lee', groupCount: 3 })
    expect(accounts.list()).toEqual([])
    expect(keytar.entries.size).toBe(0)
  })

  it('fails with the same messages as adding', async () => {
    await expect(accounts.testWebhook(`${ACME}/rest/1/wrongcode/`)).rejects.toMatchObject({
      messageKey: 'accounts:errors.wrongCode',
    })
  })
})

describe('without a keychain', () => {
  it('fails with the typed error and stores nothing anywhere', async () => {
    keytar.state = 'unavailable'
    const error = await accounts.addWebhook({ webhookUrl: WEBHOOK }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(KeychainUnavailableError)
    expect(error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', messageKey: 'accounts:keychain.unavailable.linux' })
    expect(accounts.list()).toEqual([])
    expect(settings.listAccounts()).toEqual([])
  })

  it('tells a locked keyring apart from a missing one', async () => {
    keytar.state = 'locked'
    await expect(accounts.addWebhook({ webhookUrl: WEBHOOK })).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' })
  })

  it('keeps a session-only account in memory, marked not saved, and forgets it on restart', async () => {
    keytar.state = 'unavailable'
    const view = await accounts.addWebhook({ webhookUrl: WEBHOOK, sessionOnly: true })
    expect(view.persisted).toBe(false)
    expect(accounts.list()).toEqual([view])
    expect(await accounts.getCredentials(view.id)).toMatchObject({ kind: 'webhook', code: 'acmecode111' })
    expect(settings.listAccounts()).toEqual([])
    keytar.state = 'ok'
    expect(start().list()).toEqual([])
  })

  it('saves a session-only account for good when it is added again with a keychain', async () => {
    keytar.state = 'unavailable'
    await accounts.addWebhook({ webhookUrl: WEBHOOK, sessionOnly: true })
    keytar.state = 'ok'
    const view = await accounts.addWebhook({ webhookUrl: WEBHOOK })
    expect(view.persisted).toBe(true)
    expect(accounts.list()).toEqual([view])
    expect(start().list()).toEqual([view])
  })
})

describe('reading credentials', () => {
  it('asks the keychain once and then answers from memory', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    const restarted = start()
    keytar.reads = 0
    await Promise.all([
      restarted.getCredentials('acme.bitrix24.com/1'),
      restarted.getCredentials('acme.bitrix24.com/1'),
    ])
    await restarted.getCredentials('acme.bitrix24.com/1')
    expect(keytar.reads).toBe(1)
  })

  it('asks again after a locked keychain, rather than remembering the failure', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    const restarted = start()
    keytar.state = 'locked'
    await expect(restarted.getCredentials('acme.bitrix24.com/1')).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' })
    keytar.state = 'ok'
    await expect(restarted.getCredentials('acme.bitrix24.com/1')).resolves.toMatchObject({ code: 'acmecode111' })
  })

  it('says the key is gone when the keychain entry was deleted behind the app’s back', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    keytar.entries.clear()
    await expect(start().getCredentials('acme.bitrix24.com/1')).rejects.toMatchObject({
      code: 'SECRET_MISSING',
      messageKey: 'accounts:errors.secretMissing',
    })
  })

  it('says there is no such account', async () => {
    await expect(accounts.getCredentials('nope/1')).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' })
  })
})

describe('changing an account', () => {
  it('changes the label, the enabled flag and the group link template, and keeps them', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    await accounts.update('acme.bitrix24.com/1', {
      label: 'Client',
      enabled: false,
      groupUrlTemplate: '/extranet/workgroups/group/{id}/',
    })
    expect(start().get('acme.bitrix24.com/1')).toMatchObject({
      label: 'Client',
      enabled: false,
      groupUrlTemplate: '/extranet/workgroups/group/{id}/',
    })
  })

  it('goes back to the default group link when the template is cleared', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    await accounts.update('acme.bitrix24.com/1', { groupUrlTemplate: '/x/{id}/' })
    const view = await accounts.update('acme.bitrix24.com/1', { groupUrlTemplate: null })
    expect(view.groupUrlTemplate).toBe('/workgroups/group/{id}/')
  })

  it('refuses a group link template without {id}', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    await expect(accounts.update('acme.bitrix24.com/1', { groupUrlTemplate: '/workgroups/' })).rejects.toMatchObject({
      code: 'INVALID_GROUP_URL_TEMPLATE',
    })
  })

  it('refuses a group link template on another host, whose links could never be opened', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    await expect(
      accounts.update('acme.bitrix24.com/1', { groupUrlTemplate: 'https://acme.bitrix24.com.evil.io/g/{id}/' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', messageKey: 'accounts:errors.templateOtherHost' })
    const view = await accounts.update('acme.bitrix24.com/1', {
      groupUrlTemplate: 'https://acme.bitrix24.com/extranet/workgroups/group/{id}/',
    })
    expect(view.groupUrlTemplate).toBe('https://acme.bitrix24.com/extranet/workgroups/group/{id}/')
  })

  it('gives clients the account’s template and HTTP permission', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    await accounts.update('acme.bitrix24.com/1', { groupUrlTemplate: '/x/{id}/' })
    const received: unknown[] = []
    const service = createAccountService({
      settings,
      secrets: createKeychainSecretStore({ keytar }),
      createClient: (credentials, options) => {
        received.push(options)
        return bitrix.createClient(credentials, options)
      },
    })
    await service.openClient('acme.bitrix24.com/1')
    expect(received[0]).toMatchObject({ groupUrlTemplate: '/x/{id}/', allowHttp: false })
  })
})

describe('removing an account', () => {
  it('deletes the keychain entry, the settings entry, its pinned groups, and runs the remove hooks', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    await accounts.addWebhook({ webhookUrl: `${ACME}/rest/2/bobcode/` })
    settings.setPinnedGroup('acme.bitrix24.com/1', '3', true)
    const removed: string[] = []
    accounts.onRemove(async (id) => {
      removed.push(id)
    })
    await accounts.remove('acme.bitrix24.com/1')
    expect(removed).toEqual(['acme.bitrix24.com/1'])
    expect(keychainEntry('acme.bitrix24.com/1')).toBeUndefined()
    expect(keychainEntry('acme.bitrix24.com/2')).toBeDefined()
    const restarted = start()
    expect(restarted.list().map((view) => view.id)).toEqual(['acme.bitrix24.com/2'])
    expect(settings.getSettings().pinnedGroups).toEqual({})
    await expect(restarted.getCredentials('acme.bitrix24.com/1')).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' })
  })

  it('removes nothing when the keychain cannot be reached, unless forced', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    keytar.state = 'locked'
    await expect(accounts.remove('acme.bitrix24.com/1')).rejects.toBeInstanceOf(KeychainUnavailableError)
    expect(accounts.list()).toHaveLength(1)
    await accounts.remove('acme.bitrix24.com/1', { force: true })
    expect(accounts.list()).toEqual([])
  })

  it('removes a session-only account from memory', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK, sessionOnly: true })
    await accounts.remove('acme.bitrix24.com/1')
    expect(accounts.list()).toEqual([])
    await expect(accounts.getCredentials('acme.bitrix24.com/1')).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' })
  })

  it('reports a failed remove hook after removing the account anyway', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    accounts.onRemove(() => {
      throw new Error('history file is read-only')
    })
    await expect(accounts.remove('acme.bitrix24.com/1')).rejects.toThrow(/read-only/)
    expect(accounts.list()).toEqual([])
  })
})

describe('subscribers', () => {
  it('hear about every change of the account list, saved or session-only', async () => {
    const seen: string[][] = []
    accounts.subscribe((list) => seen.push(list.map((view) => `${view.id}:${view.label}`)))
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    await accounts.update('acme.bitrix24.com/1', { label: 'Renamed' })
    await accounts.addWebhook({ webhookUrl: `${ACME}/rest/2/bobcode/`, sessionOnly: true })
    await accounts.remove('acme.bitrix24.com/1')
    expect(seen).toEqual([
      ['acme.bitrix24.com/1:acme.bitrix24.com'],
      ['acme.bitrix24.com/1:Renamed'],
      ['acme.bitrix24.com/1:Renamed', 'acme.bitrix24.com/2:acme.bitrix24.com'],
      ['acme.bitrix24.com/2:acme.bitrix24.com'],
    ])
  })
})

describe('OAuth accounts', () => {
  const oauthInput = {
    portal: 'acme.bitrix24.com',
    accessToken: 'access-aaa',
    refreshToken: 'refresh-aaa',
    clientId: 'local.app.1',
    clientSecret: 'client-secret-aaa',
  }

  beforeEach(() => {
    bitrix.portals.get(ACME)!.accessTokens.set('access-aaa', '2')
  })

  it('takes the user from profile and keeps the secret parts in the keychain only', async () => {
    const view = await accounts.addOAuth(oauthInput)
    expect(view).toMatchObject({ id: 'acme.bitrix24.com/2', authKind: 'oauth', userName: 'Bob Ray' })
    expect(view.maskedCredential).toBe('https://acme.bitrix24.com (OAuth)')
    expect(keychainEntry(view.id)).toEqual({
      kind: 'oauth',
      accessToken: 'access-aaa',
      refreshToken: 'refresh-aaa',
      clientSecret: 'client-secret-aaa',
    })
    expect(settings.getAccount(view.id)?.oauth).toEqual({
      clientId: 'local.app.1',
      tokenServerUrl: 'https://oauth.bitrix.info/oauth/token/',
    })
    expect(await start().getCredentials(view.id)).toEqual({
      kind: 'oauth',
      origin: ACME,
      userId: '2',
      accessToken: 'access-aaa',
      refreshToken: 'refresh-aaa',
      clientId: 'local.app.1',
      clientSecret: 'client-secret-aaa',
      tokenServerUrl: 'https://oauth.bitrix.info/oauth/token/',
    })
  })

  it('stores the tokens rotated while the credentials were being proved', async () => {
    bitrix.portals.get(ACME)!.expiredTokens.add('access-aaa')
    const view = await accounts.addOAuth(oauthInput)
    expect(keychainEntry(view.id)).toMatchObject({
      accessToken: 'access-aaa-rotated',
      refreshToken: 'refresh-aaa-rotated',
    })
  })

  it('saves tokens a client rotates later, so a restart uses the new ones', async () => {
    const view = await accounts.addOAuth(oauthInput)
    bitrix.portals.get(ACME)!.expiredTokens.add('access-aaa')
    const client = await accounts.openClient(view.id)
    await client.getUserGroups()
    expect(keychainEntry(view.id)).toMatchObject({ refreshToken: 'refresh-aaa-rotated' })
    expect(await start().getCredentials(view.id)).toMatchObject({ accessToken: 'access-aaa-rotated' })
  })

  it('keeps rotated tokens in memory even when the keychain refuses to store them', async () => {
    const view = await accounts.addOAuth(oauthInput)
    const current = await accounts.getCredentials(view.id)
    if (current.kind !== 'oauth') throw new Error('expected OAuth credentials')
    keytar.state = 'locked'
    await expect(
      accounts.saveRotatedTokens(view.id, { ...current, accessToken: 'access-bbb', refreshToken: 'refresh-bbb' }),
    ).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' })
    expect(await accounts.getCredentials(view.id)).toMatchObject({ refreshToken: 'refresh-bbb' })
  })

  it('records a new token server the refresh answer pointed to', async () => {
    const view = await accounts.addOAuth(oauthInput)
    const current = await accounts.getCredentials(view.id)
    if (current.kind !== 'oauth') throw new Error('expected OAuth credentials')
    await accounts.saveRotatedTokens(view.id, {
      ...current,
      tokenServerUrl: 'https://oauth.bitrix24.tech/oauth/token/',
    })
    expect(start().list()).toHaveLength(1)
    expect(settings.getAccount(view.id)?.oauth?.tokenServerUrl).toBe('https://oauth.bitrix24.tech/oauth/token/')
  })

  it('asks to sign in again when the token is refused', async () => {
    await expect(accounts.addOAuth({ ...oauthInput, accessToken: 'unknown' })).rejects.toMatchObject({
      messageKey: 'accounts:errors.signInAgain',
    })
  })
})

describe('a portal that moved', () => {
  const NEW = 'https://acme-renamed.bitrix24.com'

  it('gets its new origin after the new address proves to answer for the same user; the id stays', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    const renamed = bitrix.portal(NEW, [{ id: '1', name: 'Ann Lee', groupCount: 3 }])
    renamed.webhooks.set('acmecode111', '1')
    const view = await accounts.updateOrigin('acme.bitrix24.com/1', NEW)
    expect(view).toMatchObject({ id: 'acme.bitrix24.com/1', portal: NEW, host: 'acme-renamed.bitrix24.com' })
    expect(await start().getCredentials(view.id)).toMatchObject({ origin: NEW, code: 'acmecode111' })
  })

  it('keeps the old origin when the new address answers for another user', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    const renamed = bitrix.portal(NEW, [{ id: '9', name: 'Someone Else', groupCount: 0 }])
    renamed.webhooks.set('acmecode111', '9')
    await expect(accounts.updateOrigin('acme.bitrix24.com/1', NEW)).rejects.toMatchObject({ code: 'USER_MISMATCH' })
    expect(accounts.get('acme.bitrix24.com/1')?.portal).toBe(ACME)
  })

  it('keeps the old origin when the new address does not answer', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    await expect(accounts.updateOrigin('acme.bitrix24.com/1', NEW)).rejects.toMatchObject({
      messageKey: 'accounts:errors.unreachable',
    })
    expect(accounts.get('acme.bitrix24.com/1')?.portal).toBe(ACME)
  })

  it('is still recognised as the same account when its webhook is added again at the new address', async () => {
    await accounts.addWebhook({ webhookUrl: WEBHOOK })
    bitrix.portal(NEW, [{ id: '1', name: 'Ann Lee', groupCount: 3 }]).webhooks.set('acmecode111', '1')
    await accounts.updateOrigin('acme.bitrix24.com/1', NEW)
    await accounts.addWebhook({ webhookUrl: `${NEW}/rest/1/acmecode111/` })
    expect(accounts.list().map((view) => view.id)).toEqual(['acme.bitrix24.com/1'])
  })
})
