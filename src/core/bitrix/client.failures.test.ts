// Every way a call can fail, each yielding its typed error and nothing else; the last test asserts that no error
// text of this file ever contained a secret used in it.
import type { ErrorKind } from '@shared/types'
import { startDemoPortal, type DemoFault, type DemoPortal } from '../demo'
import { createBitrixClient } from './client'
import { parseOAuthCredentials, parseWebhookUrl } from './credentials'
import { PORTAL_ERROR_CODES } from './error-codes'
import { createRateLimiterRegistry } from './rate-limiter'
import { startRawServer, unusedPort } from './test-support/raw-server'
import { createSecretCollector } from './test-support/secret-collector'
import { loopbackCertificate, trustForThisProcess, type Certificate } from './test-support/tls'
import type { BitrixClientOptions, Credentials, WebhookCredentials } from './types'

const collector = createSecretCollector()
const secrets: string[] = []
let demo: DemoPortal
let webhook: WebhookCredentials

function keep<T extends string>(secret: T): T {
  secrets.push(secret)
  return secret
}

beforeAll(async () => {
  demo = await startDemoPortal({ rateLimit: false, users: { '1': [{ id: '5', name: 'Marketing', role: 'K' }] } })
  webhook = parseWebhookUrl(demo.control.createWebhook('1', { code: keep('failcode7x9q2k4m') }))
})

afterAll(async () => {
  await demo.close()
})

beforeEach(() => {
  demo.control.clearFaults()
  demo.control.moveTo(null)
  demo.control.resetStats()
})

function client(options: Partial<BitrixClientOptions> & { credentials?: Credentials } = {}) {
  return createBitrixClient({
    credentials: webhook,
    rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1000, burst: 1000 }),
    sleep: async () => {},
    maxAttempts: 1,
    ...options,
  })
}

function groupsWith(faults: DemoFault[], options: Partial<BitrixClientOptions> = {}) {
  demo.control.injectFaults(faults)
  return collector.failure(client(options).getUserGroups())
}

describe('every code of the error table', () => {
  const expected: Record<string, ErrorKind> = {
    INTERNAL_SERVER_ERROR: 'server',
    ERROR_UNEXPECTED_ANSWER: 'server',
    QUERY_LIMIT_EXCEEDED: 'rate_limit',
    OVERLOAD_LIMIT: 'overload',
    OPERATION_TIME_LIMIT: 'method_time',
    ERROR_BATCH_METHOD_NOT_ALLOWED: 'protocol',
    ERROR_BATCH_LENGTH_EXCEEDED: 'protocol',
    ERROR_METHOD_NOT_FOUND: 'not_found',
    NO_AUTH_FOUND: 'auth',
    INVALID_CREDENTIALS: 'permission',
    insufficient_scope: 'scope',
    expired_token: 'auth',
    invalid_token: 'auth',
    user_access_error: 'permission',
    ACCESS_DENIED: 'plan',
    INVALID_REQUEST: 'auth',
    method_confirm_waiting: 'permission',
    WRONG_AUTH_TYPE: 'auth',
    wrong_client: 'auth',
    payment_required: 'plan',
    ERROR_MANIFEST_IS_NOT_AVAILABLE: 'not_found',
    PORTAL_DELETED: 'server',
  }

  it('covers the whole table', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(PORTAL_ERROR_CODES).sort())
  })

  it.each(Object.entries(expected))('%s from the portal is a %s error', async (code, kind) => {
    const error = await groupsWith([{ type: 'error', code, description: `demo says ${webhook.code}` }])
    expect([error.code, error.kind, error.status]).toEqual([code, kind, PORTAL_ERROR_CODES[code]?.status])
  })

  it('reads a 200 whose body holds an error as that error', async () => {
    const error = await groupsWith([{ type: 'error', code: 'QUERY_LIMIT_EXCEEDED', status: 200 }])
    expect([error.code, error.kind, error.status]).toEqual(['QUERY_LIMIT_EXCEEDED', 'rate_limit', 200])
  })
})

describe('real credential failures from the portal', () => {
  it('a wrong webhook code is NO_AUTH_FOUND', async () => {
    const wrong = { ...webhook, code: keep('wrongcode5h3j8') }
    expect((await collector.failure(client({ credentials: wrong }).getUserGroups())).code).toBe('NO_AUTH_FOUND')
  })

  it('a revoked webhook is INVALID_CREDENTIALS', async () => {
    const revoked = parseWebhookUrl(demo.control.createWebhook('1', { code: keep('revokedcode8d2f') }))
    demo.control.revokeWebhook(revoked.code)
    expect((await collector.failure(client({ credentials: revoked }).getUserGroups())).code).toBe('INVALID_CREDENTIALS')
  })

  it('a webhook without the sonet_group scope is insufficient_scope', async () => {
    const narrow = parseWebhookUrl(demo.control.createWebhook('1', { code: keep('narrowcode4k1z'), scopes: ['user'] }))
    const error = await collector.failure(client({ credentials: narrow }).getUserGroups())
    expect([error.code, error.kind]).toEqual(['insufficient_scope', 'scope'])
  })

  it('a dead refresh token is invalid_grant: sign in again', async () => {
    const issued = demo.control.issueOAuthTokens('1')
    for (const value of [issued.accessToken, issued.refreshToken, issued.clientSecret]) keep(value)
    demo.control.expireAccessTokens()
    demo.control.revokeRefreshTokens()
    const credentials = parseOAuthCredentials({ portal: demo.origin, ...issued })
    const error = await collector.failure(client({ credentials }).getUserGroups())
    expect([error.code, error.kind, error.messageKey]).toEqual(['invalid_grant', 'auth', 'errors:invalidGrant'])
  })

  it('a token server that cannot be reached is a network error', async () => {
    const issued = demo.control.issueOAuthTokens('1')
    for (const value of [issued.accessToken, issued.refreshToken, issued.clientSecret]) keep(value)
    demo.control.expireAccessTokens()
    const credentials = parseOAuthCredentials({
      portal: demo.origin,
      ...issued,
      tokenServerUrl: `http://127.0.0.1:${await unusedPort()}/oauth/token/`,
    })
    expect((await collector.failure(client({ credentials }).getUserGroups())).code).toBe('NETWORK')
  })
})

describe('bad answers', () => {
  it.each<[string, DemoFault, string, string | null, ErrorKind]>([
    ["a proxy's HTML 502", { type: 'html', status: 502 }, 'HTTP_502', 'html', 'server'],
    [
      'an HTML page with 200',
      { type: 'status', status: 200, body: '<html><body>Log in</body></html>' },
      'BAD_RESPONSE',
      'html',
      'protocol',
    ],
    ['an empty 200', { type: 'status', status: 200 }, 'BAD_RESPONSE', 'empty', 'protocol'],
    ['an empty 500', { type: 'status', status: 500 }, 'HTTP_500', 'empty', 'server'],
    ['a truncated body', { type: 'truncated' }, 'BAD_RESPONSE', 'truncated', 'protocol'],
    ['malformed JSON', { type: 'malformed' }, 'BAD_RESPONSE', 'not_json', 'protocol'],
    [
      'JSON of the wrong shape',
      { type: 'status', status: 200, body: { result: { a: 1 } } },
      'BAD_RESPONSE',
      'shape',
      'protocol',
    ],
    [
      'an item without a name',
      { type: 'status', status: 200, body: { result: [{ GROUP_ID: '1', ROLE: 'K' }] } },
      'BAD_RESPONSE',
      'shape',
      'protocol',
    ],
    [
      'a next that does not advance',
      { type: 'status', status: 200, body: { result: [], next: 0 } },
      'BAD_RESPONSE',
      'paging',
      'protocol',
    ],
    ['a 404 page', { type: 'html', status: 404 }, 'HTTP_404', 'html', 'not_found'],
  ])('%s yields %s (%s)', async (_, fault, code, reason, kind) => {
    const error = await groupsWith([fault])
    expect([error.code, error.reason, error.kind]).toEqual([code, reason, kind])
  })

  it('carries a scrubbed excerpt even when the answer echoes the secret', async () => {
    const body = `<html><body>Bad request to /rest/1/${webhook.code}/sonet_group.user.groups code=${webhook.code}</body></html>`
    const error = await groupsWith([{ type: 'status', status: 200, body }])
    expect(error.excerpt).toContain('Bad request to /rest/1/••••/')
  })
})

describe('the network', () => {
  it('a portal that does not answer in time is TIMEOUT, retryable', async () => {
    const error = await groupsWith([{ type: 'hang' }], { timeoutMs: 100 })
    expect([error.code, error.kind, error.retryable]).toEqual(['TIMEOUT', 'network', true])
  })

  it('a portal that stalls in the middle of its body is TIMEOUT too', async () => {
    const portal = await startRawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' })
      res.write('{"result":[')
    })
    try {
      const stalled = parseWebhookUrl(`${portal.origin}/rest/1/${webhook.code}/`)
      const error = await collector.failure(client({ credentials: stalled, timeoutMs: 150 }).getUserGroups())
      expect(error.code).toBe('TIMEOUT')
    } finally {
      await portal.close()
    }
  })

  it('a refused connection is NETWORK with its own message', async () => {
    const refused = { ...webhook, origin: `http://127.0.0.1:${await unusedPort()}` }
    const error = await collector.failure(client({ credentials: refused }).getUserGroups())
    expect([error.code, error.kind, error.messageKey]).toEqual(['NETWORK', 'network', 'errors:connectionRefused'])
  })

  it('a dropped connection is NETWORK', async () => {
    expect((await groupsWith([{ type: 'drop' }])).code).toBe('NETWORK')
  })

  it.each([
    [
      'Node',
      Object.assign(new TypeError('fetch failed'), {
        cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND x' },
      }),
      'NETWORK',
      'errors:dnsNotFound',
    ],
    ['Electron', new Error('net::ERR_NAME_NOT_RESOLVED'), 'NETWORK', 'errors:dnsNotFound'],
    ['Electron', new Error('net::ERR_CERT_AUTHORITY_INVALID'), 'TLS_ERROR', 'errors:tls'],
    ['Electron', new Error('net::ERR_INTERNET_DISCONNECTED'), 'NETWORK', 'errors:network'],
  ])('reads a %s fetch failure %#', async (_, failure, code, messageKey) => {
    const failing: typeof fetch = async () => {
      throw failure
    }
    const error = await collector.failure(client({ fetch: failing }).getUserGroups())
    expect([error.code, error.messageKey]).toEqual([code, messageKey])
  })
})

describe('redirects', () => {
  it('a redirect loop is TOO_MANY_REDIRECTS', async () => {
    const self = `${demo.origin}/rest/1/${webhook.code}/sonet_group.user.groups`
    const error = await groupsWith([
      { type: 'redirect', location: `${self}?hop=1` },
      { type: 'redirect', location: self },
    ])
    expect([error.code, error.kind]).toEqual(['TOO_MANY_REDIRECTS', 'protocol'])
  })

  it('more than three hops is TOO_MANY_REDIRECTS', async () => {
    const self = `${demo.origin}/rest/1/${webhook.code}/sonet_group.user.groups`
    const hops = [1, 2, 3, 4].map((hop) => ({ type: 'redirect' as const, location: `${self}?hop=${hop}` }))
    expect((await groupsWith(hops)).code).toBe('TOO_MANY_REDIRECTS')
  })

  it('follows up to three hops', async () => {
    const self = `${demo.origin}/rest/1/${webhook.code}/sonet_group.user.groups`
    demo.control.injectFaults([1, 2, 3].map((hop) => ({ type: 'redirect', location: `${self}?hop=${hop}` })))
    expect((await client().getUserGroups()).groups).toHaveLength(1)
  })
})

describe('a fetch that hides redirects', () => {
  it('reports that the portal moved, without a new origin to offer', async () => {
    const opaque = (async () =>
      ({
        type: 'opaqueredirect',
        status: 0,
        headers: new Headers(),
        body: null,
      }) as unknown as Response) as typeof fetch
    const error = await collector.failure(client({ fetch: opaque }).getUserGroups())
    expect([error.code, error.kind, error.movedTo]).toEqual(['PORTAL_MOVED', 'moved', null])
  })
})

describe('HTTPS', () => {
  let trusted: Certificate
  let untrusted: Certificate

  beforeAll(async () => {
    ;[trusted, untrusted] = await Promise.all([loopbackCertificate(), loopbackCertificate()])
    trustForThisProcess(trusted)
  })

  it('never follows a redirect from https to http', async () => {
    const secure = await startDemoPortal({ tls: trusted, rateLimit: false, users: { '1': [] } })
    try {
      const credentials = parseWebhookUrl(secure.control.createWebhook('1', { code: keep('tlscode3v8n1b') }))
      expect((await client({ credentials }).getUserGroups()).groups).toEqual([])
      secure.control.injectFaults([{ type: 'redirect', location: `${demo.origin}/rest/1/${credentials.code}/profile` }])
      const error = await collector.failure(client({ credentials }).getUserGroups())
      expect([error.code, error.kind]).toEqual(['INSECURE_REDIRECT', 'protocol'])
      expect(demo.control.stats().requests).toBe(0)
    } finally {
      await secure.close()
    }
  })

  it('an untrusted certificate is TLS_ERROR, and nothing is sent', async () => {
    const impostor = await startDemoPortal({ tls: untrusted, rateLimit: false })
    try {
      const credentials = parseWebhookUrl(impostor.control.createWebhook('1', { code: keep('impostorcode6q') }))
      const error = await collector.failure(client({ credentials }).getUserGroups())
      expect([error.code, error.kind, error.messageKey]).toEqual(['TLS_ERROR', 'network', 'errors:tls'])
      expect(impostor.control.stats().requests).toBe(0)
    } finally {
      await impostor.close()
    }
  })
})

describe('nothing escapes as an unhandled exception', () => {
  it('a fetch that throws something odd becomes UNEXPECTED, scrubbed', async () => {
    const odd: typeof fetch = async (input) => {
      throw `odd ${String(input)}` // not even an Error
    }
    const error = await collector.failure(client({ fetch: odd }).getUserGroups())
    expect(['NETWORK', 'UNEXPECTED']).toContain(error.code)
  })
})

describe('secrets', () => {
  it('no error message, String(), stack, JSON or view of this file contains any secret used in it', () => {
    expect(collector.count).toBeGreaterThan(40)
    expect(secrets.length).toBeGreaterThan(10)
    expect(collector.leaked(secrets)).toEqual([])
  })
})
