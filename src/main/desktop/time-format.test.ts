import { createTranslator } from '@shared/i18n'
import { clockTime, relativeTime } from './time-format'

const now = new Date('2025-03-10T12:00:00.000Z')
const ago = (ms: number) => new Date(now.getTime() - ms)

describe('relative time', () => {
  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [-5_000, 'just now'],
    [60_000, '1 min. ago'],
    [59 * 60_000, '59 min. ago'],
    [2 * 3_600_000, '2 hr. ago'],
    [24 * 3_600_000, 'yesterday'],
    [3 * 24 * 3_600_000, '3 days ago'],
  ])('%i ms ago reads "%s" in English', (elapsed, text) => {
    expect(relativeTime(ago(elapsed), now, createTranslator('en'))).toBe(text)
  })

  it('uses the forms of each language', () => {
    expect(relativeTime(ago(5 * 60_000), now, createTranslator('ru'))).toBe('5 мин. назад')
    expect(relativeTime(ago(5 * 60_000), now, createTranslator('de'))).toBe('vor 5 Min.')
    expect(relativeTime(ago(0), now, createTranslator('de'))).toBe('gerade eben')
  })
})

describe('clock time', () => {
  it('shows only the time for today and adds the weekday otherwise', () => {
    const later = new Date(now.getTime() + 60_000)
    const tomorrow = new Date(now.getTime() + 24 * 3_600_000)
    expect(clockTime(later, now, 'en')).toBe(
      new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' }).format(later),
    )
    expect(clockTime(tomorrow, now, 'en')).toBe(
      new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(tomorrow),
    )
  })
})
