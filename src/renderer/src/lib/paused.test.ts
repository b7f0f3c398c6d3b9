import { pausedTimeLabel, pausedUntil } from './paused'

const NOW = new Date(2026, 11, 1, 21, 0)

describe('pausedUntil', () => {
  it('is the end of a pause still running', () => {
    expect(pausedUntil(new Date(2026, 11, 1, 22, 0).toISOString(), NOW)).toEqual(new Date(2026, 11, 1, 22, 0))
  })

  it('is null without a pause, for one that has ended and for a value that is no time', () => {
    expect(pausedUntil(null, NOW)).toBeNull()
    expect(pausedUntil(new Date(2026, 11, 1, 20, 59).toISOString(), NOW)).toBeNull()
    expect(pausedUntil('soon', NOW)).toBeNull()
  })
})

describe('pausedTimeLabel', () => {
  it('gives the clock time today and adds the weekday for another day', () => {
    expect(pausedTimeLabel(new Date(2026, 11, 1, 22, 5), NOW, 'en')).toBe('10:05 PM')
    expect(pausedTimeLabel(new Date(2026, 11, 2, 9, 0), NOW, 'de')).toBe('Mi., 09:00')
  })
})
