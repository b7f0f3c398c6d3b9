// Redirects to other origins over real HTTP(S) on loopback, with real host names (a hosts table for fetch): the
// request, and with it the webhook code, access token, refresh token or client secret, is re-sent only where the
// redirect policy trusts the new origin. The last test asserts that the foreign site never received a request.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createBitrixClient } from './client'
import { parseOAuthCredentials, parseWebhookUrl } from './credentials'
import seed from './fixtures/seed-user-groups.json' with { type: 'json' }
import { createRateLimiterRegistry } from './rate-limiter'
import { startRawServer, type RawServer } from './test-support/raw-server'
import { fetchWithHosts } from './test-support/hosts-fetch'
import { createSecretCollector } from './test-support/secret-collector'
import { loopbackCertificate, trustForThisProcess } from './test-support/tls'
import type { BitrixClientOptions, Credentials } from './types'

type Answer = (req: IncomingMessage, res: ServerResponse, body: string) => void

const CODE = 'redircode4k8w2p6z'
const ACCESS = 'rediraccess9t3m7q'
const REFRESH = 'redirrefresh5h1x8v'
const CLIENT_SECRET = 'redirclientsecret2n6b'
const SECRETS = [CODE, ACCESS, REFRESH, CLIENT_SECRET]
const GROUPS_PATH = `/rest/1/${CODE}/sonet_group.user.groups`

const collector = createSecretCollector()
const answers = new Map<string, Answer>()
type ServerName = 'cloud' | 'renamed' | 'foreign' | 'intranetHttp' | 'intranetHttps' | 'tokens'
// Filled in beforeAll, before any test reads it.
const servers = {} as Record<ServerName, RawServer>
/** Everything the foreign site ever received in this file; unlike `requests`, never cleared between tests. */
const reachedForeign: string[] = []
let fetchThroughHosts: typeof fetch

const redirect =
  (location: string, status = 302): Answer =>
  (_req, res) => {
    res.writeHead(status, { Location: location })
    res.end()
  }
const groupsAnswer: Answer = (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(seed))
}

beforeAll(async () => {
  const certificate = await loopbackCertificate()
  trustForThisProcess(certificate)
  const start = async (name: ServerName, tls: boolean) => {
    servers[name] = await startRawServer(
      (req, res, body) => {
        if (name === 'foreign') reachedForeign.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)} ${body}`)
        ;(answers.get(name) ?? groupsAnswer)(req, res, body)
      },
      tls ? certificate : undefined,
    )
  }
  await Promise.all([
    start('cloud', true),
    start('renamed', true),
    start('foreign', true),
    start('intranetHttp', false),
    start('intranetHttps', true),
    start('tokens', true),
  ])
  fetchThroughHosts = fetchWithHosts({
    'https://acme.bitrix24.com': servers.cloud.origin,
    'https://acme-renamed.bitrix24.de': servers.renamed.origin,
    'https://acme-again.bitrix24.eu': servers.renamed.origin,
    'http://intranet.example': servers.intranetHttp.origin,
    'https://intranet.example': servers.intranetHttps.origin,
    'https://oauth.bitrix.info': servers.tokens.origin,
    // Every origin that must never see a secret is the same foreign server, so one count covers them all.
    'https://sso.other-company.example': servers.foreign.origin,
    'https://acme.bitrix24.com.evil.io': servers.foreign.origin,
    'https://bitrix24.com.evil.io': servers.foreign.origin,
    'https://evilbitrix24.com': servers.foreign.origin,
    'https://portal.other.example': servers.foreign.origin,
    'http://portal.other.example': servers.foreign.origin,
  })
})

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.close()))
})

beforeEach(() => {
  answers.clear()
  for (const server of Object.values(servers)) server.requests.length = 0
})

function client(credentials: Credentials, options: Partial<BitrixClientOptions> = {}) {
  return createBitrixClient({
    credentials,
    fetch: fetchThroughHosts,
    rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1000, burst: 1000 }),
    sleep: async () => {},
    maxAttempts: 1,
    ...options,
  })
}

const webhookAt = (origin: string) => parseWebhookUrl(`${origin}/rest/1/${CODE}/`, { allowHttp: true })
const oauthAt = (origin: string) =>
  parseOAuthCredentials({
    portal: origin,
    accessToken: ACCESS,
    refreshToken: REFRESH,
    clientId: 'app.redirect.test',
    clientSecret: CLIENT_SECRET,
  })

describe('a redirect from one Bitrix24 cloud portal to another', () => {
  it('re-sends the same POST and body to the new portal and reports its origin as movedTo', async () => {
    answers.set('cloud', redirect('https://acme-renamed.bitrix24.de/auth/?backurl=%2Fstream%2F'))
    const result = await client(webhookAt('https://acme.bitrix24.com')).getUserGroups()
    expect(result.movedTo).toBe('https://acme-renamed.bitrix24.de')
    expect(result.groups[0]?.url).toBe('https://acme-renamed.bitrix24.de/workgroups/group/77/')
    expect(servers.renamed.requests.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'POST', url: GROUPS_PATH, body: '{}' },
    ])
  })

  it('follows a second cloud-to-cloud hop, but stops before a foreign site', async () => {
    answers.set('cloud', redirect('https://acme-renamed.bitrix24.de/'))
    answers.set('renamed', redirect('https://sso.other-company.example/login'))
    const error = await collector.failure(client(webhookAt('https://acme.bitrix24.com')).getUserGroups())
    expect([error.code, error.movedTo]).toEqual(['PORTAL_MOVED', 'https://sso.other-company.example'])
    expect(servers.renamed.requests).toHaveLength(1)
  })
})

describe('a redirect from a cloud portal to anywhere else', () => {
  it('is PORTAL_MOVED with the bare new origin, and nothing is sent there', async () => {
    answers.set('cloud', redirect(`https://sso.other-company.example/login?next=${encodeURIComponent(GROUPS_PATH)}`))
    const error = await collector.failure(client(webhookAt('https://acme.bitrix24.com')).getUserGroups())
    expect([error.code, error.kind, error.retryable]).toEqual(['PORTAL_MOVED', 'moved', false])
    expect(error.movedTo).toBe('https://sso.other-company.example')
    expect(error.message).not.toMatch(/login|next=/)
    expect(servers.foreign.requests).toEqual([])
  })

  it.each([
    ['https://acme.bitrix24.com.evil.io/rest/'],
    ['https://bitrix24.com.evil.io/'],
    ['https://evilbitrix24.com/'],
    ['https://portal.other.example/'],
  ])('treats the lookalike %s as foreign', async (location) => {
    answers.set('cloud', redirect(location, 301))
    const error = await collector.failure(client(webhookAt('https://acme.bitrix24.com')).getUserGroups())
    expect([error.code, error.movedTo]).toEqual(['PORTAL_MOVED', new URL(location).origin])
    expect(servers.foreign.requests).toEqual([])
  })

  it('keeps an OAuth access token, sent in the body, from the foreign site (307 would re-send the body)', async () => {
    answers.set('cloud', redirect('https://sso.other-company.example/oauth', 307))
    const error = await collector.failure(client(oauthAt('https://acme.bitrix24.com')).getUserGroups())
    expect([error.code, error.movedTo]).toEqual(['PORTAL_MOVED', 'https://sso.other-company.example'])
    expect(servers.cloud.requests[0]?.body).toContain(ACCESS)
    expect(servers.foreign.requests).toEqual([])
  })
})

describe('a redirect from a self-hosted portal', () => {
  it('from http to https on the same host is followed and reported', async () => {
    answers.set('intranetHttp', redirect(`https://intranet.example${GROUPS_PATH}`, 301))
    const result = await client(webhookAt('http://intranet.example'), { allowHttp: true }).getUserGroups()
    expect(result.movedTo).toBe('https://intranet.example')
    expect(servers.intranetHttps.requests.map(({ method, url }) => [method, url])).toEqual([['POST', GROUPS_PATH]])
  })

  it('from http to https on another host is PORTAL_MOVED', async () => {
    answers.set('intranetHttp', redirect(`https://portal.other.example${GROUPS_PATH}`))
    const error = await collector.failure(
      client(webhookAt('http://intranet.example'), { allowHttp: true }).getUserGroups(),
    )
    expect([error.code, error.movedTo]).toEqual(['PORTAL_MOVED', 'https://portal.other.example'])
    expect(servers.foreign.requests).toEqual([])
  })

  it('to another host over https is PORTAL_MOVED', async () => {
    answers.set('intranetHttps', redirect('https://portal.other.example/'))
    const error = await collector.failure(client(webhookAt('https://intranet.example')).getUserGroups())
    expect([error.code, error.movedTo]).toEqual(['PORTAL_MOVED', 'https://portal.other.example'])
    expect(servers.foreign.requests).toEqual([])
  })

  it('to another host over plain http stays INSECURE_REDIRECT when http was not allowed', async () => {
    answers.set('intranetHttps', redirect('http://portal.other.example/'))
    const error = await collector.failure(client(webhookAt('https://intranet.example')).getUserGroups())
    expect(error.code).toBe('INSECURE_REDIRECT')
    expect(servers.foreign.requests).toEqual([])
  })

  it('within its own origin is followed as before, and nothing moved', async () => {
    let hops = 0
    answers.set('intranetHttps', (req, res, body) =>
      hops++ === 0 ? redirect(`${GROUPS_PATH}?hop=1`, 307)(req, res, body) : groupsAnswer(req, res, body),
    )
    const result = await client(webhookAt('https://intranet.example')).getUserGroups()
    expect(result.movedTo).toBeNull()
    expect(servers.intranetHttps.requests.map(({ url }) => url)).toEqual([GROUPS_PATH, `${GROUPS_PATH}?hop=1`])
  })
})

describe('the token server', () => {
  const expiredToken: Answer = (_req, res) => {
    res.writeHead(401, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ error: 'expired_token', error_description: 'The access token provided has expired.' }))
  }

  it.each([
    ['a foreign site', 'https://sso.other-company.example/oauth/token/'],
    ['a cloud portal', 'https://acme-renamed.bitrix24.de/oauth/token/'],
    ['its own origin', '/oauth/token/?moved=1'],
  ])('never follows a redirect, even to %s: a protocol error, with nothing sent on', async (_, location) => {
    answers.set('cloud', expiredToken)
    answers.set('tokens', redirect(location))
    const error = await collector.failure(client(oauthAt('https://acme.bitrix24.com')).getUserGroups())
    expect([error.code, error.kind, error.reason, error.retryable]).toEqual([
      'BAD_RESPONSE',
      'protocol',
      'redirect',
      false,
    ])
    // The one refresh request, with the secrets in its query; no second one anywhere.
    expect(servers.tokens.requests.map(({ url }) => url.includes(REFRESH) && url.includes(CLIENT_SECRET))).toEqual([
      true,
    ])
    expect([servers.renamed.requests, servers.foreign.requests]).toEqual([[], []])
  })
})

describe('secrets', () => {
  it('no request reached the foreign site in this file, and no error text carried a secret', () => {
    expect(collector.count).toBeGreaterThan(10)
    expect(reachedForeign).toEqual([])
    expect(collector.leaked(SECRETS)).toEqual([])
  })
})
