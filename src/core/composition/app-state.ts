// The AppState the window and the tray show, put together from the services at one moment. Pure: the app composes
// it from the core, and the benchmarks measure what main would send the window of it.
import type {
  AccountView,
  AppSettings,
  AppState,
  Group,
  GroupDetails,
  MembershipChange,
  StateProblemView,
  SyncStatus,
} from '@shared/types'
import type { Core } from './core'

export interface AppStateSources {
  accounts(): readonly AccountView[]
  statuses(): readonly SyncStatus[]
  groups(accountId: string): readonly Group[]
  /** The account's group details by group id (empty while none are known). */
  groupDetails(accountId: string): Readonly<Record<string, GroupDetails>>
  history(): readonly MembershipChange[]
  settings(): AppSettings
  online(): boolean
  platform: NodeJS.Platform
  /** The one-time notice (an i18n key), or null. */
  notice(): string | null
  /** The state directory's problem in the user's language, or null. */
  stateProblem(): StateProblemView | null
}

export function appPlatform(platform: NodeJS.Platform): AppState['platform'] {
  return platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other'
}

export function composeAppState(sources: AppStateSources): AppState {
  const accounts = [...sources.accounts()]
  const known = new Set(accounts.map((account) => account.id))
  return {
    accounts,
    statuses: sources.statuses().filter((status) => known.has(status.accountId)),
    groups: Object.fromEntries(accounts.map((account) => [account.id, [...sources.groups(account.id)]])),
    groupDetails: Object.fromEntries(accounts.map((account) => [account.id, { ...sources.groupDetails(account.id) }])),
    // A removed account's changes may linger in the history until the store has deleted them.
    changes: sources.history().filter((change) => known.has(change.accountId)),
    settings: sources.settings(),
    online: sources.online(),
    platform: appPlatform(sources.platform),
    notice: sources.notice(),
    stateProblem: sources.stateProblem(),
  }
}

/** What the core answers itself of the app state; a shell adds what only it knows (the network, its notice, the disk). */
export type CoreStateSources = Pick<
  AppStateSources,
  'accounts' | 'statuses' | 'groups' | 'groupDetails' | 'history' | 'settings'
>

/** The core's part of the app state's sources: the app, its integration tests and the benchmarks all take it here. */
export function coreStateSources(core: Pick<Core, 'accounts' | 'engine' | 'settings'>): CoreStateSources {
  return {
    accounts: () => core.accounts.list(),
    statuses: () => core.engine.statuses(),
    groups: (accountId) => core.engine.groups(accountId),
    groupDetails: (accountId) => core.engine.groupDetails(accountId),
    history: () => core.engine.history(),
    settings: () => core.settings.getSettings(),
  }
}
