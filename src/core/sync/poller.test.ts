import type { Poller } from './poller'
import { createPoller } from './poller'
import type { PollOutcome } from './schedule'
import { FakeClock, settle } from './test-support/fake-clock'

const INTERVAL = 60_000
const ok: PollOutcome = { type: 'success' }
const networkError: PollOutcome = { type: 'error', kind: 'network', retryAt: null }

interface Harness {
  clock: FakeClock
  poller: Poller
  /** Clock times (ms since start) at which polls began. */
  pollTimes: number[]
  signals: AbortSignal[]
  /** Outcomes handed out in turn; when empty, success. */
  outcomes: PollOutcome[]
  /** When set, each poll waits for release() before answering. */
  hold: boolean
  release(): void
  /** The most polls that were ever in flight at the same time. */
  mostAtOnce: number
}

function harness(intervalMs = INTERVAL): Harness {
  const clock = new FakeClock()
  const start = clock.now()
  const waiting: (() => void)[] = []
  let atOnce = 0
  const state: Harness = {
    clock,
    pollTimes: [],
    signals: [],
    outcomes: [],
    hold: false,
    mostAtOnce: 0,
    release: () => waiting.splice(0).forEach((resume) => resume()),
    poller: createPoller({
      clock,
      intervalMs: () => intervalMs,
      poll: async (signal) => {
        state.pollTimes.push(clock.now() - start)
        state.signals.push(signal)
        state.mostAtOnce = Math.max(state.mostAtOnce, ++atOnce)
        try {
          if (state.hold) {
            await new Promise<void>((resume) => {
              waiting.push(resume)
              signal.addEventListener('abort', () => resume())
            })
            if (signal.aborted) return { type: 'aborted' }
          }
          return state.outcomes.shift() ?? ok
        } finally {
          atOnce--
        }
      },
    }),
  }
  return state
}

describe('poller schedule', () => {
  it('polls at once on start, then every interval', async () => {
    const h = harness()
    h.poller.start()
    await h.clock.advance(3 * INTERVAL)
    expect(h.pollTimes).toEqual([0, 60_000, 120_000, 180_000])
  })

  it('keeps the gap between polls within interval and interval + 10%', async () => {
    const h = harness()
    h.clock.randoms = [0.999, 0, 0.5, 0.25, 0.75, 0.1, 0.9]
    h.poller.start()
    await h.clock.advance(10 * INTERVAL)
    const gaps = h.pollTimes.slice(1).map((time, index) => time - (h.pollTimes[index] ?? 0))
    expect(gaps.length).toBeGreaterThanOrEqual(8)
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(INTERVAL)
      expect(gap).toBeLessThan(INTERVAL * 1.1)
    }
    expect(gaps[0]).toBeCloseTo(INTERVAL * 1.0999, 0)
  })

  it('makes exactly 10 polls in 10 minutes at a 60 s interval whatever the jitter', async () => {
    for (const random of [0, 0.5, 0.999]) {
      const h = harness()
      h.clock.randoms = [random]
      h.poller.start()
      await h.clock.advance(10 * INTERVAL - 1)
      expect(h.pollTimes).toHaveLength(10)
    }
  })

  it('reports when the next poll is due', async () => {
    const h = harness()
    h.poller.start()
    await settle()
    expect(h.poller.state).toBe('waiting')
    expect(h.poller.nextPollAt).toBe(h.clock.now() + INTERVAL)
  })

  it('applies a changed interval to the wait already planned', async () => {
    let interval = INTERVAL
    const clock = new FakeClock()
    const start = clock.now()
    const times: number[] = []
    const poller = createPoller({
      clock,
      intervalMs: () => interval,
      poll: async () => {
        times.push(clock.now() - start)
        return ok
      },
    })
    poller.start()
    await clock.advance(10_000)
    interval = 15_000
    poller.intervalChanged()
    await clock.advance(20_000)
    expect(times).toEqual([0, 15_000, 30_000])
  })
})

describe('refresh now', () => {
  it('joins the poll in flight instead of starting a second one', async () => {
    const h = harness()
    h.hold = true
    h.poller.start()
    await settle()
    const first = h.poller.refreshNow()
    const second = h.poller.refreshNow()
    await settle()
    expect(h.pollTimes).toEqual([0])
    h.release()
    await Promise.all([first, second])
    expect(h.pollTimes).toEqual([0])
  })

  it('polls at once between scheduled polls and plans the next one from there', async () => {
    const h = harness()
    h.poller.start()
    await h.clock.advance(20_000)
    await h.poller.refreshNow()
    await h.clock.advance(INTERVAL)
    expect(h.pollTimes).toEqual([0, 20_000, 80_000])
  })

  it('never runs a scheduled poll while another is in flight', async () => {
    const h = harness()
    h.poller.start()
    await settle()
    h.hold = true
    await h.clock.advance(INTERVAL)
    void h.poller.refreshNow()
    await h.clock.advance(5 * INTERVAL)
    expect(h.pollTimes).toEqual([0, 60_000])
    expect(h.mostAtOnce).toBe(1)
    h.release()
    await settle()
    expect(h.poller.nextPollAt).toBe(h.clock.now() + INTERVAL)
  })
})

describe('pause and resume', () => {
  it('does not poll while paused and polls at once on resume', async () => {
    const h = harness()
    h.poller.start()
    await h.clock.advance(1_000)
    h.poller.pause()
    expect(h.poller.state).toBe('paused')
    expect(h.poller.nextPollAt).toBeNull()
    await h.clock.advance(10 * INTERVAL)
    await h.poller.refreshNow()
    expect(h.pollTimes).toEqual([0])
    h.poller.resume()
    await settle()
    expect(h.pollTimes).toEqual([0, 601_000])
  })

  it('cuts the poll in flight short when pausing, and polls again on resume', async () => {
    const h = harness()
    h.hold = true
    h.poller.start()
    await settle()
    h.poller.pause()
    expect(h.signals[0]?.aborted).toBe(true)
    h.poller.resume()
    await settle()
    expect(h.pollTimes).toHaveLength(2)
    expect(h.signals[1]?.aborted).toBe(false)
  })

  it('a poller created paused polls only once resumed', async () => {
    const h = harness()
    h.poller.pause()
    h.poller.start()
    await h.clock.advance(INTERVAL)
    expect(h.pollTimes).toEqual([])
    h.poller.resume()
    await settle()
    expect(h.pollTimes).toEqual([60_000])
  })
})

describe('backoff through the poller', () => {
  it('backs off on network errors and returns to the interval after a success', async () => {
    const h = harness()
    h.outcomes = [networkError, networkError, networkError, ok]
    h.poller.start()
    await h.clock.advance(30_000 + 60_000 + 120_000 + INTERVAL)
    expect(h.pollTimes).toEqual([0, 30_000, 90_000, 210_000, 270_000])
    expect(h.poller.failures).toBe(0)
  })

  it('counts a poll that throws as a transient failure', async () => {
    const clock = new FakeClock()
    const start = clock.now()
    const times: number[] = []
    const poller = createPoller({
      clock,
      intervalMs: () => INTERVAL,
      poll: async () => {
        times.push(clock.now() - start)
        throw new Error('bug')
      },
    })
    poller.start()
    await clock.advance(90_000)
    expect(times).toEqual([0, 30_000, 90_000])
  })

  it('backs off from the whole interval after rate limits, then goes back to the interval', async () => {
    const h = harness()
    // The client's retry time is only seconds ahead: the doubling interval is what decides.
    const limited: PollOutcome = { type: 'error', kind: 'rate_limit', retryAt: new Date(h.clock.now() + 4_000) }
    h.outcomes = [limited, limited, limited]
    h.poller.start()
    await h.clock.advance(480_000)
    expect(h.pollTimes).toEqual([0, 60_000, 180_000, 420_000, 480_000])
  })

  it('waits until operating_reset_at after a method-time limit', async () => {
    const h = harness()
    h.outcomes = [{ type: 'error', kind: 'method_time', retryAt: new Date(h.clock.now() + 300_000) }]
    h.poller.start()
    await h.clock.advance(300_000)
    expect(h.pollTimes).toEqual([0, 300_000])
  })

  it('waits 30 minutes after an overload', async () => {
    const h = harness()
    h.outcomes = [{ type: 'error', kind: 'overload', retryAt: null }]
    h.poller.start()
    await h.clock.advance(30 * 60_000 - 1)
    expect(h.pollTimes).toEqual([0])
    await h.clock.advance(1)
    expect(h.pollTimes).toEqual([0, 1_800_000])
  })

  it.each(['auth', 'permission', 'scope', 'plan'] as const)(
    'stops on %s problems until the user retries',
    async (kind) => {
      const h = harness()
      h.outcomes = [{ type: 'error', kind, retryAt: null }]
      h.poller.start()
      await h.clock.advance(24 * 3_600_000)
      expect(h.pollTimes).toEqual([0])
      expect(h.poller.state).toBe('halted')
      expect(h.poller.nextPollAt).toBeNull()
      await h.poller.refreshNow()
      expect(h.pollTimes).toEqual([0, 86_400_000])
      expect(h.poller.state).toBe('waiting')
    },
  )

  it('stays halted through suspend and resume', async () => {
    const h = harness()
    h.outcomes = [{ type: 'error', kind: 'auth', retryAt: null }]
    h.poller.start()
    await settle()
    h.poller.pause()
    h.poller.resume()
    await h.clock.advance(INTERVAL)
    expect(h.pollTimes).toEqual([0])
    expect(h.poller.state).toBe('halted')
  })

  it('polls again at once when the credentials change, with failures forgotten', async () => {
    const h = harness()
    h.outcomes = [networkError, networkError, { type: 'error', kind: 'auth', retryAt: null }]
    h.poller.start()
    await h.clock.advance(30_000 + 60_000)
    expect(h.poller.state).toBe('halted')
    h.poller.reset()
    await settle()
    expect(h.pollTimes).toEqual([0, 30_000, 90_000, 90_000])
    expect(h.poller.failures).toBe(0)
  })
})

describe('stop', () => {
  it('waits for the poll in flight to settle and never polls again', async () => {
    const h = harness()
    h.hold = true
    h.poller.start()
    await settle()
    let stopped = false
    const stopping = h.poller.stop().then(() => (stopped = true))
    expect(h.signals[0]?.aborted).toBe(true)
    await stopping
    expect(stopped).toBe(true)
    await h.clock.advance(10 * INTERVAL)
    await h.poller.refreshNow()
    expect(h.pollTimes).toEqual([0])
    expect(h.clock.pending()).toEqual([])
  })
})
