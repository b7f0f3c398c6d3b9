import { startDemoPortal, type DemoPortal } from '../demo'
import { createBitrixClient } from './client'
import { parseOAuthCredentials } from './credentials'
import { tokenUrlFromServerEndpoint } from './oauth'
import { createRateLimiterRegistry } from './rate-limiter'
import type { BitrixClientOptions, OAuthCredentials } from './types'
import { failureOf } from './test-support/client'

let demo: DemoPortal

beforeAll(async () => {
  demo = await startDemoPortal({ rateLimit: false, users: { '1': [{ id: '5', name: 'Marketing', role: 'K' }] } })
})

afterAll(async () => {
  await demo.close()
})

beforeEach(() => {
  demo.control.clearFaults()
  demo.control.resetStats()
})

function oauthCredentials(): OAuthCredentials {
  const issued = demo.control.issueOAuthTokens('1')
  return parseOAuthCredentials({ portal: demo.origin, ...issued })
}

function oauthClient(credentials: OAuthCredentials, options: Partial<BitrixClientOptions> = {}) {
  return createBitrixClient({
    credentials,
    rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1000, burst: 1000 }),
    sleep: async () => {},
    ...options,
  })
}

describe('OAuth', () => {
  it('sends the access token in the JSON body of POST /rest/METHOD', async () => {
    const { groups } = await oauthClient(oauthCredentials()).getUserGroups()
    expect(groups.map((group) => group.id)).toEqual(['5'])
    expect(demo.control.stats().tokenRequests).toBe(0)
  })

  it('refreshes once for ten concurrent calls with an expired token, and all ten succeed', async () => {
    const credentials = oauthCredentials()
    demo.control.expireAccessTokens()
    const persisted: OAuthCredentials[] = []
    const client = oauthClient(credentials, { onTokensRefreshed: async (next) => void persisted.push(next) })
    const results = await Promise.all(Array.from({ length: 10 }, () => client.getUserGroups()))
    expect(results.map((result) => result.groups.length)).toEqual(Array(10).fill(1))
    expect(demo.control.stats().tokenRequests).toBe(1)
    expect(persisted).toHaveLength(1)
    expect(persisted[0]?.accessToken).not.toBe(credentials.accessToken)
    expect(persisted[0]?.refreshToken).not.toBe(credentials.refreshToken)
  })

  it('waits for the rotated tokens to be persisted before retrying', async () => {
    const credentials = oauthCredentials()
    demo.control.expireAccessTokens()
    let persist: () => void = () => {}
    const persisting = new Promise<void>((resolve) => (persist = resolve))
    let saved = false
    const client = oauthClient(credentials, {
      onTokensRefreshed: async () => {
        await persisting
        saved = true
      },
    })
    const call = client.getProfile()
    await vi.waitFor(() => expect(demo.control.stats().tokenRequests).toBe(1))
    expect(demo.control.stats().byMethod.profile).toBe(1)
    persist()
    expect((await call).id).toBe('1')
    expect(saved).toBe(true)
    expect(demo.control.stats().byMethod.profile).toBe(2)
  })

  it('uses the rotated refresh token for the next expiry (the old one is dead)', async () => {
    const client = oauthClient(oauthCredentials())
    demo.control.expireAccessTokens()
    await client.getUserGroups()
    demo.control.expireAccessTokens()
    await client.getUserGroups()
    expect(demo.control.stats().tokenRequests).toBe(2)
  })

  it('takes the next token endpoint from server_endpoint', async () => {
    const credentials = { ...oauthCredentials(), tokenServerUrl: `${demo.origin}/oauth/token/?region=1` }
    demo.control.expireAccessTokens()
    let refreshed: OAuthCredentials | null = null
    await oauthClient(credentials, { onTokensRefreshed: async (next) => void (refreshed = next) }).getUserGroups()
    expect(refreshed).toMatchObject({ tokenServerUrl: `${demo.origin}/oauth/token/`, userId: '1' })
  })

  it('retries only once after a refresh: a token expired again is an auth error', async () => {
    const credentials = oauthCredentials()
    // Faults consume requests in order: the call, the token request (passed through), the retry.
    demo.control.injectFaults([
      { type: 'error', code: 'expired_token' },
      { type: 'delay', ms: 0 },
      { type: 'error', code: 'expired_token' },
    ])
    const error = await failureOf(oauthClient(credentials).getUserGroups())
    expect([error.code, error.kind]).toEqual(['expired_token', 'auth'])
    expect(demo.control.stats().tokenRequests).toBe(1)
  })

  it('never refreshes for other auth errors', async () => {
    demo.control.injectFaults([{ type: 'error', code: 'invalid_token' }])
    expect((await failureOf(oauthClient(oauthCredentials()).getUserGroups())).code).toBe('invalid_token')
    expect(demo.control.stats().tokenRequests).toBe(0)
  })

  it('never refreshes a webhook', async () => {
    demo.control.injectFaults([{ type: 'error', code: 'expired_token' }])
    const client = createBitrixClient({
      credentials: {
        kind: 'webhook',
        origin: demo.origin,
        userId: '1',
        code: demo.webhookUrl('1').split('/')[5] ?? '',
      },
    })
    expect((await failureOf(client.getUserGroups())).kind).toBe('auth')
    expect(demo.control.stats().tokenRequests).toBe(0)
  })

  it('learns the user id from profile when it was unknown', async () => {
    const credentials = oauthCredentials()
    expect(credentials.userId).toBeNull()
    expect((await oauthClient(credentials).getProfile()).id).toBe('1')
  })
})

describe('tokenUrlFromServerEndpoint', () => {
  it.each([
    ['https://oauth.bitrix.info/rest/', 'https://oauth.bitrix.info/oauth/token/'],
    ['https://oauth.bitrix24.tech/rest/', 'https://oauth.bitrix24.tech/oauth/token/'],
    [undefined, 'https://fallback.example.com/oauth/token/'],
    ['http://evil.example.com/rest/', 'https://fallback.example.com/oauth/token/'],
    ['not a url', 'https://fallback.example.com/oauth/token/'],
  ])('%s -> %s', (endpoint, expected) => {
    expect(tokenUrlFromServerEndpoint(endpoint, 'https://fallback.example.com/oauth/token/')).toBe(expected)
  })
})
