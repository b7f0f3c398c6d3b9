// One i18next setup for every side: main (notifications, tray menu, error messages), the CLI and the renderer.
import i18next, { type TFunction } from 'i18next'
import type { Language } from '../types'
import { LANGUAGES } from '../types'
import { accounts } from './accounts'
import { cli } from './cli'
import { errors } from './errors'
import { notifications } from './notifications'
import { state } from './state'
import { sync } from './sync'
import { tray } from './tray'
import { ui } from './ui'

export const NAMESPACES = { accounts, cli, errors, notifications, state, sync, tray, ui } as const
export type Namespace = keyof typeof NAMESPACES

function resourcesFor(language: Language) {
  return Object.fromEntries(Object.entries(NAMESPACES).map(([name, messages]) => [name, messages[language]]))
}

export interface Translator {
  language: Language
  t: TFunction
}

/** A synchronous, independent translator for one language (English is the fallback for a missing key). */
export function createTranslator(language: Language): Translator {
  const instance = i18next.createInstance()
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    ns: Object.keys(NAMESPACES),
    defaultNS: 'ui',
    resources: Object.fromEntries(LANGUAGES.map((lang) => [lang, resourcesFor(lang)])),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return { language, t: instance.t.bind(instance) as TFunction }
}

/** Picks a supported language from a locale list such as navigator.languages or LANG (`ru_RU.UTF-8`). */
export function resolveLanguage(preferred: readonly (string | undefined | null)[]): Language {
  for (const locale of preferred) {
    const base = locale?.toLowerCase().split(/[-_.]/)[0]
    if (base && (LANGUAGES as readonly string[]).includes(base)) return base as Language
  }
  return 'en'
}
