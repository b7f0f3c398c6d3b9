// "Pause notifications" choices as a mute-until time.
import type { PauseChoice } from './tray-menu'

export const MORNING_HOUR = 8

/** 'hour': an hour from now; 'tomorrow': 08:00 local time of the next day; 'resume': no pause (null). */
export function pauseUntil(choice: PauseChoice, now: Date): string | null {
  if (choice === 'resume') return null
  if (choice === 'hour') return new Date(now.getTime() + 3_600_000).toISOString()
  const morning = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, MORNING_HOUR, 0, 0, 0)
  return morning.toISOString()
}
