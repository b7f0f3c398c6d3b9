import type { Credentials } from '../bitrix/types'
import { createKnownSecrets } from './known-secrets'

const webhook: Credentials = { kind: 'webhook', origin: 'https://acme.bitrix24.com', userId: '1', code: 'hookcode123' }
const oauth = (accessToken: string): Credentials => ({
  kind: 'oauth',
  origin: 'https://beta.bitrix24.com',
  userId: '5',
  accessToken,
  refreshToken: 'refresh-456',
  clientId: 'local.app.1',
  clientSecret: 'clientsecret789',
  tokenServerUrl: 'https://oauth.bitrix.info/oauth/token/',
})

describe('known secrets', () => {
  it('knows the webhook code and the OAuth tokens and client secret of remembered accounts, nothing else', async () => {
    const stored: Record<string, Credentials> = { a: webhook, b: oauth('access-123') }
    const secrets = createKnownSecrets(async (id) => stored[id] as Credentials)
    expect(secrets.list()).toEqual([])
    await secrets.remember('a')
    await secrets.remember('b')
    expect([...secrets.list()].sort()).toEqual(['access-123', 'clientsecret789', 'hookcode123', 'refresh-456'])
  })

  it('takes rotated tokens on the next read', async () => {
    let current = oauth('access-old')
    const secrets = createKnownSecrets(async () => current)
    await secrets.remember('b')
    current = oauth('access-new')
    await secrets.remember('b')
    expect(secrets.list()).toContain('access-new')
    expect(secrets.list()).not.toContain('access-old')
  })

  it('keeps the newest read when an older one settles after it', async () => {
    const answers: ((credentials: Credentials) => void)[] = []
    const secrets = createKnownSecrets(() => new Promise((resolve) => answers.push(resolve)))
    const older = secrets.remember('b')
    const newer = secrets.remember('b')
    answers[1]?.(oauth('access-new'))
    await newer
    answers[0]?.(oauth('access-old'))
    await older
    expect(secrets.list()).toContain('access-new')
    expect(secrets.list()).not.toContain('access-old')
  })

  it('forgets a removed account', async () => {
    const secrets = createKnownSecrets(async () => webhook)
    await secrets.remember('a')
    secrets.forget('a')
    expect(secrets.list()).toEqual([])
  })

  it('keeps what it knew when a read fails, without rejecting', async () => {
    let fail = false
    const secrets = createKnownSecrets(async () => {
      if (fail) throw new Error('keychain locked')
      return webhook
    })
    await secrets.remember('a')
    fail = true
    await expect(secrets.remember('a')).resolves.toBeUndefined()
    expect(secrets.list()).toEqual(['hookcode123'])
  })
})
