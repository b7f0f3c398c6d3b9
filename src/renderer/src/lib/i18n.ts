// The window's language: the setting, or the system's when the setting is "system", through the shared i18next setup.
import { createTranslator, resolveLanguage } from '@shared/i18n/index'
import type { Language, LanguageSetting } from '@shared/types'

/** A message lookup; `count` picks the plural form, other options fill `{{placeholders}}`. */
export type Translate = (key: string, options?: Record<string, unknown>) => string

export function resolveUiLanguage(setting: LanguageSetting, systemLanguages: readonly string[]): Language {
  return setting === 'system' ? resolveLanguage(systemLanguages) : setting
}

/** A lookup in the `ui` namespace by default (`errors:...` and other namespaces by prefix). */
export function createUiTranslate(language: Language): Translate {
  const { t } = createTranslator(language)
  return (key, options) => String(t(key, { ns: 'ui', ...options }))
}
