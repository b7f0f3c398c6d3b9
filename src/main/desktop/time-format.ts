// Human times for the tray (tooltip, "paused until"), through Intl so each language gets its own forms.
import type { Translator } from '@shared/i18n'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "just now", "2 min. ago", "3 hr. ago", "yesterday", "5 days ago". A time in the future reads as "just now". */
export function relativeTime(then: Date, now: Date, translator: Translator): string {
  const elapsed = now.getTime() - then.getTime()
  if (elapsed < MINUTE) return translator.t('tray:tooltip.justNow')
  const format = new Intl.RelativeTimeFormat(translator.language, { numeric: 'auto', style: 'short' })
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute')
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour')
  return format.format(-Math.floor(elapsed / DAY), 'day')
}

/** "14:00" when `time` is today, otherwise with the day: "Tue 08:00". */
export function clockTime(time: Date, now: Date, language: string): string {
  const sameDay = time.toDateString() === now.toDateString()
  return new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    ...(sameDay ? {} : { weekday: 'short' }),
  }).format(time)
}
