// The shape of the settings file (accounts without secrets, and AppSettings), and the repair of what is read from
// disk: every field is checked on its own, a bad value is clamped or replaced by its default, good fields are kept.
import { z } from 'zod'
import type { AppSettings, AuthKind, ChangeKind } from '@shared/types'
import { CHANGE_KINDS, DEFAULT_SETTINGS, POLL_INTERVAL_MAX_SECONDS, POLL_INTERVAL_MIN_SECONDS } from '@shared/types'

/** The upper bound of `trayMenuGroupCount`, the same as the IPC schema's. */
export const TRAY_MENU_GROUP_COUNT_MAX = 50

/** An account as the settings file keeps it: everything but the secret. */
export interface AccountRecord {
  /** `HOST/USER_ID` from when the account was added; it stays the same when the portal moves. */
  id: string
  /** Portal origin, e.g. `https://acme.bitrix24.com`. */
  portal: string
  userId: string
  authKind: AuthKind
  userName: string | null
  userPhotoUrl: string | null
  label: string
  /** Null means the client's default group page. */
  groupUrlTemplate: string | null
  enabled: boolean
  createdAt: string
  /** A self-hosted portal the user explicitly allowed over plain HTTP. */
  allowHttp: boolean
  /** The non-secret half of OAuth credentials; null for webhooks. */
  oauth: { clientId: string; tokenServerUrl: string } | null
}

export type SettingsFile = {
  accounts: AccountRecord[]
  settings: AppSettings
}

/** The JSON schema `conf`/`electron-store` check on every write. Only the top level: field values are repaired. */
export const settingsJsonSchema = {
  accounts: { type: 'array' },
  settings: { type: 'object' },
} as const

export function defaultSettingsFile(): SettingsFile {
  return { accounts: [], settings: structuredClone(DEFAULT_SETTINGS) }
}

export interface Repaired<T> {
  value: T
  /** Dotted paths of the fields that were clamped, replaced by their default or dropped. */
  repairs: string[]
}

const isoTime = z.iso.datetime({ offset: true })
const webUrl = z.url({ protocol: /^https?$/ }).max(2000)
const httpOrigin = z
  .string()
  .max(500)
  .refine((text) => {
    try {
      const url = new URL(text)
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text
    } catch {
      return false
    }
  })

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function clampInteger(value: unknown, min: number, max: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null
  return Math.min(max, Math.max(min, Math.round(value)))
}

function repairAppSettings(raw: unknown, repairs: string[]): AppSettings {
  const defaults = DEFAULT_SETTINGS
  const input = isRecord(raw) ? raw : {}
  if (raw !== undefined && !isRecord(raw)) repairs.push('settings')

  function field<T>(name: string, schema: z.ZodType<T>, value: unknown, fallback: T): T {
    const parsed = schema.safeParse(value)
    if (parsed.success) return parsed.data
    if (value !== undefined) repairs.push(`settings.${name}`)
    return structuredClone(fallback)
  }

  function clamped(name: string, value: unknown, min: number, max: number, fallback: number): number {
    const result = clampInteger(value, min, max)
    if (result !== value && value !== undefined) repairs.push(`settings.${name}`)
    return result ?? fallback
  }

  const rawNotifications = isRecord(input.notifications) ? input.notifications : {}
  if (input.notifications !== undefined && !isRecord(input.notifications)) repairs.push('settings.notifications')
  const rawKinds = isRecord(rawNotifications.kinds) ? rawNotifications.kinds : {}
  const kinds = Object.fromEntries(
    CHANGE_KINDS.map((kind) => [
      kind,
      field(`notifications.kinds.${kind}`, z.boolean(), rawKinds[kind], defaults.notifications.kinds[kind]),
    ]),
  ) as Record<ChangeKind, boolean>

  return {
    pollIntervalSeconds: clamped(
      'pollIntervalSeconds',
      input.pollIntervalSeconds,
      POLL_INTERVAL_MIN_SECONDS,
      POLL_INTERVAL_MAX_SECONDS,
      defaults.pollIntervalSeconds,
    ),
    notifications: {
      kinds,
      mutedUntil: field('notifications.mutedUntil', isoTime.nullable(), rawNotifications.mutedUntil, null),
    },
    theme: field('theme', z.enum(['system', 'light', 'dark']), input.theme, defaults.theme),
    language: field('language', z.enum(['system', 'en', 'ru', 'de']), input.language, defaults.language),
    launchAtLogin: field('launchAtLogin', z.boolean(), input.launchAtLogin, defaults.launchAtLogin),
    globalShortcut: field(
      'globalShortcut',
      z.string().min(1).max(100).nullable(),
      input.globalShortcut,
      defaults.globalShortcut,
    ),
    trayMenuGroupCount: clamped(
      'trayMenuGroupCount',
      input.trayMenuGroupCount,
      0,
      TRAY_MENU_GROUP_COUNT_MAX,
      defaults.trayMenuGroupCount,
    ),
    pinnedGroups: repairPinnedGroups(input.pinnedGroups, repairs),
  }
}

function repairPinnedGroups(raw: unknown, repairs: string[]): Record<string, string[]> {
  if (raw === undefined) return {}
  if (!isRecord(raw)) {
    repairs.push('settings.pinnedGroups')
    return {}
  }
  const groupId = z.string().min(1).max(64)
  const pinned: Record<string, string[]> = {}
  for (const [accountId, ids] of Object.entries(raw)) {
    if (!Array.isArray(ids) || accountId.length === 0 || accountId.length > 300) {
      repairs.push(`settings.pinnedGroups.${accountId}`)
      continue
    }
    const good = [...new Set(ids.filter((id): id is string => groupId.safeParse(id).success))]
    if (good.length !== ids.length) repairs.push(`settings.pinnedGroups.${accountId}`)
    if (good.length > 0) pinned[accountId] = good
  }
  return pinned
}

const identitySchema = z.object({
  id: z.string().min(3).max(300),
  portal: httpOrigin,
  userId: z.string().min(1).max(32),
  authKind: z.enum(['webhook', 'oauth']),
})
const oauthInfoSchema = z.object({ clientId: z.string().min(1).max(500), tokenServerUrl: webUrl })

/** One account record, or null when it lacks what identifies it (id, portal, user, auth kind, OAuth client). */
function repairAccount(raw: unknown, index: number, now: () => Date, repairs: string[]): AccountRecord | null {
  const where = `accounts.${index}`
  const identity = identitySchema.safeParse(raw)
  if (!isRecord(raw) || !identity.success) {
    repairs.push(where)
    return null
  }
  let oauth: AccountRecord['oauth'] = null
  if (identity.data.authKind === 'oauth') {
    const parsed = oauthInfoSchema.safeParse(raw.oauth)
    if (!parsed.success) {
      repairs.push(where)
      return null
    }
    oauth = { clientId: parsed.data.clientId, tokenServerUrl: parsed.data.tokenServerUrl }
  }

  function field<T>(name: string, schema: z.ZodType<T>, fallback: T): T {
    const value = (raw as Record<string, unknown>)[name]
    const parsed = schema.safeParse(value)
    if (parsed.success) return parsed.data
    if (value !== undefined) repairs.push(`${where}.${name}`)
    return fallback
  }

  const host = new URL(identity.data.portal).host
  return {
    ...identity.data,
    userName: field('userName', z.string().max(300).nullable(), null),
    userPhotoUrl: field('userPhotoUrl', webUrl.nullable(), null),
    label: field('label', z.string().min(1).max(100), host),
    groupUrlTemplate: field('groupUrlTemplate', z.string().min(1).max(500).nullable(), null),
    enabled: field('enabled', z.boolean(), true),
    createdAt: field('createdAt', isoTime, now().toISOString()),
    allowHttp: field('allowHttp', z.boolean(), false),
    oauth,
  }
}

/** Repairs a whole settings file as read from disk; never throws. */
export function repairSettingsFile(raw: unknown, now: () => Date = () => new Date()): Repaired<SettingsFile> {
  const repairs: string[] = []
  const input = isRecord(raw) ? raw : {}
  const rawAccounts = Array.isArray(input.accounts) ? input.accounts : []
  if (input.accounts !== undefined && !Array.isArray(input.accounts)) repairs.push('accounts')

  const accounts: AccountRecord[] = []
  rawAccounts.forEach((item, index) => {
    const account = repairAccount(item, index, now, repairs)
    if (!account) return
    if (accounts.some((known) => known.id === account.id)) repairs.push(`accounts.${index}`)
    else accounts.push(account)
  })
  return { value: { accounts, settings: repairAppSettings(input.settings, repairs) }, repairs }
}
