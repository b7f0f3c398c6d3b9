// Choices and checks of the settings form.
import { SETTING_BOUNDS } from '@shared/types'

const PRESET_SECONDS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600]

export interface IntervalOption {
  seconds: number
  label: string
}

function durationLabel(seconds: number, language: string): string {
  const [value, unit] =
    seconds % 3600 === 0
      ? [seconds / 3600, 'hour']
      : seconds % 60 === 0
        ? [seconds / 60, 'minute']
        : [seconds, 'second']
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value)
}

/** The preset intervals, plus the current one when it was set elsewhere (the CLI, an older version). */
export function pollIntervalOptions(current: number, language: string): IntervalOption[] {
  const seconds = PRESET_SECONDS.includes(current) ? PRESET_SECONDS : [...PRESET_SECONDS, current].sort((a, b) => a - b)
  return seconds
    .filter(
      (value) => value >= SETTING_BOUNDS.pollIntervalSeconds.min && value <= SETTING_BOUNDS.pollIntervalSeconds.max,
    )
    .map((value) => ({ seconds: value, label: durationLabel(value, language) }))
}

/** The tray menu size as typed, or null when it is not a whole number from 0 to 50. */
export function parseTrayMenuSize(text: string): number | null {
  if (!/^\s*\d{1,2}\s*$/.test(text)) return null
  const value = Number(text)
  return value <= 50 ? value : null
}

/**
 * A group page template as main accepts it: contains `{id}`, and is a path on the portal (`/workgroups/group/{id}/`)
 * or an http(s) address.
 */
export function isValidUrlTemplate(text: string): boolean {
  const template = text.trim()
  if (!template.includes('{id}') || template.length > 500) return false
  if (!template.startsWith('/') && !/^https?:\/\//i.test(template)) return false
  try {
    const probe = new URL(template.replaceAll('{id}', '1'), 'https://portal.example/')
    return probe.protocol === 'https:' || probe.protocol === 'http:'
  } catch {
    return false
  }
}
