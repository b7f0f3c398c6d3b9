// Versioned migrations of the settings file, run by `conf`/`electron-store` when a file's recorded version is older
// than SETTINGS_VERSION. A migration only reshapes; values are checked and repaired afterwards (settings-schema.ts).
import type { Options } from 'conf'
import { CHANGE_KINDS } from '@shared/model'
import { isPlainObject } from '@shared/plain-object'
import { accountIdOf } from './account-id'
import type { SettingsFile } from './settings-schema'

/** The settings layout version (a semver, as `conf` wants), independent of the app's version. */
export const SETTINGS_VERSION = '1.0.0'

/**
 * Version 0 is the layout before the file carried a version: flat preferences at the top level and accounts keyed by
 * portal and user, e.g.
 * `{"pollInterval":30,"notify":false,"theme":"dark","language":"de","autostart":true,"shortcut":"",
 *   "accounts":[{"portal":"https://acme.bitrix24.com","userId":1,"label":"Acme","enabled":true}]}`.
 * Secrets were already in the keychain under `HOST/USER_ID`, which is still the account id, so they need no move.
 */
export const LEGACY_V0_KEYS = ['pollInterval', 'notify', 'theme', 'language', 'autostart', 'shortcut'] as const

/** What a migration may do to the store; legacy keys are outside SettingsFile's typed keys. */
interface LooseStore {
  readonly store: Record<string, unknown>
  set(key: string, value: unknown): void
  delete(key: string): void
}

function migrateV0Account(item: unknown): unknown {
  // Items that are not version-0 accounts are left as they are: the repair step keeps or drops them on its own terms.
  if (!isPlainObject(item) || 'id' in item || typeof item.portal !== 'string') return item
  const userId = typeof item.userId === 'number' || typeof item.userId === 'string' ? String(item.userId) : null
  let portal: string
  try {
    portal = new URL(item.portal).origin
  } catch {
    return item
  }
  if (userId === null) return item
  return {
    id: accountIdOf(portal, userId),
    portal,
    userId,
    authKind: 'webhook',
    userName: null,
    userPhotoUrl: null,
    label: item.label,
    groupUrlTemplate: null,
    enabled: item.enabled,
    createdAt: item.createdAt,
    allowHttp: false,
    oauth: null,
  }
}

function migrateV0ToV1(store: LooseStore): void {
  const raw = store.store
  const settings: Record<string, unknown> = isPlainObject(raw.settings) ? { ...raw.settings } : {}
  if ('pollInterval' in raw) settings.pollIntervalSeconds = raw.pollInterval
  if (typeof raw.notify === 'boolean') {
    const on = raw.notify
    settings.notifications = { kinds: Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, on])), mutedUntil: null }
  }
  if ('theme' in raw) settings.theme = raw.theme
  if ('language' in raw) settings.language = raw.language
  if ('autostart' in raw) settings.launchAtLogin = raw.autostart
  // Version 0 wrote "" for "no shortcut".
  if ('shortcut' in raw) settings.globalShortcut = raw.shortcut === '' ? null : raw.shortcut

  store.set('settings', settings)
  if (Array.isArray(raw.accounts)) store.set('accounts', raw.accounts.map(migrateV0Account))
  for (const key of LEGACY_V0_KEYS) store.delete(key)
}

export const settingsMigrations: NonNullable<Options<SettingsFile>['migrations']> = {
  // conf passes its typed store; the legacy keys are not part of that type, hence the widening.
  '1.0.0': (store) => migrateV0ToV1(store as unknown as LooseStore),
}
