import { formatRelativeTime } from './relative-time'

const now = new Date('2025-03-10T12:00:00Z')
const ago = (ms: number) => new Date(now.getTime() - ms)
const MINUTE = 60_000

describe('formatRelativeTime', () => {
  it('says "now" for the last few seconds', () => {
    expect(formatRelativeTime(ago(10_000), now, 'en')).toBe('now')
  })

  it('counts minutes, hours and days in English', () => {
    expect(formatRelativeTime(ago(2 * MINUTE), now, 'en')).toBe('2 minutes ago')
    expect(formatRelativeTime(ago(3 * 60 * MINUTE), now, 'en')).toBe('3 hours ago')
    expect(formatRelativeTime(ago(24 * 60 * MINUTE), now, 'en')).toBe('yesterday')
    expect(formatRelativeTime(ago(5 * 24 * 60 * MINUTE), now, 'en')).toBe('5 days ago')
  })

  it('uses Russian plural forms', () => {
    expect(formatRelativeTime(ago(1 * MINUTE), now, 'ru')).toBe('1 минуту назад')
    expect(formatRelativeTime(ago(2 * MINUTE), now, 'ru')).toBe('2 минуты назад')
    expect(formatRelativeTime(ago(5 * MINUTE), now, 'ru')).toBe('5 минут назад')
  })

  it('speaks German', () => {
    expect(formatRelativeTime(ago(2 * MINUTE), now, 'de')).toBe('vor 2 Minuten')
  })

  it('formats future times too', () => {
    expect(formatRelativeTime(new Date(now.getTime() + 5 * MINUTE), now, 'en')).toBe('in 5 minutes')
  })

  it('accepts ISO strings', () => {
    expect(formatRelativeTime('2025-03-10T11:58:00Z', now, 'en')).toBe('2 minutes ago')
  })
})
