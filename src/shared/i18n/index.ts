// One message lookup for every side: main (notifications, tray menu, error messages), the CLI and the renderer.
import type { Language } from '../model/values'
import { LANGUAGES } from '../model/values'
import { accounts } from './accounts'
import { cli } from './cli'
import { errors } from './errors'
import type { MessageKey, TranslateKey } from './keys'
import { notifications } from './notifications'
import { roles } from './roles'
import { state } from './state'
import { sync } from './sync'
import { createTranslate } from './translate'
import { tray } from './tray'
import { ui } from './ui'

export const NAMESPACES = { accounts, cli, errors, notifications, roles, state, sync, tray, ui } as const
export type Namespace = keyof typeof NAMESPACES

function resourcesFor(language: Language) {
  return Object.fromEntries(Object.entries(NAMESPACES).map(([name, messages]) => [name, messages[language]]))
}

export type { Dictionaries, KeysOf, MessageKey, MessageOptions, TranslateKey } from './keys'

/** A lookup of any message; the key is checked by the compiler (see keys.ts). */
export type Translate = TranslateKey<MessageKey>

export interface Translator {
  language: Language
  t: Translate
}

/** Whether a key that came as data (an error's message key) names an English message, plural forms included. */
export function isMessageKey(key: string): key is MessageKey {
  const [namespace, path] = key.split(':', 2) as [string, string | undefined]
  if (path === undefined || !Object.hasOwn(NAMESPACES, namespace)) return false
  let node: unknown = NAMESPACES[namespace as keyof typeof NAMESPACES].en
  const parts = path.split('.')
  const last = parts.pop() ?? ''
  for (const part of parts) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false
    node = (node as Record<string, unknown>)[part]
  }
  if (typeof node !== 'object' || node === null) return false
  const leaf = node as Record<string, unknown>
  return [last, `${last}_one`, `${last}_other`].some(
    (name) => Object.hasOwn(leaf, name) && typeof leaf[name] === 'string',
  )
}

/** A synchronous, independent translator for one language (English is the fallback for a missing key). */
export function createTranslator(language: Language): Translator {
  const translate = createTranslate({
    language,
    fallback: 'en',
    defaultNamespace: 'ui',
    resources: Object.fromEntries(LANGUAGES.map((lang) => [lang, resourcesFor(lang)])),
  })
  return { language, t: (key, options) => translate(key, options) }
}

/** Picks a supported language from a locale list such as navigator.languages or LANG (`ru_RU.UTF-8`). */
export function resolveLanguage(preferred: readonly (string | undefined | null)[]): Language {
  for (const locale of preferred) {
    const base = locale?.toLowerCase().split(/[-_.]/)[0]
    if (base && (LANGUAGES as readonly string[]).includes(base)) return base as Language
  }
  return 'en'
}
