// "2 minutes ago", "in 5 minutes", "yesterday" in the user's language, through Intl (no hand-made plurals).

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const formatters = new Map<string, Intl.RelativeTimeFormat>()

export type RelativeStyle = 'long' | 'short'

export function formatterFor(language: string, style: RelativeStyle = 'long'): Intl.RelativeTimeFormat {
  const key = `${language} ${style}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style })
    formatters.set(key, formatter)
  }
  return formatter
}

/** How long ago (or how far ahead) `then` is from `now`, rounded to the largest sensible unit; `short` abbreviates
 *  the unit ("2 hr. ago") where a row has little room. */
export function formatRelativeTime(
  then: Date | string,
  now: Date,
  language: string,
  style: RelativeStyle = 'long',
): string {
  const thenMs = typeof then === 'string' ? Date.parse(then) : then.getTime()
  const diff = thenMs - now.getTime()
  const size = Math.abs(diff)
  const formatter = formatterFor(language, style)
  if (size < 45 * SECOND) return formatter.format(0, 'second')
  if (size < 45 * MINUTE) return formatter.format(Math.round(diff / MINUTE) || Math.sign(diff), 'minute')
  if (size < 22 * HOUR) return formatter.format(Math.round(diff / HOUR) || Math.sign(diff), 'hour')
  if (size < 26 * DAY) return formatter.format(Math.round(diff / DAY), 'day')
  if (size < 320 * DAY) return formatter.format(Math.round(diff / (30 * DAY)), 'month')
  return formatter.format(Math.round(diff / (365 * DAY)), 'year')
}
