// A portal that throttles for good: whatever reset it names, the app asks it at the backoff's pace, never faster.
import { createBitrixClient, createRateLimiterRegistry, parseWebhookUrl } from '../bitrix'
import { MAX_WAIT_MS } from '../bitrix/wait-limits'
import { sleep } from './clock'
import { engineHarness } from './test-support/engine-harness'
import { FakeClock } from './test-support/fake-clock'

const HOUR = 3_600_000
const ACCOUNT = 'acme.bitrix24.com/1'

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

/**
 * One good answer naming the reset `resetAt(now)`, then OPERATION_TIME_LIMIT for ever (each refusal naming the same
 * reset again, as a confused portal might).
 */
function throttlingPortal(clock: FakeClock, resetAt: (now: number) => number) {
  const requests: number[] = []
  const fetch = (async () => {
    requests.push(clock.now())
    const time = {
      start: 0,
      finish: 0,
      duration: 0,
      processing: 0,
      operating: 500,
      operating_reset_at: resetAt(clock.now()),
    }
    if (requests.length === 1) return json(200, { result: [], time })
    return json(429, { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked', time })
  }) as typeof globalThis.fetch
  return { requests, fetch }
}

function engineOn(clock: FakeClock, fetch: typeof globalThis.fetch) {
  const client = createBitrixClient({
    credentials: parseWebhookUrl('https://acme.bitrix24.com/rest/1/abcdef123/'),
    fetch,
    now: () => clock.now(),
    sleep: (ms, signal) => sleep(clock, ms, signal),
    rateLimiters: createRateLimiterRegistry({
      now: () => clock.now(),
      sleep: (ms, signal) => sleep(clock, ms, signal),
    }),
  })
  return engineHarness({
    clock,
    accounts: [{ id: ACCOUNT, enabled: true }],
    engine: {
      sources: {
        accounts: () => [{ id: ACCOUNT, enabled: true }],
        clientFor: () => client,
        pollIntervalSeconds: () => 60,
      },
    },
  })
}

describe('a permanent OPERATION_TIME_LIMIT', () => {
  it.each([
    ['a reset in milliseconds', (now: number) => now + 600_000],
    ['a reset a year away', (now: number) => Math.floor(now / 1000) + 365 * 86_400],
    ['a reset that has always just passed', (now: number) => Math.floor(now / 1000) - 1],
    ['a reset that is always a second away', (now: number) => Math.floor(now / 1000) + 1],
  ])('%s: at most one request per backoff step, and no retry time beyond an hour', async (_name, resetAt) => {
    const clock = new FakeClock()
    const start = clock.now()
    const portal = throttlingPortal(clock, resetAt)
    const harness = engineOn(clock, portal.fetch)
    harness.engine.start()
    await clock.advance(6 * HOUR)
    await harness.engine.stop()

    // Once the backoff has grown (30 s doubling, capped at 15 min; a method-time limit waits at least the 10-minute
    // window when the portal names no usable reset), a call comes at most every 10 minutes, each with at most three
    // tries. A 1 ms timer or a reset-paced loop would send thousands in the same three hours.
    const lastThreeHours = portal.requests.filter((at) => at >= start + 3 * HOUR)
    expect(lastThreeHours.length).toBeGreaterThan(0)
    expect(lastThreeHours.length).toBeLessThanOrEqual(3 * 18)
    const retryTimes = harness.of('error').map(([{ error }]) => Date.parse(error.retryAt ?? ''))
    expect(retryTimes.length).toBeGreaterThan(0)
    expect(Math.max(...retryTimes)).toBeLessThanOrEqual(start + 6 * HOUR + MAX_WAIT_MS)
  })
})
