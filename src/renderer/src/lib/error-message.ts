// An error's message in the window's current language: main sends the key and its own rendering, and the window
// may have switched language since.
import type { ErrorView } from '@shared/types'
import type { Translate, UiKey } from './i18n'

export function errorMessage(error: ErrorView, t: Translate): string {
  const key = error.messageKey.includes(':') ? error.messageKey : `errors:${error.messageKey}`
  // The key came from main as data: one the window has no message for falls back to main's own rendering.
  return t(key as UiKey, { defaultValue: error.message || t('app.unexpected') })
}
