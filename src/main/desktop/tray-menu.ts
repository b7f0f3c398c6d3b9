// The tray menu as data, built from the app state by a pure function. The Electron glue turns it into a Menu and
// rebuilds it on every state change (AppIndicator hosts on Linux only ever show the menu, never a window).
import type { Translator } from '@shared/i18n'
import type { AccountView, AppState, Group, MembershipChange, Role } from '@shared/types'
import { displayName, singleLine, truncate } from './display-text'
import { clockTime } from './time-format'
import { isEffectivelyOffline, needsAttention, trayTooltip } from './tray-status'

export type PauseChoice = 'hour' | 'tomorrow' | 'resume'
export type WindowView = 'groups' | 'changes' | 'settings'

export type TrayAction =
  | { type: 'openGroup'; accountId: string; groupId: string }
  | { type: 'openPortal'; accountId: string }
  | { type: 'showWindow'; view: WindowView }
  | { type: 'refresh'; accountId?: string }
  | { type: 'pause'; until: PauseChoice }
  | { type: 'startDemo' }
  | { type: 'quit' }

export type TrayMenuItem =
  | { type: 'action'; label: string; action: TrayAction; enabled?: false }
  | { type: 'label'; label: string }
  | { type: 'submenu'; label: string; items: TrayMenuItem[] }
  | { type: 'separator' }

/** Names longer than this are cut with an ellipsis: a menu as wide as the screen helps nobody. */
export const MENU_NAME_MAX = 60
const MESSAGE_MAX = 80
export const UNSEEN_MARK = '● '
/** How many changes the "Recent changes" submenu lists; the window has the whole history. */
export const RECENT_CHANGES = 5

const separator: TrayMenuItem = { type: 'separator' }
const label = (text: string): TrayMenuItem => ({ type: 'label', label: text })
const action = (text: string, act: TrayAction): TrayMenuItem => ({ type: 'action', label: text, action: act })
const disabledAction = (text: string, act: TrayAction): TrayMenuItem => ({
  type: 'action',
  label: text,
  action: act,
  enabled: false,
})

/** Pinned groups first, then everything by name in the user's language (numbers in natural order). */
export function sortGroupsForMenu(groups: readonly Group[], pinnedIds: readonly string[], language: string): Group[] {
  const pinned = new Set(pinnedIds)
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })
  return [...groups].sort(
    (a, b) =>
      Number(pinned.has(b.id)) - Number(pinned.has(a.id)) ||
      collator.compare(a.name, b.name) ||
      a.id.localeCompare(b.id),
  )
}

export function roleLabel(role: Role, translator: Translator): string {
  return translator.t(`roles:title.${role}`)
}

function groupItem(account: AccountView, group: Group, unseen: boolean, translator: Translator): TrayMenuItem {
  const text = `${unseen ? UNSEEN_MARK : ''}${displayName(group.name, MENU_NAME_MAX)} · ${roleLabel(group.role, translator)}`
  return action(text, { type: 'openGroup', accountId: account.id, groupId: group.id })
}

function accountEntries(state: AppState, account: AccountView, unseen: Set<string>, translator: Translator) {
  const { t } = translator
  const items: TrayMenuItem[] = []
  if (state.accounts.length > 1) items.push(label(displayName(account.label || account.host, MENU_NAME_MAX)))
  if (!account.enabled) return [...items, label(t('tray:menu.disabled'))]
  const status = state.statuses.find((candidate) => candidate.accountId === account.id)
  if (status?.error) {
    // The error's name ("credentials refused"), not its first 80 characters: the window has the whole sentence.
    const name = t(`tray:errorKind.${status.error.kind}`, { defaultValue: singleLine(status.error.message) })
    items.push(label(t('tray:menu.error', { message: truncate(name, MESSAGE_MAX) })))
    items.push(
      needsAttention(status)
        ? action(t('tray:menu.fix'), { type: 'showWindow', view: 'settings' })
        : action(t('tray:menu.retry'), { type: 'refresh', accountId: account.id }),
    )
  }
  const groups = state.groups[account.id]
  if (!groups || (groups.length === 0 && !status?.lastSyncAt)) {
    if (!status?.error)
      items.push(label(status?.state === 'syncing' ? t('tray:menu.syncing') : t('tray:menu.notSynced')))
    return items
  }
  if (groups.length === 0) return [...items, label(t('tray:menu.noGroups'))]
  const limit = state.settings.trayMenuGroupCount
  const sorted = sortGroupsForMenu(groups, state.settings.pinnedGroups[account.id] ?? [], translator.language)
  for (const group of sorted.slice(0, limit)) {
    items.push(groupItem(account, group, unseen.has(`${account.id}\n${group.id}`), translator))
  }
  if (sorted.length > limit)
    items.push(action(t('tray:menu.more', { count: sorted.length - limit }), { type: 'showWindow', view: 'groups' }))
  return items
}

/** An account's heading, status and groups, then a way to its portal (the groups' pages are all on it). */
function accountSection(state: AppState, account: AccountView, unseen: Set<string>, translator: Translator) {
  const openPortal = action(translator.t('tray:entries.openPortal'), { type: 'openPortal', accountId: account.id })
  return [...accountEntries(state, account, unseen, translator), openPortal]
}

function changeItem(change: MembershipChange, unseen: boolean, translator: Translator): TrayMenuItem {
  const text = `${unseen ? UNSEEN_MARK : ''}${displayName(change.group.name, MENU_NAME_MAX)} · ${translator.t(`tray:changeKind.${change.kind}`)}`
  // A group the user has left is no longer in the list to open; its change is shown in the window instead.
  return change.kind === 'left'
    ? action(text, { type: 'showWindow', view: 'changes' })
    : action(text, { type: 'openGroup', accountId: change.accountId, groupId: change.group.id })
}

/** The last few changes, newest first, each opening its group; null when there is no history yet. */
function recentChanges(state: AppState, translator: Translator): TrayMenuItem | null {
  const { t } = translator
  const known = new Set(state.accounts.map((account) => account.id))
  const changes = state.changes.filter((change) => known.has(change.accountId))
  if (changes.length === 0) return null
  const recent = [...changes].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, RECENT_CHANGES)
  const unseenCount = changes.filter((change) => !change.seen).length
  return {
    type: 'submenu',
    label: unseenCount > 0 ? t('tray:recent.titleUnseen', { count: unseenCount }) : t('tray:recent.title'),
    items: [
      ...recent.map((change) => changeItem(change, !change.seen, translator)),
      separator,
      action(t('tray:recent.all'), { type: 'showWindow', view: 'changes' }),
    ],
  }
}

function mutedUntil(state: AppState, now: Date): Date | null {
  const until = state.settings.notifications.mutedUntil
  if (!until) return null
  const time = new Date(until)
  return Number.isNaN(time.getTime()) || time <= now ? null : time
}

function pauseSubmenu(state: AppState, translator: Translator, now: Date): TrayMenuItem {
  const { t } = translator
  const until = mutedUntil(state, now)
  const choices = [
    action(t('tray:menu.pauseHour'), { type: 'pause', until: 'hour' }),
    action(t('tray:menu.pauseTomorrow'), { type: 'pause', until: 'tomorrow' }),
    separator,
    (until ? action : disabledAction)(t('tray:menu.resume'), { type: 'pause', until: 'resume' }),
  ]
  const heading = until
    ? t('tray:menu.pausedUntil', { time: clockTime(until, now, translator.language) })
    : t('tray:menu.pause')
  return { type: 'submenu', label: heading, items: choices }
}

/** The whole tray menu for a state. `now` decides relative times and whether a pause has run out. */
export function buildTrayMenu(state: AppState, translator: Translator, now: Date): TrayMenuItem[] {
  const { t } = translator
  if (state.accounts.length === 0) {
    return [
      label(t('tray:menu.noAccounts')),
      action(t('tray:menu.addAccount'), { type: 'showWindow', view: 'settings' }),
      action(t('tray:menu.tryDemo'), { type: 'startDemo' }),
      separator,
      action(t('tray:menu.quit'), { type: 'quit' }),
    ]
  }
  const unseen = new Set(
    state.changes.filter((change) => !change.seen).map((change) => `${change.accountId}\n${change.group.id}`),
  )
  // AppIndicator hosts show no tooltip, so the summary line leads the menu on every platform.
  const items: TrayMenuItem[] = [label(trayTooltip(state, translator, now))]
  if (!state.online || isEffectivelyOffline(state)) items.push(label(t('tray:menu.offline')))
  for (const account of state.accounts) {
    items.push(separator, ...accountSection(state, account, unseen, translator))
  }
  const recent = recentChanges(state, translator)
  items.push(
    separator,
    action(t('tray:entries.openApp'), { type: 'showWindow', view: 'groups' }),
    action(t('tray:entries.changes'), { type: 'showWindow', view: 'changes' }),
    ...(recent ? [recent] : []),
    separator,
    action(t('tray:menu.refresh'), { type: 'refresh' }),
    pauseSubmenu(state, translator, now),
    action(t('tray:menu.settings'), { type: 'showWindow', view: 'settings' }),
    separator,
    action(t('tray:menu.quit'), { type: 'quit' }),
  )
  return items
}
