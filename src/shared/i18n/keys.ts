// The message keys as types, read from the English dictionaries: a key that does not exist is a compile error,
// also one built from a kind or a role (`notifications:${kind}.title` must exist for every kind). Plural forms
// (`title_one`, `title_other`) are one key (`title`), as i18next looks them up with `count`.
import type { accounts } from './accounts'
import type { cli } from './cli'
import type { errors } from './errors'
import type { notifications } from './notifications'
import type { roles } from './roles'
import type { state } from './state'
import type { sync } from './sync'
import type { tray } from './tray'
import type { ui } from './ui'

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other'
type WithoutPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K

/** The dotted paths of every message (a string leaf) of a dictionary. */
export type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${WithoutPlural<K>}` : KeysOf<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export interface Dictionaries {
  accounts: (typeof accounts)['en']
  cli: (typeof cli)['en']
  errors: (typeof errors)['en']
  notifications: (typeof notifications)['en']
  roles: (typeof roles)['en']
  state: (typeof state)['en']
  sync: (typeof sync)['en']
  tray: (typeof tray)['en']
  ui: (typeof ui)['en']
}

/** `namespace:path` of every message. */
export type MessageKey = { [N in keyof Dictionaries]: `${N}:${KeysOf<Dictionaries[N]>}` }[keyof Dictionaries]

/** Placeholders (`{{name}}`), `count` for the plural form, `defaultValue` for a key that may have no message. */
export type MessageOptions = Record<string, unknown>

/** A message lookup whose key is checked by the compiler. */
export type TranslateKey<K extends string = MessageKey> = (key: K, options?: MessageOptions) => string
