// Types that every side (main, CLI, preload, renderer) agrees on. No runtime code beyond zod-free constants.

// The model (src/shared/model) states kinds, roles, groups and settings once; these re-exports are types and
// zod-free values only, so that the window can import this file without loading zod.
export type {
  AppSettings,
  AuthKind,
  ChangeKind,
  FieldChangeKind,
  Group,
  GroupDetails,
  Language,
  LanguageSetting,
  MembershipChange,
  NotificationKindSettings,
  NotificationSettings,
  Role,
  Theme,
} from './model'
export {
  CHANGE_KINDS,
  CHANGE_KIND_TABLE,
  DETAILS_REFRESH_SECONDS,
  ERROR_KIND_TABLE,
  GROUP_PAGE_TABLE,
  GROUP_PAGES,
  GROUP_SORTS,
  GROUP_TYPES,
  isUserFixable,
  LANGUAGES,
  ROLE_BY_CODE,
  roleOf,
  ROLES,
  SETTING_BOUNDS,
} from './model/values'
import type { AppSettings, AuthKind, Group, GroupDetails, MembershipChange } from './model'
/** What went wrong, in the client's error taxonomy (model/values.ts says who can fix each). */
export type { ErrorKind, GroupPage, GroupSort, GroupType } from './model/values'
import type { ErrorKind } from './model/values'

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
  /**
   * Why the account's group details could not be fetched (most often the missing `socialnetwork` scope), or null.
   * It never makes the account's state an error: groups, changes and notifications go on without details.
   */
  detailsError: ErrorView | null
}

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

/** Everything the window shows, pushed by main. */
export interface AppState {
  accounts: AccountView[]
  statuses: SyncStatus[]
  /** Groups per account id, as last synced. */
  groups: Record<string, Group[]>
  /** Details per account id, then per group id; a group without an entry has no details (yet, or unavailable). */
  groupDetails: Record<string, Record<string, GroupDetails>>
  /** History, newest first. */
  changes: MembershipChange[]
  settings: AppSettings
  online: boolean
  platform: 'darwin' | 'win32' | 'linux' | 'other'
  /** A one-time notice for the user (e.g. settings were reset because the file was corrupt), as an i18n key. */
  notice: string | null
  /** Why the app cannot save its state (another writer holds the directory, or the disk refuses), or null. */
  stateProblem: StateProblemView | null
}

/**
 * The state directory's problem as the window and tray show it: `disk` only the user can fix; `lease_held` passes
 * when the other writer stops (the app then takes over); `lease_lost` means another writer took the directory over.
 */
export interface StateProblemView {
  kind: 'disk' | 'lease_held' | 'lease_lost'
  dir: string
  /** The other writer in words, when known. */
  holder: string | null
  /** The whole sentence in the user's language: which directory, what to do. */
  message: string
}
