// The sync engine's public surface: the shells (desktop, command line) and the benchmarks import from here only.
export { createSyncEngine, CONFIRMATION_DELAY_MS, MIN_POLL_INTERVAL_SECONDS } from './engine'
export type { SyncEngine, SyncEngineOptions } from './engine'
export type { EngineSources, SyncAccount, SyncEvents, SyncedEvent, ChangesMeta } from './types'
export { createSyncStore, STATE_FILE_NAME, HISTORY_LIMIT, HISTORY_RESET_NOTICE, StateWriteRefusedError } from './store'
export type { SyncStore, SyncStoreOptions, AccountSnapshot, StoreProblem, StoreFileSystem } from './store'
export {
  acquireStateLease,
  waitForStateLease,
  describeLeaseHolder,
  readLeaseHolder,
  StateLeaseHeldError,
  LEASE_FILE_NAME,
  LEASE_STALE_MS,
} from './lease'
export type { StateLease, LeaseOwner, LeaseOptions, LeaseHolderKind } from './lease'
export { diffGroups, sameGroupLists, compareGroupIds } from './diff'
export type { ChangeDraft } from './diff'
export { systemClock, sleep } from './clock'
export type { Clock, TimerHandle } from './clock'
export { createPoller } from './poller'
export type { Poller, PollerOptions, PollerState } from './poller'
export { decideNext, backoffDelay, intervalDelay } from './schedule'
export type { PollOutcome, ScheduleDecision } from './schedule'
export { describeErrorInEnglish, outcomeOf } from './error-view'
export type { DescribeError } from './error-view'
export type { SyncLogger } from './logger'
export { isDiskError, diskMessage, storeProblemMessage, leaseHeldMessage } from './state-problems'
