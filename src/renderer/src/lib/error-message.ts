// An error's message in the window's current language: main sends the key and its own rendering, and the window
// may have switched language since.
import { isUserFixable, type ErrorView } from '@shared/types'
import type { Translate, UiKey } from './i18n'

export function errorMessage(error: ErrorView, t: Translate): string {
  const key = error.messageKey.includes(':') ? error.messageKey : `errors:${error.messageKey}`
  // The key came from main as data: one the window has no message for falls back to main's own rendering.
  return t(key as UiKey, { defaultValue: error.message || t('app.unexpected') })
}

/**
 * The one calm line an account's settings card shows when group details cannot be had: for the missing
 * socialnetwork scope, which scope to tick, in one short sentence (main's whole explanation, messageKey
 * `detailsScope`, is five lines in a tray-sized card, so it is the line's tooltip); the reason for any other problem
 * only the user can fix; nothing for one that passes by itself (the next refresh tries again). The groups, the diff
 * and the notifications never depend on it.
 */
export function detailsProblem(
  error: ErrorView | null | undefined,
  t: Translate,
): { line: string; explanation: string } | null {
  if (!error) return null
  if (error.kind === 'scope') return { line: t('settings.accounts.detailsScope'), explanation: errorMessage(error, t) }
  if (!isUserFixable(error.kind)) return null
  const line = t('settings.accounts.detailsUnavailable', { message: errorMessage(error, t) })
  return { line, explanation: line }
}
