// Types that every side (main, CLI, preload, renderer) agrees on. No runtime code beyond constants.

/** The user's role in a group, normalised from Bitrix24's one-letter ROLE code. */
export type Role = 'owner' | 'moderator' | 'member' | 'banned' | 'requested' | 'unknown'

export const ROLE_BY_CODE: Readonly<Record<string, Role>> = {
  A: 'owner',
  E: 'moderator',
  K: 'member',
  T: 'banned',
  Z: 'requested',
}

export interface Group {
  /** GROUP_ID, always a string. */
  id: string
  name: string
  /** The raw ROLE letter as the portal sent it. */
  roleCode: string
  role: Role
  extranet: boolean
  /** Absolute avatar URL, or null when the group has none. */
  imageUrl: string | null
  /** The group page in the web UI. */
  url: string
}

export type ChangeKind = 'joined' | 'left' | 'role_changed' | 'renamed' | 'image_changed' | 'extranet_changed'

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'joined',
  'left',
  'role_changed',
  'renamed',
  'image_changed',
  'extranet_changed',
]

/** One detected membership change. `from`/`to` carry role codes, names, image URLs or extranet flags by kind. */
export interface MembershipChange {
  /** Unique id of this change (for "seen" marks). */
  id: string
  accountId: string
  kind: ChangeKind
  /** The group as it is now (for `left`: as it was last seen). */
  group: Group
  from: string | boolean | null
  to: string | boolean | null
  /** Found by the first sync after a restart: it happened while the app was not running. */
  whileAway: boolean
  /** ISO time of detection. */
  at: string
  seen: boolean
}

/** What went wrong, in the client's error taxonomy. */
export type ErrorKind =
  | 'auth'
  | 'permission'
  | 'scope'
  | 'plan'
  | 'rate_limit'
  | 'overload'
  | 'method_time'
  | 'server'
  | 'network'
  | 'protocol'
  | 'moved'
  | 'not_found'

/** A secret-free description of an error, safe for the renderer, logs and the command line. */
export interface ErrorView {
  code: string
  kind: ErrorKind
  /** i18n key of the plain user-facing message. */
  messageKey: string
  /** The message in the current language (or English). */
  message: string
  /** ISO time when a retry makes sense, if known. */
  retryAt: string | null
  /**
   * For PORTAL_MOVED: the origin the portal now answers from, which only the user can confirm (nothing was sent
   * there). An origin only, never a path or query.
   */
  movedTo?: string
}

export type SyncState = 'idle' | 'syncing' | 'ok' | 'error' | 'paused' | 'offline' | 'stopped'

export interface SyncStatus {
  accountId: string
  state: SyncState
  lastSyncAt: string | null
  nextSyncAt: string | null
  groupCount: number | null
  error: ErrorView | null
}

export type AuthKind = 'webhook' | 'oauth'

/** An account as the renderer may see it: no webhook code, no token, no client secret. */
export interface AccountView {
  /** `HOST/USER_ID`, port included when not default. */
  id: string
  /** Portal origin, e.g. `https://acme.bitrix24.com`. */
  portal: string
  host: string
  userId: string
  authKind: AuthKind
  userName: string | null
  userPhotoUrl: string | null
  label: string
  /** e.g. `https://acme.bitrix24.com/rest/1/••••/` */
  maskedCredential: string
  groupUrlTemplate: string
  enabled: boolean
  createdAt: string
  /** False for a session-only account whose secret lives in memory until quit. */
  persisted: boolean
}

export type Theme = 'system' | 'light' | 'dark'
export type LanguageSetting = 'system' | 'en' | 'ru' | 'de'
export type Language = 'en' | 'ru' | 'de'
export const LANGUAGES: readonly Language[] = ['en', 'ru', 'de']

export type NotificationKindSettings = Record<ChangeKind, boolean>

export interface NotificationSettings {
  kinds: NotificationKindSettings
  /** ISO time until which notifications are paused, or null. */
  mutedUntil: string | null
}

/** User preferences (no accounts, no secrets). */
export interface AppSettings {
  pollIntervalSeconds: number
  notifications: NotificationSettings
  theme: Theme
  language: LanguageSetting
  launchAtLogin: boolean
  /** Electron accelerator, or null for none. */
  globalShortcut: string | null
  trayMenuGroupCount: number
  /** Pinned group ids per account id. */
  pinnedGroups: Record<string, string[]>
}

export const POLL_INTERVAL_MIN_SECONDS = 15
export const POLL_INTERVAL_MAX_SECONDS = 3600

export const DEFAULT_SETTINGS: AppSettings = {
  pollIntervalSeconds: 60,
  notifications: {
    kinds: {
      joined: true,
      left: true,
      role_changed: true,
      renamed: true,
      image_changed: false,
      extranet_changed: true,
    },
    mutedUntil: null,
  },
  theme: 'system',
  language: 'system',
  launchAtLogin: false,
  globalShortcut: 'CommandOrControl+Alt+G',
  trayMenuGroupCount: 15,
  pinnedGroups: {},
}

/** Everything the window shows, pushed by main. */
export interface AppState {
  accounts: AccountView[]
  statuses: SyncStatus[]
  /** Groups per account id, as last synced. */
  groups: Record<string, Group[]>
  /** History, newest first. */
  changes: MembershipChange[]
  settings: AppSettings
  online: boolean
  platform: 'darwin' | 'win32' | 'linux' | 'other'
  /** A one-time notice for the user (e.g. settings were reset because the file was corrupt), as an i18n key. */
  notice: string | null
}
