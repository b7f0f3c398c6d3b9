// The shape of the settings file (accounts without secrets, and AppSettings), and the repair of what is read from
// disk: every field is checked on its own, a bad value is clamped or replaced by its default, good fields are kept.
import { z } from 'zod'
import { appSettingsSchema, AUTH_KINDS, DEFAULT_SETTINGS, groupIdSchema } from '@shared/model'
import type { AppSettings, AuthKind } from '@shared/types'
import { isPlainObject } from '@shared/plain-object'

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

function clampInteger(value: unknown, min: number, max: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null
  return Math.min(max, Math.max(min, Math.round(value)))
}

/** Fields whose repair is more than "keep, clamp or default": the pins keep every good id of a list. */
const CUSTOM_REPAIRS: Record<string, (raw: unknown, repairs: string[]) => unknown> = {
  pinnedGroups: (raw, repairs) => repairPinnedGroups(raw, repairs),
}

/**
 * One object of the settings schema, field by field as the schema lists them: a nested object is repaired the same
 * way, a number out of its bounds is clamped to them, any other bad value is replaced by the field's default. A field
 * that is absent takes its default without counting as a repair.
 */
function repairObject(schema: z.ZodObject, raw: unknown, where: string, repairs: string[]): Record<string, unknown> {
  if (raw !== undefined && !isPlainObject(raw)) repairs.push(where)
  const input = isPlainObject(raw) ? raw : {}
  const repaired: Record<string, unknown> = {}
  for (const [name, fieldSchema] of Object.entries(schema.shape)) {
    const path = `${where}.${name}`
    const value = input[name]
    const custom = CUSTOM_REPAIRS[path.replace(/^settings\./, '')]
    const bare =
      fieldSchema instanceof z.ZodDefault || fieldSchema instanceof z.ZodPrefault ? fieldSchema.unwrap() : fieldSchema
    if (custom) {
      repaired[name] = custom(value, repairs)
    } else if (bare instanceof z.ZodObject) {
      repaired[name] = repairObject(bare, value, path, repairs)
    } else if (bare instanceof z.ZodNumber && bare.minValue !== null && bare.maxValue !== null) {
      const result = clampInteger(value, bare.minValue, bare.maxValue)
      if (result !== value && value !== undefined) repairs.push(path)
      repaired[name] = result ?? fieldSchema.parse(undefined)
    } else {
      const parsed = bare.safeParse(value)
      if (!parsed.success && value !== undefined) repairs.push(path)
      repaired[name] = parsed.success ? parsed.data : fieldSchema.parse(undefined)
    }
  }
  return repaired
}

/** AppSettings as read from disk, repaired by the model's one settings schema. */
function repairAppSettings(raw: unknown, repairs: string[]): AppSettings {
  // Every field was checked against its own schema, so the whole passes too; parse gives it its type.
  return appSettingsSchema.parse(repairObject(appSettingsSchema, raw, 'settings', repairs))
}

function repairPinnedGroups(raw: unknown, repairs: string[]): Record<string, string[]> {
  if (raw === undefined) return {}
  if (!isPlainObject(raw)) {
    repairs.push('settings.pinnedGroups')
    return {}
  }
  const groupId = groupIdSchema
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
  authKind: z.enum(AUTH_KINDS),
})
const oauthInfoSchema = z.object({ clientId: z.string().min(1).max(500), tokenServerUrl: webUrl })

// Built once: building zod schemas on every read of the settings file cost ~2 ms of each start.
const accountFieldSchemas = {
  userName: z.string().max(300).nullable(),
  userPhotoUrl: webUrl.nullable(),
  label: z.string().min(1).max(100),
  groupUrlTemplate: z.string().min(1).max(500).nullable(),
  flag: z.boolean(),
}

/** One account record, or null when it lacks what identifies it (id, portal, user, auth kind, OAuth client). */
function repairAccount(raw: unknown, index: number, now: () => Date, repairs: string[]): AccountRecord | null {
  const where = `accounts.${index}`
  const identity = identitySchema.safeParse(raw)
  if (!isPlainObject(raw) || !identity.success) {
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
    userName: field('userName', accountFieldSchemas.userName, null),
    userPhotoUrl: field('userPhotoUrl', accountFieldSchemas.userPhotoUrl, null),
    label: field('label', accountFieldSchemas.label, host),
    groupUrlTemplate: field('groupUrlTemplate', accountFieldSchemas.groupUrlTemplate, null),
    enabled: field('enabled', accountFieldSchemas.flag, true),
    createdAt: field('createdAt', isoTime, now().toISOString()),
    allowHttp: field('allowHttp', accountFieldSchemas.flag, false),
    oauth,
  }
}

/** Repairs a whole settings file as read from disk; never throws. */
export function repairSettingsFile(raw: unknown, now: () => Date = () => new Date()): Repaired<SettingsFile> {
  const repairs: string[] = []
  const input = isPlainObject(raw) ? raw : {}
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
