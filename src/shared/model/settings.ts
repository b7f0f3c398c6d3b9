// The user's preferences: one schema with every field's check, bound and default. DEFAULT_SETTINGS, the IPC patch
// schema and the repair of what is read from disk (src/core/accounts/settings-schema.ts) are derived from it.
import { z } from 'zod'
import {
  CHANGE_KIND_TABLE,
  CHANGE_KINDS,
  type ChangeKind,
  GROUP_SORTS,
  LANGUAGE_SETTINGS,
  SETTING_BOUNDS,
  THEMES,
} from './values'

const isoTime = z.iso.datetime({ offset: true })
export const accountIdSchema = z.string().min(1).max(300)
export const groupIdSchema = z.string().min(1).max(64)

const bounded = (bounds: { min: number; max: number }) => z.number().int().min(bounds.min).max(bounds.max)

const notificationKindsShape = Object.fromEntries(
  CHANGE_KINDS.map((kind) => [kind, z.boolean().default(CHANGE_KIND_TABLE[kind].notifyByDefault)]),
) as { [K in ChangeKind]: z.ZodDefault<z.ZodBoolean> }

export const notificationSettingsSchema = z.object({
  kinds: z.object(notificationKindsShape).prefault({}),
  /** ISO time until which notifications are paused, or null. */
  mutedUntil: isoTime.nullable().default(null),
})

export const appSettingsSchema = z.object({
  pollIntervalSeconds: bounded(SETTING_BOUNDS.pollIntervalSeconds).default(60),
  notifications: notificationSettingsSchema.prefault({}),
  theme: z.enum(THEMES).default('system'),
  language: z.enum(LANGUAGE_SETTINGS).default('system'),
  launchAtLogin: z.boolean().default(false),
  /** Electron accelerator, or null for none. */
  globalShortcut: z.string().min(1).max(100).nullable().default('CommandOrControl+Alt+G'),
  trayMenuGroupCount: bounded(SETTING_BOUNDS.trayMenuGroupCount).default(15),
  /** Archived groups stay in the list (last in their section); off hides them. */
  showArchived: z.boolean().default(true),
  /** The group list's order, as last chosen in the window. */
  groupSort: z.enum(GROUP_SORTS).default('name'),
  /** Pinned group ids per account id. */
  pinnedGroups: z.record(accountIdSchema, z.array(groupIdSchema)).default(() => ({})),
})

/** User preferences (no accounts, no secrets). */
export type AppSettings = z.output<typeof appSettingsSchema>
export type NotificationSettings = AppSettings['notifications']
export type NotificationKindSettings = NotificationSettings['kinds']

/** Every default, as the schema gives them for an empty object. */
export const DEFAULT_SETTINGS: AppSettings = appSettingsSchema.parse({})

type WithoutDefault<S> = S extends z.ZodDefault<infer T> ? T : S extends z.ZodPrefault<infer T> ? T : S
type WithoutDefaults<S extends z.ZodRawShape> = { [K in keyof S]: WithoutDefault<S[K]> }

/** The fields' own checks, without the default that would fill in a field a patch leaves out. */
function withoutDefaults<S extends z.ZodRawShape>(shape: S): WithoutDefaults<S> {
  return Object.fromEntries(
    Object.entries(shape).map(([name, schema]) => [
      name,
      schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault ? schema.unwrap() : schema,
    ]),
  ) as WithoutDefaults<S>
}

const { pinnedGroups: _pinnedThroughTheirOwnChannel, notifications: _merged, ...plainFields } = appSettingsSchema.shape

/**
 * A change the window asks for: any field but the pins (they have a channel of their own), each checked as the
 * schema checks it; a notifications change names only the kinds and the mute time it changes.
 */
export const settingsPatchSchema = z
  .object({
    ...withoutDefaults(plainFields),
    notifications: z
      .object({
        kinds: z.object(withoutDefaults(notificationKindsShape)).partial().strict(),
        mutedUntil: notificationSettingsSchema.shape.mutedUntil.unwrap(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict()
export type SettingsPatch = z.input<typeof settingsPatchSchema>
