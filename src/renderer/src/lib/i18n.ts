// The window's language: the setting, or the system's when the setting is "system".
// The window loads only the namespaces whose messages it shows (its own `ui`; `errors`, `accounts` and `sync` for
// error messages and one-time notices; `roles`), through the same lookup as the shared `createTranslator`: the CLI,
// tray and notification texts would add about 4 KB gzipped to a bundle that must stay under 80 KB. A key from
// another namespace falls back to the text main rendered (see error-message.ts).
import { accounts } from '@shared/i18n/accounts'
import { errors } from '@shared/i18n/errors'
import { resolveLanguage } from '@shared/i18n/index'
import type { Dictionaries, KeysOf, TranslateKey } from '@shared/i18n/keys'
import { createTranslate } from '@shared/i18n/translate'
import { roles } from '@shared/i18n/roles'
import { sync } from '@shared/i18n/sync'
import { ui } from '@shared/i18n/ui'
import { LANGUAGES, type Language, type LanguageSetting } from '@shared/types'

/** The namespaces the window loads besides its own `ui`. */
type LoadedNamespace = 'errors' | 'accounts' | 'sync' | 'roles'

/** A key of the window's messages: `ui` without a prefix, the others with theirs; checked by the compiler. */
export type UiKey =
  KeysOf<Dictionaries['ui']> | { [N in LoadedNamespace]: `${N}:${KeysOf<Dictionaries[N]>}` }[LoadedNamespace]

/** A message lookup; `count` picks the plural form, other options fill `{{placeholders}}`. */
export type Translate = TranslateKey<UiKey>

export function resolveUiLanguage(setting: LanguageSetting, systemLanguages: readonly string[]): Language {
  return setting === 'system' ? resolveLanguage(systemLanguages) : setting
}

/** A lookup in the `ui` namespace by default (`errors:...`, `accounts:...` by prefix), English as the fallback. */
export function createUiTranslate(language: Language): Translate {
  const translate = createTranslate({
    language,
    fallback: 'en',
    defaultNamespace: 'ui',
    resources: Object.fromEntries(
      LANGUAGES.map((lang) => [
        lang,
        { ui: ui[lang], errors: errors[lang], accounts: accounts[lang], sync: sync[lang], roles: roles[lang] },
      ]),
    ),
  })
  return (key, options) => translate(key, options)
}
