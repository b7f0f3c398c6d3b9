// The model's literal values: the lists and bounds that the zod schemas beside this file are built from, kept free of
// zod so that the window (whose bundle cannot carry zod) and the preload read the very same values.
import type { Group } from './group'

/** The user's role in a group, normalised from Bitrix24's one-letter ROLE code. */
export const ROLES = ['owner', 'moderator', 'member', 'banned', 'requested', 'unknown'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_BY_CODE: Readonly<Record<string, Role>> = {
  A: 'owner',
  E: 'moderator',
  K: 'member',
  T: 'banned',
  Z: 'requested',
}

/**
 * Every kind of change, in the order they are reported, with where it is seen (`source`: the membership list, or the
 * group details of `socialnetwork.api.workgroup.list`), the one Group field whose change it is (null for joining and
 * leaving, and for the details kinds, which compare a GroupDetails field instead: `detailsField`) and whether it is
 * notified by default. The diff, the stored history, the IPC enum, the settings' notification switches and their
 * defaults all come from this table.
 */
export const CHANGE_KIND_TABLE = {
  joined: { source: 'membership', field: null, notifyByDefault: true },
  left: { source: 'membership', field: null, notifyByDefault: true },
  role_changed: { source: 'membership', field: 'roleCode', notifyByDefault: true },
  renamed: { source: 'membership', field: 'name', notifyByDefault: true },
  image_changed: { source: 'membership', field: 'imageUrl', notifyByDefault: false },
  extranet_changed: { source: 'membership', field: 'extranet', notifyByDefault: true },
  // Seen only when both the previous and the new details of the group are known: a details answer that is missing
  // (no scope, a failure) never reads as a group archived or restored.
  archived: { source: 'details', field: null, detailsField: 'archived', notifyByDefault: true },
  restored: { source: 'details', field: null, detailsField: 'archived', notifyByDefault: true },
} as const satisfies Record<
  string,
  | { source: 'membership'; field: keyof Group | null; notifyByDefault: boolean }
  | { source: 'details'; field: null; detailsField: 'archived'; notifyByDefault: boolean }
>

export type ChangeKind = keyof typeof CHANGE_KIND_TABLE
/** The kinds whose change is a change of one Group field. */
export type FieldChangeKind = {
  [K in ChangeKind]: (typeof CHANGE_KIND_TABLE)[K]['field'] extends null ? never : K
}[ChangeKind]

/** The kinds found in the group details rather than in the membership list. */
export type DetailsChangeKind = {
  [K in ChangeKind]: (typeof CHANGE_KIND_TABLE)[K]['source'] extends 'details' ? K : never
}[ChangeKind]
/** The kinds the membership diff reports. */
export type MembershipChangeKind = Exclude<ChangeKind, DetailsChangeKind>

/** The kinds in report order (an object's string keys keep their order). */
export const CHANGE_KINDS = Object.keys(CHANGE_KIND_TABLE) as [ChangeKind, ...ChangeKind[]]

/**
 * Every kind of error in the client's taxonomy, with who can fix it: `user` (credentials, permissions, plan, a moved
 * or wrong address: asking again repeats the same answer, so polling halts and the window and tray ask the user to
 * act) or `retry` (it passes by itself: the window shows one quiet line with the next try).
 */
export const ERROR_KIND_TABLE = {
  auth: 'user',
  permission: 'user',
  scope: 'user',
  plan: 'user',
  rate_limit: 'retry',
  overload: 'retry',
  method_time: 'retry',
  server: 'retry',
  network: 'retry',
  protocol: 'retry',
  moved: 'user',
  not_found: 'user',
} as const satisfies Record<string, 'user' | 'retry'>

export type ErrorKind = keyof typeof ERROR_KIND_TABLE
/** The kinds only the user can fix. */
export type UserFixableErrorKind = {
  [K in ErrorKind]: (typeof ERROR_KIND_TABLE)[K] extends 'user' ? K : never
}[ErrorKind]
export const isUserFixable = (kind: ErrorKind): kind is UserFixableErrorKind => ERROR_KIND_TABLE[kind] === 'user'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]
export const LANGUAGES = ['en', 'ru', 'de'] as const
export type Language = (typeof LANGUAGES)[number]
export const LANGUAGE_SETTINGS = ['system', ...LANGUAGES] as const
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number]
export const AUTH_KINDS = ['webhook', 'oauth'] as const
export type AuthKind = (typeof AUTH_KINDS)[number]

/** The bounds of the numeric settings; the settings schema (settings.ts) checks and clamps with them. */
export const SETTING_BOUNDS = {
  /** The app's poll interval; the command line may go lower and warns below `min`. */
  pollIntervalSeconds: { min: 15, max: 3600 },
  trayMenuGroupCount: { min: 0, max: 50 },
} as const

/** The role a change's `from`/`to` or a group's code stands for: a portal letter ("E"), or a role name already. */
export function roleOf(value: unknown): Role {
  if (typeof value !== 'string') return 'unknown'
  return ROLE_BY_CODE[value] ?? ((ROLES as readonly string[]).includes(value) ? (value as Role) : 'unknown')
}

/**
 * The kinds of workgroup `socialnetwork.api.workgroup.list` reports in TYPE (older portals send none: the details then
 * carry `type: null`). Collabs are chat-first: their primary page is the chat.
 */
export const GROUP_TYPES = ['group', 'project', 'scrum', 'collab'] as const
export type GroupType = (typeof GROUP_TYPES)[number]

/** The orders the window's group list offers (a setting, so the choice is remembered): by name, most recently active
 *  first, or by the user's role (owner, moderator, member). Archived groups come last within a section in each. */
export const GROUP_SORTS = ['name', 'activity', 'role'] as const
export type GroupSort = (typeof GROUP_SORTS)[number]

/**
 * A group's sub-pages, relative to its page (`https://portal/workgroups/group/7/`), each one quick action in the window,
 * the row's context menu, the shortcuts help and `open GROUP_ID --<page>` on the command line. `key` is the window's
 * keyboard shortcut for the selected row.
 */
export const GROUP_PAGE_TABLE = {
  tasks: { path: 'tasks/', key: 't' },
  calendar: { path: 'calendar/', key: 'c' },
  drive: { path: 'disk/path/', key: 'd' },
  chat: { path: 'chat/', key: 'm' },
  members: { path: 'users/', key: 'u' },
} as const satisfies Record<string, { path: string; key: string }>
export type GroupPage = keyof typeof GROUP_PAGE_TABLE
export const GROUP_PAGES = Object.keys(GROUP_PAGE_TABLE) as [GroupPage, ...GroupPage[]]

/**
 * How often a group's details are fetched again at most, per account (memberships are polled far more often); a
 * change of the member list fetches them at once.
 */
export const DETAILS_REFRESH_SECONDS = 600
