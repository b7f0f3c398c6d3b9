// Whether notifications are paused now, and until when in the user's words: one answer for the header's indicator
// and the notification settings.

/** The end of the pause, or null when there is none or it has passed (main clears it only on its next write). */
export function pausedUntil(mutedUntil: string | null | undefined, now: Date): Date | null {
  if (!mutedUntil) return null
  const until = Date.parse(mutedUntil)
  return Number.isFinite(until) && until > now.getTime() ? new Date(until) : null
}

/** The time a pause ends: the clock time today, with the weekday when it ends on another day. */
export function pausedTimeLabel(until: Date, now: Date, language: string): string {
  const sameDay = until.toDateString() === now.toDateString()
  return new Intl.DateTimeFormat(language, {
    ...(sameDay ? {} : { weekday: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(until)
}
