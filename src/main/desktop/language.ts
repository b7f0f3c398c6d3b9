// The language the shell speaks: the user's choice, or the system's when set to "system".
import { resolveLanguage } from '@shared/i18n'
import type { Language, LanguageSetting } from '@shared/types'

export function effectiveLanguage(setting: LanguageSetting, systemLocales: readonly string[]): Language {
  return setting === 'system' ? resolveLanguage(systemLocales) : setting
}
