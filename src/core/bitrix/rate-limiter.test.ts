import { createRateLimiterRegistry } from './rate-limiter'
import type { Sleep } from './types'

/** A fake clock whose sleep records the wait and moves time forward by it. */
function fakeTime() {
  let now = 0
  const waits: number[] = []
  const sleep: Sleep = async (ms, signal) => {
    signal?.throwIfAborted()
    waits.push(Math.round(ms))
    now += ms
  }
  return { now: () => now, sleep, waits, advance: (ms: number) => (now += ms) }
}

const PORTAL = 'https://acme.bitrix24.com'

describe('rate limiter registry', () => {
  it('lets the bucket (minus its headroom) go at once, then paces requests at 90% of the drain rate', async () => {
    const time = fakeTime()
    const registry = createRateLimiterRegistry({ drainPerSecond: 2, burst: 10, headroom: 1, ...time })
    for (let i = 0; i < 9; i++) await registry.acquire(PORTAL)
    expect(time.waits).toEqual([])
    await registry.acquire(PORTAL)
    await registry.acquire(PORTAL)
    // 1 / (2/s * 0.9): slower than the portal drains, so its bucket sinks below ours whatever the network does.
    expect(time.waits).toEqual([556, 556])
  })

  it('queues concurrent requests one drain interval apart', async () => {
    let now = 0
    const waits: number[] = []
    const registry = createRateLimiterRegistry({
      drainPerSecond: 4,
      burst: 2,
      headroom: 0,
      now: () => now,
      sleep: async (ms) => {
        waits.push(Math.round(ms))
      },
    })
    await Promise.all(Array.from({ length: 5 }, () => registry.acquire(PORTAL)))
    expect(waits).toEqual([278, 556, 833])
    now = 10_000
    await registry.acquire(PORTAL)
    expect(waits).toHaveLength(3)
  })

  it('drains while time passes', async () => {
    const time = fakeTime()
    const registry = createRateLimiterRegistry({ drainPerSecond: 2, burst: 5, headroom: 0, ...time })
    for (let i = 0; i < 5; i++) await registry.acquire(PORTAL)
    time.advance(1200)
    await registry.acquire(PORTAL)
    await registry.acquire(PORTAL)
    expect(time.waits).toEqual([])
  })

  it('keeps 10% of the bucket free by default', async () => {
    const time = fakeTime()
    const registry = createRateLimiterRegistry({ drainPerSecond: 2, burst: 50, ...time })
    for (let i = 0; i < 45; i++) await registry.acquire(PORTAL)
    expect(time.waits).toEqual([])
    await registry.acquire(PORTAL)
    expect(time.waits).toEqual([556])
  })

  it('keeps a quarter second of drain free by default when that is more, and always lets one through', async () => {
    const fast = fakeTime()
    const registry = createRateLimiterRegistry({ drainPerSecond: 20, burst: 10, ...fast })
    for (let i = 0; i < 6; i++) await registry.acquire(PORTAL)
    expect(fast.waits).toEqual([56])
    const tiny = fakeTime()
    const single = createRateLimiterRegistry({ drainPerSecond: 1, burst: 1, ...tiny })
    await single.acquire(PORTAL)
    expect(tiny.waits).toEqual([])
  })

  it('shares one bucket between all clients of a portal, and none between portals', async () => {
    const time = fakeTime()
    const registry = createRateLimiterRegistry({ drainPerSecond: 1, burst: 2, headroom: 0, ...time })
    await registry.acquire(PORTAL)
    await registry.acquire(PORTAL)
    await registry.acquire('https://other.bitrix24.de')
    expect(time.waits).toEqual([])
    await registry.acquire(PORTAL)
    expect(time.waits).toEqual([1111])
  })

  it('treats the bucket as full after the portal said QUERY_LIMIT_EXCEEDED', async () => {
    const time = fakeTime()
    const registry = createRateLimiterRegistry({ drainPerSecond: 2, burst: 10, headroom: 0, ...time })
    await registry.acquire(PORTAL)
    registry.penalize(PORTAL)
    await registry.acquire(PORTAL)
    expect(time.waits).toEqual([556])
  })

  it('gives the slot back when the caller stops waiting', async () => {
    const time = fakeTime()
    const registry = createRateLimiterRegistry({ drainPerSecond: 1, burst: 1, headroom: 0, ...time })
    await registry.acquire(PORTAL)
    const controller = new AbortController()
    controller.abort()
    await expect(registry.acquire(PORTAL, controller.signal)).rejects.toThrow()
    await registry.acquire(PORTAL)
    expect(time.waits).toEqual([1111])
  })

  it('takes per-portal figures, e.g. an Enterprise plan', async () => {
    const time = fakeTime()
    const registry = createRateLimiterRegistry({ headroom: 0, ...time })
    registry.configure(PORTAL, { drainPerSecond: 5, burst: 250 })
    for (let i = 0; i < 251; i++) await registry.acquire(PORTAL)
    expect(time.waits).toEqual([222])
  })

  it('refuses figures that would never let a request through', () => {
    expect(() => createRateLimiterRegistry({ drainPerSecond: 0 })).toThrow(RangeError)
    expect(() => createRateLimiterRegistry().configure(PORTAL, { drainPerSecond: 1, burst: 0 })).toThrow(RangeError)
  })
})
