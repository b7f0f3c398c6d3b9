import type { ErrorKind } from '@shared/types'
import type { PollOutcome, ScheduleInput } from './schedule'
import { MAX_WAIT_MS } from '../bitrix/wait-limits'
import {
  BACKOFF_MAX_MS,
  backoffDelay,
  decideNext,
  intervalDelay,
  METHOD_TIME_FALLBACK_MS,
  OVERLOAD_WAIT_MS,
  rateLimitDelay,
} from './schedule'

const NOW = Date.UTC(2025, 0, 1, 12)
const error = (kind: ErrorKind, retryAt: Date | null = null): PollOutcome => ({ type: 'error', kind, retryAt })
const input = (outcome: PollOutcome, overrides: Partial<ScheduleInput> = {}): ScheduleInput => ({
  outcome,
  intervalMs: 60_000,
  failures: 0,
  now: NOW,
  random: 0,
  ...overrides,
})
const RANDOMS = [0, 0.001, 0.25, 0.5, 0.75, 0.999999]

/** Seven failed polls in a row, each answered by a backoff wait: the waits, and the failure count after the last. */
function sevenFailures(outcome: () => PollOutcome): { delays: number[]; failures: number } {
  const delays: number[] = []
  let failures = 0
  for (let attempt = 0; attempt < 7; attempt++) {
    const decision = decideNext(input(outcome(), { failures }))
    if (decision.action !== 'wait') throw new Error('expected a wait')
    expect(decision.reason).toBe('backoff')
    delays.push(decision.delayMs)
    failures = decision.failures
  }
  return { delays, failures }
}

describe('the normal schedule', () => {
  it('waits the configured interval after a success and forgets earlier failures', () => {
    expect(decideNext(input({ type: 'success' }, { failures: 4 }))).toEqual({
      action: 'wait',
      delayMs: 60_000,
      failures: 0,
      reason: 'interval',
    })
  })

  it.each(RANDOMS)('adds between 0 and 10%% jitter to the interval (random %f)', (random) => {
    const delay = intervalDelay(60_000, random)
    expect(delay).toBeGreaterThanOrEqual(60_000)
    expect(delay).toBeLessThan(66_000)
    expect(delay).toBeCloseTo(60_000 + 6_000 * random, 6)
  })
})

describe('backoff for transient failures', () => {
  it.each<ErrorKind>(['network', 'server', 'protocol'])('%s errors double the wait from the first failure', (kind) => {
    const { delays, failures } = sevenFailures(() => error(kind))
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000])
    expect(failures).toBe(7)
  })

  it('starts from the interval when it is shorter than 30 s', () => {
    expect(backoffDelay(20_000, 1, 0)).toBe(20_000)
    expect(backoffDelay(20_000, 2, 0)).toBe(40_000)
  })

  it('starts from 30 s when the interval is longer', () => {
    expect(backoffDelay(3_600_000, 1, 0)).toBe(30_000)
  })

  it.each(RANDOMS)('keeps every backoff within its jitter band and under 15 min (random %f)', (random) => {
    for (let failures = 1; failures <= 20; failures++) {
      const raw = Math.min(30_000 * 2 ** (failures - 1), BACKOFF_MAX_MS)
      const delay = backoffDelay(60_000, failures, random)
      expect(delay).toBeLessThanOrEqual(BACKOFF_MAX_MS)
      expect(delay).toBeGreaterThanOrEqual(raw * 0.9)
      expect(delay).toBeLessThanOrEqual(raw * 1.1)
    }
  })

  it('still spreads accounts apart once the cap is reached', () => {
    expect(backoffDelay(60_000, 30, 0.5)).not.toBe(backoffDelay(60_000, 30, 0.9))
  })

  it('goes back to the normal interval after a success', () => {
    const backedOff = decideNext(input(error('network'), { failures: 5 }))
    const recovered = decideNext(input({ type: 'success' }, { failures: backedOff.failures }))
    expect(recovered).toMatchObject({ action: 'wait', delayMs: 60_000, failures: 0 })
  })
})

describe('limits reported by the portal', () => {
  it('rate limits count as failures and double the wait from the whole interval, up to 15 min', () => {
    const { delays, failures } = sevenFailures(() => error('rate_limit', new Date(NOW + 2_000)))
    expect(delays).toEqual([60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000])
    expect(failures).toBe(7)
  })

  it("rate limits wait for the client's retry time when it is later than the backoff", () => {
    const retryAt = new Date(NOW + 7 * 60_000)
    expect(decideNext(input(error('rate_limit', retryAt), { failures: 1 }))).toEqual({
      action: 'wait',
      delayMs: 7 * 60_000,
      failures: 2,
      reason: 'backoff',
    })
  })

  it('rate limits never wait longer than 15 min, even for a later retry time', () => {
    const retryAt = new Date(NOW + 40 * 60_000)
    expect(decideNext(input(error('rate_limit', retryAt)))).toMatchObject({ delayMs: BACKOFF_MAX_MS, failures: 1 })
  })

  it.each(RANDOMS)('jitters rate-limit waits like other backoffs (random %f)', (random) => {
    for (let failures = 0; failures < 8; failures++) {
      const decision = decideNext(input(error('rate_limit', new Date(NOW + 2_000)), { failures, random }))
      if (decision.action !== 'wait') throw new Error('expected a wait')
      const raw = Math.min(60_000 * 2 ** failures, BACKOFF_MAX_MS)
      expect(decision.delayMs).toBe(rateLimitDelay(60_000, failures + 1, 2_000, random))
      expect(decision.delayMs).toBeGreaterThanOrEqual(raw * 0.9)
      expect(decision.delayMs).toBeLessThanOrEqual(Math.min(raw * 1.1, BACKOFF_MAX_MS))
    }
  })

  it('goes back to the interval after a success that follows rate limits', () => {
    const limited = decideNext(input(error('rate_limit', new Date(NOW + 2_000)), { failures: 3 }))
    expect(decideNext(input({ type: 'success' }, { failures: limited.failures }))).toMatchObject({
      delayMs: 60_000,
      failures: 0,
    })
  })

  it('rate limits without a retry time back off like a transient failure', () => {
    expect(decideNext(input(error('rate_limit'), { failures: 1 }))).toMatchObject({
      delayMs: 60_000,
      failures: 2,
      reason: 'backoff',
    })
  })

  it('method-time limits wait until operating_reset_at', () => {
    const resetAt = new Date(NOW + 245_000)
    expect(decideNext(input(error('method_time', resetAt)))).toMatchObject({ delayMs: 245_000, reason: 'retry_at' })
  })

  it('method-time limits without a reset time wait out the whole 10-minute window', () => {
    expect(decideNext(input(error('method_time')))).toMatchObject({ delayMs: METHOD_TIME_FALLBACK_MS })
  })

  it('a retry time in the past still waits the backoff', () => {
    expect(decideNext(input(error('method_time', new Date(NOW - 5_000))))).toMatchObject({
      delayMs: backoffDelay(60_000, 1, 0),
      failures: 1,
    })
  })

  it('a method-time limit that keeps coming back backs off like any failure, whatever reset the portal names', () => {
    const soon = new Date(NOW + 1_000)
    const delays = [1, 2, 3, 4, 5].map((failures) => {
      const decision = decideNext(input(error('method_time', soon), { failures }))
      return decision.action === 'wait' ? decision.delayMs : 0
    })
    expect(delays).toEqual([1, 2, 3, 4, 5].map((failures) => backoffDelay(60_000, failures + 1, 0)))
  })

  it.each<[string, ErrorKind, Date | null]>([
    ['a reset a year away', 'method_time', new Date(NOW + 365 * 86_400_000)],
    ['an approval retry in the year 58887', 'permission', new Date(8_640_000_000_000_000)],
  ])('%s waits at most an hour', (_name, kind, retryAt) => {
    const decision = decideNext(input(error(kind, retryAt)))
    expect(decision).toMatchObject({ action: 'wait', delayMs: MAX_WAIT_MS })
  })

  it.each(RANDOMS)('overload waits 30 minutes plus up to 10%% (random %f)', (random) => {
    const decision = decideNext(input(error('overload'), { random }))
    if (decision.action !== 'wait') throw new Error('expected a wait')
    expect(decision.reason).toBe('overload')
    expect(decision.delayMs).toBeGreaterThanOrEqual(OVERLOAD_WAIT_MS)
    expect(decision.delayMs).toBeLessThan(OVERLOAD_WAIT_MS * 1.1)
  })
})

describe('problems only the user can fix', () => {
  it.each<ErrorKind>(['auth', 'permission', 'scope', 'plan', 'moved', 'not_found'])('%s halts polling', (kind) => {
    expect(decideNext(input(error(kind)))).toEqual({ action: 'halt', failures: 1 })
  })

  it('asks again at the time the client names, rather than halting, when a method awaits approval', () => {
    const later = new Date(NOW + 600_000)
    expect(decideNext(input(error('permission', later)))).toEqual({
      action: 'wait',
      delayMs: 600_000,
      failures: 1,
      reason: 'retry_at',
    })
  })
})

describe('an aborted poll', () => {
  it('keeps the failure count and proposes the normal interval', () => {
    expect(decideNext(input({ type: 'aborted' }, { failures: 3 }))).toMatchObject({
      action: 'wait',
      delayMs: 60_000,
      failures: 3,
    })
  })
})
