// What the engine needs from the shells and what it tells them. Shells adapt their accounts and settings to these.
import type { ErrorView, Group, MembershipChange, SyncStatus } from '@shared/types'
import type { GroupDetails } from '@shared/model/details'
import type { BitrixClient } from '../bitrix/types'

export interface SyncAccount {
  id: string
  enabled: boolean
  /**
   * Anything that changes when the account's credentials change (a counter, a time). A new value ends a halt for
   * credential problems and polls at once.
   */
  credentialsVersion?: string | number
}

export interface EngineSources {
  accounts(): readonly SyncAccount[]
  /** Called once per poll; cache clients here (an OAuth client keeps its refreshed tokens). */
  clientFor(accountId: string): BitrixClient | Promise<BitrixClient>
  pollIntervalSeconds(): number
  /** Optional: the engine then follows account and settings changes itself. Returns the unsubscribe function. */
  subscribe?(listener: () => void): () => void
}

export interface ChangesMeta {
  accountId: string
  /** Found by the first sync after a restart. */
  whileAway: boolean
}

export interface SyncedEvent {
  accountId: string
  groupCount: number
  /** The first good sync of an account: its list was taken as it is, nothing was reported. */
  baseline: boolean
  /** ISO time of the sync. */
  at: string
  /** The portal answered from a new origin (it was renamed); the shell should update the account. */
  movedTo: string | null
}

export interface SyncEvents {
  /** The changes of one sync, in diff order, already in the history. Never empty. */
  changes: [changes: MembershipChange[], meta: ChangesMeta]
  status: [status: SyncStatus]
  /** An account's list differs from what `groups()` returned before. */
  groups: [payload: { accountId: string; groups: readonly Group[] }]
  /** An account's group details differ from what `groupDetails()` returned before. */
  details: [payload: { accountId: string; details: Readonly<Record<string, GroupDetails>> }]
  /** After the `groups` and `changes` events of a good sync. */
  synced: [payload: SyncedEvent]
  /** A failed poll (it never yields changes). */
  error: [payload: { accountId: string; error: ErrorView }]
  /** The history changed (new changes, seen marks, an account removed). Newest first. */
  history: [history: readonly MembershipChange[]]
}
