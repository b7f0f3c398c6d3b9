// What the tray icon shows and what its tooltip says, decided from the app state alone.
import type { Translator } from '@shared/i18n'
import { isUserFixable, type AccountView, type AppState, type SyncStatus } from '@shared/types'
import { relativeTime } from './time-format'

export type TrayIconState = 'normal' | 'unseen' | 'attention' | 'offline'
export const TRAY_ICON_STATES: readonly TrayIconState[] = ['normal', 'unseen', 'attention', 'offline']

/** Windows truncates a tray tooltip at 127 characters (NOTIFYICONDATA.szTip is 128 wide). */
const TOOLTIP_MAX = 127
const SEPARATOR = ' · '

function enabledAccounts(state: AppState): AccountView[] {
  return state.accounts.filter((account) => account.enabled)
}

function statusOf(state: AppState, accountId: string): SyncStatus | undefined {
  return state.statuses.find((status) => status.accountId === accountId)
}

export function needsAttention(status: SyncStatus | undefined): boolean {
  return status?.error != null && isUserFixable(status.error.kind)
}

function cannotReachPortal(status: SyncStatus | undefined): boolean {
  return status?.state === 'offline' || status?.error?.kind === 'network'
}

/** True when the machine is offline, or when no enabled account can reach its portal. */
export function isEffectivelyOffline(state: AppState): boolean {
  if (!state.online) return true
  const accounts = enabledAccounts(state)
  return accounts.length > 0 && accounts.every((account) => cannotReachPortal(statusOf(state, account.id)))
}

export function unseenChangeCount(state: AppState): number {
  const known = new Set(state.accounts.map((account) => account.id))
  return state.changes.filter((change) => !change.seen && known.has(change.accountId)).length
}

/** Attention outranks offline (it will not fix itself), offline outranks unseen changes (they may be stale). */
export function trayIconState(state: AppState): TrayIconState {
  const accounts = enabledAccounts(state)
  // A disk that refuses the state is the user's to fix, as a refused credential is.
  if (state.stateProblem?.kind === 'disk') return 'attention'
  if (accounts.some((account) => needsAttention(statusOf(state, account.id)))) return 'attention'
  if (isEffectivelyOffline(state)) return 'offline'
  if (unseenChangeCount(state) > 0) return 'unseen'
  return 'normal'
}

/** The image file for a state; macOS gets black-and-alpha template images that follow the menu bar's appearance. */
export function trayIconFile(iconState: TrayIconState, platform: AppState['platform']): string {
  return platform === 'darwin' ? `tray-${iconState}Template.png` : `tray-${iconState}.png`
}

/** The least recent successful sync of the enabled accounts: every list is at least this fresh. */
function oldestSync(state: AppState, accounts: AccountView[]): Date | null {
  const times = accounts.map((account) => statusOf(state, account.id)?.lastSyncAt ?? null)
  if (times.length === 0 || times.some((time) => time === null)) return null
  return new Date(Math.min(...times.map((time) => Date.parse(time as string))))
}

function totalGroups(state: AppState, accounts: AccountView[]): number {
  return accounts.reduce((sum, account) => sum + (state.groups[account.id]?.length ?? 0), 0)
}

/** One line that sums up the app: "42 groups · synced 2 min ago". Also the first line of the menu. */
export function trayTooltip(state: AppState, translator: Translator, now: Date): string {
  const { t } = translator
  const accounts = enabledAccounts(state)
  if (state.accounts.length === 0) return [t('tray:appName'), t('tray:tooltip.noAccounts')].join(SEPARATOR)
  const parts = [t('tray:tooltip.groups', { count: totalGroups(state, accounts) })]
  // The short name; the window has the whole sentence (which directory, what to do).
  const stateProblem = state.stateProblem?.kind
  if (stateProblem) parts.push(t(stateProblem === 'disk' ? 'tray:tooltip.stateDisk' : 'tray:tooltip.stateWaiting'))
  if (accounts.some((account) => needsAttention(statusOf(state, account.id)))) parts.push(t('tray:tooltip.attention'))
  else if (isEffectivelyOffline(state)) parts.push(t('tray:tooltip.offline'))
  const synced = oldestSync(state, accounts)
  const syncedCount = accounts.filter((account) => statusOf(state, account.id)?.lastSyncAt).length
  if (synced) parts.push(t('tray:tooltip.synced', { time: relativeTime(synced, now, translator) }))
  // Two of three accounts synced is not "not synced yet".
  else if (syncedCount > 0) parts.push(t('tray:summary.partlySynced', { synced: syncedCount, count: accounts.length }))
  else if (accounts.some((account) => statusOf(state, account.id)?.state === 'syncing'))
    parts.push(t('tray:tooltip.syncing'))
  else parts.push(t('tray:tooltip.notSynced'))
  const unseen = unseenChangeCount(state)
  if (unseen > 0) parts.push(t('tray:tooltip.unseen', { count: unseen }))
  const tooltip = parts.join(SEPARATOR)
  return tooltip.length <= TOOLTIP_MAX ? tooltip : tooltip.slice(0, TOOLTIP_MAX - 1) + '…'
}
