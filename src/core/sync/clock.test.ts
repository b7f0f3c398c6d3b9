import { sleep, systemClock } from './clock'
import { FakeClock } from './test-support/fake-clock'

describe('the system clock', () => {
  it('makes timers that do not keep the Node process alive', () => {
    const handle = systemClock.setTimeout(() => {}, 60_000) as ReturnType<typeof setTimeout>
    try {
      expect(handle.hasRef()).toBe(false)
    } finally {
      systemClock.clearTimeout(handle)
    }
  })

  it('never lets a delay beyond what a timer takes fire at once', async () => {
    let fired = false
    const handle = systemClock.setTimeout(() => (fired = true), 2 ** 40)
    await new Promise((resolve) => setTimeout(resolve, 30))
    systemClock.clearTimeout(handle)
    expect(fired).toBe(false)
  })

  it('hands out random numbers in [0, 1)', () => {
    const value = systemClock.random()
    expect(value).toBeGreaterThanOrEqual(0)
    expect(value).toBeLessThan(1)
  })
})

describe('sleep', () => {
  it('resolves when the time has passed on the given clock', async () => {
    const clock = new FakeClock()
    let done = false
    void sleep(clock, 5_000).then(() => (done = true))
    await clock.advance(4_999)
    expect(done).toBe(false)
    await clock.advance(1)
    expect(done).toBe(true)
  })

  it('resolves early and clears its timer when the signal aborts', async () => {
    const clock = new FakeClock()
    const controller = new AbortController()
    const sleeping = sleep(clock, 5_000, controller.signal)
    controller.abort()
    await sleeping
    expect(clock.pending()).toEqual([])
  })
})
