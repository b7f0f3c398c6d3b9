import { startDemoPortal, type DemoPortal } from '../demo'
import { createBitrixClient } from './client'
import { parseWebhookUrl } from './credentials'
import { BitrixError } from './errors'
import seed from './fixtures/seed-user-groups.json' with { type: 'json' }
import { createRateLimiterRegistry } from './rate-limiter'
import { startRawServer } from './test-support/raw-server'
import type { BitrixClientOptions, Sleep } from './types'
import { APP_VERSION } from './version'
import { failureOf } from './test-support/client'
import { seedGroupsAt } from './test-support/seed'

let demo: DemoPortal

beforeAll(async () => {
  demo = await startDemoPortal({ rateLimit: false })
})

afterAll(async () => {
  await demo.close()
})

beforeEach(() => {
  demo.control.clearFaults()
  demo.control.setPageSize(null)
  demo.control.moveTo(null)
  demo.control.resetStats()
  demo.control.setMemberships('1', [
    { id: '5', name: 'Marketing', role: 'K' },
    { id: '9', name: 'Launch', role: 'A', extranet: true, image: '/upload/launch.png' },
  ])
})

/** A sleep that records each wait and returns at once, so backoff is asserted, not waited out. */
function recordingSleep() {
  const waits: number[] = []
  const sleep: Sleep = async (ms) => {
    waits.push(ms)
  }
  return { waits, sleep }
}

function webhookClient(options: Partial<BitrixClientOptions> = {}) {
  return createBitrixClient({
    credentials: parseWebhookUrl(demo.webhookUrl('1')),
    rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1000, burst: 1000 }),
    sleep: recordingSleep().sleep,
    ...options,
  })
}

describe('getUserGroups over a webhook', () => {
  it("parses the seed document's example answer, served verbatim, into the expected groups", async () => {
    const portal = await startRawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(seed))
    })
    try {
      const client = createBitrixClient({ credentials: parseWebhookUrl(`${portal.origin}/rest/1/seedcode/`) })
      const result = await client.getUserGroups()
      expect(result).toEqual({
        groups: seedGroupsAt(portal.origin),
        time: {
          start: 1773927027,
          finish: 1773927028.025164,
          duration: 1.0251638889312744,
          processing: 1,
          dateStart: '2026-03-19T16:30:27+02:00',
          dateFinish: '2026-03-19T16:30:28+02:00',
          operating: 0,
          operatingResetAt: 1773927627,
        },
        movedTo: null,
      })
    } finally {
      await portal.close()
    }
  })

  it('sends an honest POST: JSON body, Accept, User-Agent with the version, the code only in the path', async () => {
    const portal = await startRawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end('{"result":[]}')
    })
    try {
      await createBitrixClient({ credentials: parseWebhookUrl(`${portal.origin}/rest/3/hookcode/`) }).getUserGroups()
      expect(portal.requests).toEqual([
        expect.objectContaining({ method: 'POST', url: '/rest/3/hookcode/sonet_group.user.groups', body: '{}' }),
      ])
      expect(portal.requests[0]?.headers).toMatchObject({
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': `Bitrix24Groups/${APP_VERSION}`,
      })
    } finally {
      await portal.close()
    }
  })

  it('returns the groups the demo portal holds, normalised', async () => {
    const { groups, time, movedTo } = await webhookClient().getUserGroups()
    expect(groups).toEqual([
      expect.objectContaining({ id: '5', role: 'member', extranet: false, imageUrl: null }),
      expect.objectContaining({ id: '9', role: 'owner', extranet: true, imageUrl: `${demo.origin}/upload/launch.png` }),
    ])
    expect(time?.operatingResetAt).toEqual(expect.any(Number))
    expect(movedTo).toBeNull()
  })

  it('follows next until the list is complete', async () => {
    demo.control.setMemberships(
      '1',
      Array.from({ length: 5 }, (_, i) => ({ id: String(i + 1), name: `G${i + 1}`, role: 'K' })),
    )
    demo.control.setPageSize(2)
    const { groups } = await webhookClient().getUserGroups()
    expect(groups.map((group) => group.id)).toEqual(['1', '2', '3', '4', '5'])
    expect(demo.control.stats().byMethod['sonet_group.user.groups']).toBe(3)
  })

  it('fails rather than returning half a list when a later page fails', async () => {
    demo.control.setMemberships(
      '1',
      Array.from({ length: 4 }, (_, i) => ({ id: String(i + 1), name: `G${i + 1}`, role: 'K' })),
    )
    demo.control.setPageSize(2)
    demo.control.injectFaults([{ type: 'delay', ms: 0 }, { type: 'malformed' }])
    const error = await failureOf(webhookClient().getUserGroups())
    expect(error.code).toBe('BAD_RESPONSE')
  })

  it('decodes and parses only the groups whose bytes changed since its last answer, and reads them as a new client does', async () => {
    const items = (renamed: number) =>
      Array.from({ length: 200 }, (_, index) => ({
        GROUP_ID: String(index + 1),
        GROUP_NAME: index === renamed ? `Renamed ${index}` : `Équipe ${index}`,
        ROLE: 'K',
      }))
    let poll = 0
    const portal = await startRawServer((_req, res) => {
      poll++
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(
        JSON.stringify({
          result: items(poll === 1 ? -1 : 150),
          total: 200,
          time: { start: poll, finish: poll, duration: 0, processing: 0 },
        }),
      )
    })
    const decoded: number[] = []
    const decode = TextDecoder.prototype.decode
    const spy = vi.spyOn(TextDecoder.prototype, 'decode').mockImplementation(function (
      this: InstanceType<typeof TextDecoder>,
      input,
    ) {
      decoded.push(input?.byteLength ?? 0)
      return decode.call(this, input)
    })
    try {
      const credentials = parseWebhookUrl(`${portal.origin}/rest/1/seedcode/`)
      const client = createBitrixClient({ credentials })
      await client.getUserGroups()
      const firstBytes = decoded.reduce((sum, bytes) => sum + bytes, 0)
      decoded.length = 0
      const second = await client.getUserGroups()
      const secondBytes = decoded.reduce((sum, bytes) => sum + bytes, 0)
      spy.mockRestore()
      // The renamed group and the members after the list, not the 200 groups again.
      expect(secondBytes).toBeLessThan(firstBytes / 20)
      const fresh = await createBitrixClient({ credentials }).getUserGroups()
      expect(second.groups).toEqual(fresh.groups)
      expect(second.groups[150]?.name).toBe('Renamed 150')
      expect(second.time?.start).toBe(2)
    } finally {
      spy.mockRestore()
      await portal.close()
    }
  })

  it('builds group links from a per-account template', async () => {
    const client = webhookClient({ groupUrlTemplate: '/extranet/workgroups/group/{id}/' })
    const { groups } = await client.getUserGroups()
    expect(groups[0]?.url).toBe(`${demo.origin}/extranet/workgroups/group/5/`)
  })

  it('refuses a bad group link template when the client is created', () => {
    expect(() => webhookClient({ groupUrlTemplate: 'no-placeholder' })).toThrow(BitrixError)
  })
})

describe('getProfile', () => {
  it("returns the user's id, full name and photo", async () => {
    demo.control.setProfile('1', { name: 'Ann', lastName: 'Lee', photo: '/upload/ann.png' })
    expect(await webhookClient().getProfile()).toEqual({
      id: '1',
      name: 'Ann Lee',
      photoUrl: `${demo.origin}/upload/ann.png`,
      movedTo: null,
    })
  })

  it('returns a null name when both parts are empty', async () => {
    demo.control.setProfile('1', { name: ' ', lastName: '' })
    expect((await webhookClient().getProfile()).name).toBeNull()
  })
})

describe('the HTTPS rule', () => {
  it('refuses plain http to a non-loopback portal unless it is marked self-hosted over HTTP', () => {
    const credentials = { kind: 'webhook' as const, origin: 'http://intranet.example.com', userId: '1', code: 'abc' }
    expect(() => createBitrixClient({ credentials })).toThrow(expect.objectContaining({ code: 'INSECURE_ORIGIN' }))
    expect(createBitrixClient({ credentials, allowHttp: true }).origin).toBe('http://intranet.example.com')
  })
})

describe('a portal that moved', () => {
  it('sends nothing to another loopback port it is redirected to, and names it as the move to confirm', async () => {
    const other = await startDemoPortal({
      rateLimit: false,
      users: { '1': [{ id: '5', name: 'Marketing', role: 'K' }] },
    })
    try {
      const credentials = parseWebhookUrl(demo.webhookUrl('1'))
      other.control.createWebhook('1', { code: credentials.code })
      demo.control.moveTo(other.origin)
      const error = await failureOf(webhookClient({ credentials }).getUserGroups())
      expect(error).toMatchObject({ code: 'PORTAL_MOVED', movedTo: other.origin })
      expect(other.control.stats().requests).toBe(0)
    } finally {
      await other.close()
    }
  })
})

describe('retries inside a call', () => {
  it('retries server faults with full-jitter exponential backoff and succeeds', async () => {
    const { waits, sleep } = recordingSleep()
    demo.control.injectFaults([
      { type: 'error', code: 'INTERNAL_SERVER_ERROR' },
      { type: 'html', status: 502 },
    ])
    const result = await webhookClient({ sleep, random: () => 0.5 }).getUserGroups()
    expect(result.groups).toHaveLength(2)
    expect(waits).toEqual([250, 500])
  })

  it('waits a random time between zero and the ceiling', async () => {
    const { waits, sleep } = recordingSleep()
    demo.control.injectFaults([{ type: 'drop' }, { type: 'drop' }])
    await webhookClient({ sleep, random: () => 0 }).getUserGroups()
    expect(waits).toEqual([0, 0])
  })

  it('gives up after maxAttempts with the last error', async () => {
    demo.control.injectFaults(
      Array.from({ length: 3 }, () => ({ type: 'error' as const, code: 'INTERNAL_SERVER_ERROR' })),
    )
    const error = await failureOf(webhookClient().getUserGroups())
    expect([error.code, error.kind, error.retryable]).toEqual(['INTERNAL_SERVER_ERROR', 'server', true])
    expect(demo.control.stats().requests).toBe(3)
  })

  it('does not retry credential problems', async () => {
    demo.control.injectFaults([{ type: 'error', code: 'NO_AUTH_FOUND' }])
    expect((await failureOf(webhookClient().getUserGroups())).code).toBe('NO_AUTH_FOUND')
    expect(demo.control.stats().requests).toBe(1)
  })

  it('does not retry OVERLOAD_LIMIT, and says to come back in 30 minutes', async () => {
    demo.control.injectFaults([{ type: 'error', code: 'OVERLOAD_LIMIT' }])
    const now = 1_800_000_000_000
    const error = await failureOf(webhookClient({ now: () => now }).getUserGroups())
    expect(error.kind).toBe('overload')
    expect(error.retryAt?.getTime()).toBe(now + 30 * 60_000)
    expect(demo.control.stats().requests).toBe(1)
  })

  it('slows every client of the portal down after QUERY_LIMIT_EXCEEDED, then reports the delay it will honour', async () => {
    const { waits, sleep } = recordingSleep()
    const limiterWaits: number[] = []
    const registry = createRateLimiterRegistry({
      drainPerSecond: 2,
      burst: 50,
      now: () => 0,
      sleep: async (ms) => {
        limiterWaits.push(ms)
      },
    })
    demo.control.injectFaults(
      Array.from({ length: 3 }, () => ({ type: 'error' as const, code: 'QUERY_LIMIT_EXCEEDED' })),
    )
    const now = 1_800_000_000_000
    const error = await failureOf(
      webhookClient({ sleep, rateLimiters: registry, random: () => 1, now: () => now }).getUserGroups(),
    )
    expect(error.kind).toBe('rate_limit')
    expect(waits).toEqual([1000])
    expect(limiterWaits.length).toBeGreaterThanOrEqual(1)
    expect(error.retryAt?.getTime()).toBe(now + 2000)
  })

  it('tries a rate-limited request at most twice in one call, even when more attempts are allowed', async () => {
    demo.control.injectFaults(
      Array.from({ length: 3 }, () => ({ type: 'error' as const, code: 'QUERY_LIMIT_EXCEEDED' })),
    )
    const error = await failureOf(webhookClient({ maxAttempts: 5 }).getUserGroups())
    expect(error.code).toBe('QUERY_LIMIT_EXCEEDED')
    expect(demo.control.stats().requests).toBe(2)
  })

  it('still succeeds when the second try of a rate-limited request gets through', async () => {
    demo.control.injectFaults([{ type: 'error', code: 'QUERY_LIMIT_EXCEEDED' }])
    const result = await webhookClient().getUserGroups()
    expect(result.groups).toHaveLength(2)
    expect(demo.control.stats().requests).toBe(2)
  })

  it('dates OPERATION_TIME_LIMIT to operating_reset_at of the last good answer', async () => {
    const client = webhookClient()
    const { time } = await client.getUserGroups()
    demo.control.injectFaults([{ type: 'error', code: 'OPERATION_TIME_LIMIT' }])
    const error = await failureOf(client.getUserGroups())
    expect(error.kind).toBe('method_time')
    expect(error.retryAt?.getTime()).toBe((time?.operatingResetAt ?? 0) * 1000)
  })

  it('dates OPERATION_TIME_LIMIT ten minutes ahead when no answer told the reset time', async () => {
    demo.control.injectFaults([{ type: 'error', code: 'OPERATION_TIME_LIMIT' }])
    const now = 1_800_000_000_000
    const error = await failureOf(webhookClient({ now: () => now }).getUserGroups())
    expect(error.retryAt?.getTime()).toBe(now + 10 * 60_000)
  })

  it('waits out OPERATION_TIME_LIMIT inside the call when the window reopens within seconds', async () => {
    const { waits, sleep } = recordingSleep()
    let now = Date.now()
    const client = webhookClient({ sleep, now: () => now })
    const { time } = await client.getUserGroups()
    now = (time?.operatingResetAt ?? 0) * 1000 - 3000
    demo.control.injectFaults([{ type: 'error', code: 'OPERATION_TIME_LIMIT' }])
    expect((await client.getUserGroups()).groups).toHaveLength(2)
    expect(waits).toEqual([3000])
  })
})

describe('cancellation', () => {
  it('sends nothing when the signal is already aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await failureOf(webhookClient().getUserGroups(controller.signal))
    expect([error.code, error.retryable]).toEqual(['ABORTED', false])
    expect(demo.control.stats().requests).toBe(0)
  })

  it('cuts a hanging request short when the signal aborts', async () => {
    demo.control.injectFaults([{ type: 'hang' }])
    const controller = new AbortController()
    const pending = webhookClient().getUserGroups(controller.signal)
    await vi.waitFor(() => expect(demo.control.stats().requests).toBe(1))
    controller.abort()
    expect((await failureOf(pending)).code).toBe('ABORTED')
  })
})

describe('sharing the portal’s bucket', () => {
  it('keeps five accounts polling one portal as fast as they can free of QUERY_LIMIT_EXCEEDED', async () => {
    const figures = { drainPerSecond: 20, burst: 10 }
    const limited = await startDemoPortal({ rateLimit: figures })
    try {
      const registry = createRateLimiterRegistry(figures)
      const users = ['1', '2', '3', '4', '5']
      const clients = users.map((userId) =>
        createBitrixClient({ credentials: parseWebhookUrl(limited.webhookUrl(userId)), rateLimiters: registry }),
      )
      const target = 40
      let calls = 0
      const errors: unknown[] = []
      await Promise.all(
        clients.map(async (client) => {
          while (calls < target) {
            calls += 1
            await client.getUserGroups().catch((error: unknown) => errors.push(error))
          }
        }),
      )
      expect(errors).toEqual([])
      expect(limited.control.stats()).toMatchObject({ rateLimited: 0 })
      expect(limited.control.stats().requests).toBeGreaterThanOrEqual(target)
    } finally {
      await limited.close()
    }
  })
})
