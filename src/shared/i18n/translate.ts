// The message lookup every side uses: `namespace:dotted.path`, plural forms by `count` (i18next's JSON v4 suffixes,
// `_zero` for 0, then the language's Intl.PluralRules category, then `_other`, then the bare key), `{{name}}` and
// `{{name, number}}` placeholders, `context` (`key_context` first, as i18next), English as the fallback,
// `defaultValue` or the key's path when no language has it.
// It replaces i18next, whose runtime was the largest share of the window's bundle (docs/decisions.md); the
// dictionaries keep i18next's format, and translate.test.ts checks the two agree on every message of every language.
import type { MessageOptions } from './keys'

/** A language's messages by namespace: nested objects whose leaves are strings. */
export type Resources = Readonly<Record<string, unknown>>

export interface TranslateSetup {
  language: string
  fallback: string
  defaultNamespace: string
  resources: Readonly<Record<string, Resources>>
}

const PLACEHOLDER = /\{\{\s*([^{},\s]+)\s*(?:,\s*([^{}\s]+)\s*)?\}\}/g

function leafAt(resources: Resources | undefined, namespace: string, path: string): Record<string, unknown> | null {
  let node: unknown = resources?.[namespace]
  const parts = path.split('.')
  parts.pop()
  for (const part of parts) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return null
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : null
}

function stringAt(leaf: Record<string, unknown>, name: string): string | undefined {
  const value = Object.hasOwn(leaf, name) ? leaf[name] : undefined
  return typeof value === 'string' ? value : undefined
}

/** A synchronous lookup over fixed dictionaries; plural rules and number formats are made once per language. */
export function createTranslate(setup: TranslateSetup): (key: string, options?: MessageOptions) => string {
  const plurals = new Map<string, Intl.PluralRules>()
  const pluralRules = (language: string) => {
    let rules = plurals.get(language)
    if (!rules) plurals.set(language, (rules = new Intl.PluralRules(language)))
    return rules
  }
  // Made on first use: building a NumberFormat loads the locale's ICU data, 15 ms of a command line's start that
  // formats no number.
  let numbers: Intl.NumberFormat | null = null
  const languages = setup.language === setup.fallback ? [setup.language] : [setup.language, setup.fallback]

  function find(namespace: string, path: string, count: unknown, context: unknown): string | undefined {
    const last = path.slice(path.lastIndexOf('.') + 1)
    // A message for the context (`disk.EROFS_app`) wins over the plain one, in each language.
    const names = typeof context === 'string' && context !== '' ? [`${last}_${context}`, last] : [last]
    for (const language of languages) {
      const leaf = leafAt(setup.resources[language], namespace, path)
      if (!leaf) continue
      for (const name of names) {
        if (typeof count === 'number') {
          const form = pluralRules(language).select(count)
          for (const suffix of count === 0 ? ['zero', form, 'other'] : [form, 'other']) {
            const message = stringAt(leaf, `${name}_${suffix}`)
            if (message !== undefined) return message
          }
        }
        const message = stringAt(leaf, name)
        if (message !== undefined) return message
      }
    }
    return undefined
  }

  function fill(message: string, options: MessageOptions): string {
    return message.replace(PLACEHOLDER, (whole, name: string, format: string | undefined) => {
      if (!Object.hasOwn(options, name) || options[name] === undefined) return whole
      const value = options[name]
      if (format === 'number' && typeof value === 'number')
        return (numbers ??= new Intl.NumberFormat(setup.language)).format(value)
      return String(value)
    })
  }

  return (key, options = {}) => {
    const colon = key.indexOf(':')
    const namespace = colon > 0 ? key.slice(0, colon) : setup.defaultNamespace
    const path = colon > 0 ? key.slice(colon + 1) : key
    const message =
      find(namespace, path, options.count, options.context) ??
      (typeof options.defaultValue === 'string' ? options.defaultValue : undefined) ??
      path
    return fill(message, options)
  }
}
