import { boundedWaitMs, MAX_TIMER_MS, MAX_WAIT_MS, operatingResetAtMs, timerMs } from './wait-limits'

const NOW = Date.UTC(2026, 11, 1, 20)

describe('wait limits', () => {
  it('bounds a computed wait to one hour, and waits the hour for a value that is not a number', () => {
    expect(boundedWaitMs(5_000)).toBe(5_000)
    expect(boundedWaitMs(-5)).toBe(0)
    expect(boundedWaitMs(365 * 86_400_000)).toBe(MAX_WAIT_MS)
    expect(boundedWaitMs(Number.NaN)).toBe(MAX_WAIT_MS)
    expect(MAX_WAIT_MS).toBe(3_600_000)
  })

  it('bounds a timer delay to 2^31-1 ms, which Node would otherwise turn into 1 ms', () => {
    expect(timerMs(2 ** 40)).toBe(MAX_TIMER_MS)
    expect(timerMs(Infinity)).toBe(MAX_TIMER_MS)
    expect(timerMs(Number.NaN)).toBe(MAX_TIMER_MS)
    expect(timerMs(-1)).toBe(0)
  })

  it('reads operating_reset_at in seconds, as documented', () => {
    expect(operatingResetAtMs(NOW / 1000 + 240, NOW)).toBe(NOW + 240_000)
  })

  it('recognises operating_reset_at in milliseconds instead of reading it as the year 58887', () => {
    expect(operatingResetAtMs(NOW + 240_000, NOW)).toBe(NOW + 240_000)
  })

  it('never names a reset more than an hour away, and no reset for a value that names no instant', () => {
    expect(operatingResetAtMs(NOW / 1000 + 30 * 86_400, NOW)).toBe(NOW + MAX_WAIT_MS)
    expect(operatingResetAtMs(Number.MAX_VALUE, NOW)).toBe(NOW + MAX_WAIT_MS)
    expect(operatingResetAtMs(0, NOW)).toBeNull()
    expect(operatingResetAtMs(Number.NaN, NOW)).toBeNull()
  })
})
