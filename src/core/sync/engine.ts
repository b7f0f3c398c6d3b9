// The sync engine: one poller per enabled account; each good answer is diffed against the stored snapshot, and only
// complete, confirmed answers ever become changes. Shells feed it accounts, settings, online and power state.
import { randomUUID } from 'node:crypto'
import type { ErrorView, Group, MembershipChange, SyncState, SyncStatus } from '@shared/types'
import { DEFAULT_SETTINGS, SETTING_BOUNDS } from '@shared/model'
import { DETAILS_REFRESH_SECONDS } from '@shared/model/values'
import { INCONSISTENT_LIST } from '../bitrix/client'
import type { BitrixClient, GroupsResult } from '../bitrix/types'
import type { Clock } from './clock'
import { sleep, systemClock } from './clock'
import { judgeConfirmation, needsConfirmation, removedIds } from './confirmation'
import { diffDetails, sameDetails, type DetailsByGroup } from './details-diff'
import type { ChangeDraft } from './diff'
import { diffGroups, sameGroupLists } from './diff'
import type { DescribeError } from './error-view'
import { describeErrorInEnglish, outcomeOf } from './error-view'
import type { Listener } from './events'
import { createEventHub } from './events'
import type { SyncLogger } from './logger'
import { silentLogger } from './logger'
import type { Poller } from './poller'
import { createPoller } from './poller'
import type { PollOutcome } from './schedule'
import type { SyncStore } from './store'
import type { EngineSources, SyncAccount, SyncEvents } from './types'

/** How long to wait before the fetch that confirms a mass removal: long enough to outlast a short portal glitch. */
export const CONFIRMATION_DELAY_MS = 5_000
/** The command line may poll as often as this; the app's settings keep to 15 s and more. */
export const MIN_POLL_INTERVAL_SECONDS = 1

export interface SyncEngineOptions {
  sources: EngineSources
  store: SyncStore
  clock?: Clock
  logger?: SyncLogger
  /** Default: English messages. The shells pass `(error) => toErrorView(error, t)` for the user's language. */
  describeError?: DescribeError
  confirmationDelayMs?: number
  /** Ids of new changes. Default: random UUIDs. */
  newId?: () => string
  /** How often an account's group details are fetched again at most. Default DETAILS_REFRESH_SECONDS. */
  detailsRefreshMs?: number
}

export interface SyncEngine {
  /** Starts a poller for each enabled account (each polls at once) and follows `sources.subscribe` if offered. */
  start(): void
  /** Stops every poller, waits for polls in flight (their writes included) and flushes the store. */
  stop(): Promise<void>
  /** Polls one account, or all, now; joins polls already in flight. Resolves when they are done. */
  refresh(accountId?: string): Promise<void>
  setOnline(online: boolean): void
  /** The machine goes to sleep: polling pauses. */
  suspend(): void
  /** The machine woke up: every account polls at once (except those halted for a problem only the user can fix). */
  resume(): void
  /** Accounts or settings changed: start, stop, reset pollers and apply a new interval. */
  accountsChanged(): void
  /** The user removed the account: stop polling it and delete its snapshot and history. */
  removeAccount(accountId: string): Promise<void>
  /** One status per account the sources list, in their order. */
  statuses(): SyncStatus[]
  /** The account's groups as last synced (from disk until the first sync), or an empty list. */
  groups(accountId: string): readonly Group[]
  /** The details of the account's groups as last fetched (from disk until the first fetch), by group id. */
  groupDetails(accountId: string): DetailsByGroup
  /** Newest first. */
  history(): readonly MembershipChange[]
  /** Marks changes (all when omitted) as seen; returns how many were unseen. */
  markSeen(ids?: readonly string[]): Promise<number>
  on<E extends keyof SyncEvents>(event: E, listener: Listener<SyncEvents[E]>): () => void
}

type Phase = 'idle' | 'syncing' | 'ok' | 'error'

interface Runtime {
  readonly accountId: string
  readonly poller: Poller
  credentialsVersion: SyncAccount['credentialsVersion']
  phase: Phase
  error: ErrorView | null
  /** When details were last asked for in this run (a failure counts: it is not asked again at once). */
  detailsAskedAt: number | null
  /** The group ids they were asked for then. */
  detailsAskedIds: ReadonlySet<string>
  detailsError: ErrorView | null
}

const ABORTED: PollOutcome = { type: 'aborted' }
const SUCCESS: PollOutcome = { type: 'success' }

/**
 * The client validates answers; this only refuses something that is not a list of groups at all. A group that is the
 * very object of the snapshot at the same place was checked when it first came, and is not read again: the usual
 * poll hands back almost every group of the last one.
 */
function checkedGroups(result: GroupsResult | undefined, previous: readonly Group[] | undefined): Group[] {
  const list: unknown = result?.groups
  if (!Array.isArray(list)) throw new Error('the client returned no group list')
  for (let index = 0; index < list.length; index++) {
    const item = list[index] as Partial<Group> | null
    if (item != null && item === previous?.[index]) continue
    if (typeof item?.id !== 'string' || typeof item.name !== 'string') {
      throw new Error('the client returned no group list')
    }
  }
  return list as Group[]
}

export function createSyncEngine({
  sources,
  store,
  clock = systemClock,
  logger = silentLogger,
  describeError = describeErrorInEnglish,
  confirmationDelayMs = CONFIRMATION_DELAY_MS,
  newId = randomUUID,
  detailsRefreshMs = DETAILS_REFRESH_SECONDS * 1000,
}: SyncEngineOptions): SyncEngine {
  const hub = createEventHub<SyncEvents>(logger)
  const runtimes = new Map<string, Runtime>()
  /** Pollers being stopped, per account: a new poller for the same account waits for them (no double reports). */
  const stopping = new Map<string, Promise<unknown>>()
  /** Accounts with a good sync in this run; the first sync of any other account with a snapshot is "while away". */
  const syncedThisRun = new Set<string>()
  /** Accounts with a good details fetch in this run (the first one after a restart reports "while away"). */
  const detailsThisRun = new Set<string>()
  const lastEmitted = new Map<string, string>()
  let knownIds: string[] = []
  let started = false
  let stopped = false
  let online = true
  let suspended = false
  let unsubscribe: (() => void) | null = null
  let lastIntervalMs = 0

  const iso = (time: number) => new Date(time).toISOString()
  const active = () => started && !stopped && online && !suspended

  function intervalMs(): number {
    let seconds: number
    try {
      seconds = sources.pollIntervalSeconds()
    } catch {
      seconds = Number.NaN
    }
    if (!Number.isFinite(seconds)) seconds = DEFAULT_SETTINGS.pollIntervalSeconds
    return Math.min(Math.max(seconds, MIN_POLL_INTERVAL_SECONDS), SETTING_BOUNDS.pollIntervalSeconds.max) * 1000
  }

  function statusOf(accountId: string): SyncStatus {
    const snapshot = store.snapshot(accountId)
    const runtime = runtimes.get(accountId)
    const base = {
      accountId,
      lastSyncAt: snapshot?.lastSyncAt ?? null,
      groupCount: snapshot ? snapshot.groups.length : null,
    }
    if (!runtime) return { ...base, state: 'stopped', nextSyncAt: null, error: null, detailsError: null }
    const state: SyncState = !online ? 'offline' : suspended ? 'paused' : runtime.phase
    const nextPollAt = runtime.poller.nextPollAt
    return {
      ...base,
      state,
      nextSyncAt: nextPollAt === null ? null : iso(nextPollAt),
      error: runtime.error,
      detailsError: runtime.detailsError,
    }
  }

  function emitStatus(accountId: string): void {
    const status = statusOf(accountId)
    const key = JSON.stringify(status)
    if (lastEmitted.get(accountId) === key) return
    lastEmitted.set(accountId, key)
    hub.emit('status', status)
  }

  async function fetchGroups(
    accountId: string,
    client: BitrixClient,
    signal: AbortSignal,
  ): Promise<GroupsResult & { groups: Group[] }> {
    const stored = store.snapshot(accountId)?.groups
    const result = await client.getUserGroups(signal, stored)
    if (result?.droppedItems)
      logger.warn({ accountId, dropped: result.droppedItems }, 'left out groups without a numeric id')
    return { ...result, groups: checkedGroups(result, stored) }
  }

  function commit(
    runtime: Runtime,
    result: GroupsResult,
    drafts: readonly ChangeDraft[],
    previous: readonly Group[] | null,
    listChanged: boolean,
  ): void {
    const { accountId } = runtime
    const at = iso(clock.now())
    const baseline = previous === null
    const whileAway = !baseline && !syncedThisRun.has(accountId)
    const changes: MembershipChange[] = drafts.map((draft) => ({
      id: newId(),
      accountId,
      kind: draft.kind,
      group: draft.group,
      from: draft.from,
      to: draft.to,
      whileAway,
      at,
      seen: false,
    }))
    // The store takes the sync into memory at once and writes it to disk on its own: the poll does not wait for the
    // fsync (2-5 ms on an ordinary disk, far more on a busy one). A crash before that write ends loses this sync's
    // write, never the file, and so do write errors: the changes are real and in memory, and after a restart they are
    // found again and reported as "while away". stop() flushes the store, so a clean quit loses nothing.
    // An unchanged list is handed over as the stored one itself, so the store need not compare it again.
    const groups = listChanged || previous === null ? result.groups : previous
    store
      .recordSync(accountId, groups, changes, at)
      .catch((error: unknown) =>
        logger.error({ accountId, code: (error as NodeJS.ErrnoException).code }, 'could not write the sync state'),
      )
    syncedThisRun.add(accountId)
    runtime.phase = 'ok'
    runtime.error = null
    if (listChanged) hub.emit('groups', { accountId, groups: store.snapshot(accountId)?.groups ?? result.groups })
    if (changes.length > 0) {
      hub.emit('changes', changes, { accountId, whileAway })
      hub.emit('history', store.history())
    }
    hub.emit('synced', { accountId, groupCount: result.groups.length, baseline, at, movedTo: result.movedTo ?? null })
    logger.debug({ accountId, groups: result.groups.length, changes: changes.length, baseline }, 'synced')
  }

  /** Whether the account's details are due: never fetched, fetched long enough ago, or a group is new since. */
  function detailsDue(runtime: Runtime, groups: readonly Group[]): boolean {
    const stored = store.snapshot(runtime.accountId)?.details
    const storedAt = stored ? Date.parse(stored.at) : Number.NaN
    const askedAt = runtime.detailsAskedAt ?? (Number.isFinite(storedAt) ? storedAt : null)
    if (askedAt === null || clock.now() - askedAt >= detailsRefreshMs) return true
    return groups.some((group) => !runtime.detailsAskedIds.has(group.id) && !(stored && group.id in stored.groups))
  }

  /**
   * After a good membership sync: the groups' details, when due. Whatever happens here stays here: a failure lands in
   * the status's `detailsError`, never in the poll's outcome, and the membership sync is already committed.
   */
  async function refreshDetails(runtime: Runtime, client: BitrixClient, signal: AbortSignal): Promise<void> {
    const { accountId } = runtime
    const groups = store.snapshot(accountId)?.groups
    if (!groups || !detailsDue(runtime, groups)) return
    runtime.detailsAskedAt = clock.now()
    runtime.detailsAskedIds = new Set(groups.map((group) => group.id))
    const errorBefore = runtime.detailsError
    try {
      const result = await client.getGroupDetails(
        groups.map((group) => ({ id: group.id, role: group.role })),
        signal,
      )
      if (signal.aborted) return
      const snapshot = store.snapshot(accountId)
      if (!snapshot) return // removed meanwhile
      const previous = snapshot.details?.groups
      const whileAway = previous !== undefined && !detailsThisRun.has(accountId)
      const at = iso(clock.now())
      const changes: MembershipChange[] = diffDetails(previous, result.details, snapshot.groups).map((draft) => ({
        id: newId(),
        accountId,
        ...draft,
        whileAway,
        at,
        seen: false,
      }))
      const changed = !sameDetails(previous, result.details)
      store
        .recordDetails(accountId, { at, groups: result.details }, changes)
        .catch((error: unknown) =>
          logger.error({ accountId, code: (error as NodeJS.ErrnoException).code }, 'could not write the details'),
        )
      detailsThisRun.add(accountId)
      runtime.detailsError = null
      if (changed) hub.emit('details', { accountId, details: store.snapshot(accountId)?.details?.groups ?? {} })
      if (changes.length > 0) {
        hub.emit('changes', changes, { accountId, whileAway })
        hub.emit('history', store.history())
      }
      logger.debug({ accountId, groups: Object.keys(result.details).length, requests: result.requests }, 'details')
    } catch (error) {
      if (signal.aborted) return
      const view = describeError(error)
      runtime.detailsError = view
      logger.warn({ accountId, code: view.code, kind: view.kind }, 'details failed')
    } finally {
      // The poller tells the status once it has scheduled the next poll; only a new details error is told here.
      if (!signal.aborted && runtime.detailsError !== errorBefore) emitStatus(accountId)
    }
  }

  async function poll(runtime: Runtime, signal: AbortSignal): Promise<PollOutcome> {
    const { accountId } = runtime
    const phaseBefore = runtime.phase
    runtime.phase = 'syncing'
    emitStatus(accountId)
    const cutShort = () => {
      runtime.phase = phaseBefore
      emitStatus(accountId)
      return ABORTED
    }
    try {
      const client = await sources.clientFor(accountId)
      if (signal.aborted) return cutShort()
      let result = await fetchGroups(accountId, client, signal)
      if (signal.aborted) return cutShort()
      const previous = store.snapshot(accountId)?.groups ?? null
      // The usual poll finds the very same list: one walk that stops at the first difference says so, and the diff,
      // which maps and sorts every group, only runs when something differs.
      let listChanged = previous === null || !sameGroupLists(previous, result.groups)
      let drafts = previous && listChanged ? diffGroups(previous, result.groups) : []
      if (previous && needsConfirmation(previous.length, drafts)) {
        logger.info({ accountId, known: previous.length, removed: removedIds(drafts).size }, 'confirming removals')
        await sleep(clock, confirmationDelayMs, signal)
        if (signal.aborted) return cutShort()
        const second = await fetchGroups(accountId, client, signal)
        if (signal.aborted) return cutShort()
        const secondDrafts = diffGroups(previous, second.groups)
        const verdict = judgeConfirmation(previous.length, drafts, secondDrafts)
        if (verdict === 'disputed') {
          logger.warn({ accountId }, 'two answers removed different groups; nothing reported')
          runtime.phase = 'ok'
          runtime.error = null
          return SUCCESS
        }
        result = second
        drafts = secondDrafts
        listChanged = !sameGroupLists(previous, second.groups)
      }
      commit(runtime, result, drafts, previous, listChanged)
      await refreshDetails(runtime, client, signal)
      return SUCCESS
    } catch (error) {
      if (signal.aborted) return cutShort()
      if ((error as { reason?: unknown } | null)?.reason === INCONSISTENT_LIST) {
        // Pages that disagreed twice are an answer in dispute, like two fetches that removed different groups.
        logger.warn({ accountId }, 'the pages of the list disagreed twice; nothing reported')
        runtime.phase = 'ok'
        runtime.error = null
        emitStatus(accountId)
        return SUCCESS
      }
      const view = describeError(error)
      runtime.phase = 'error'
      runtime.error = view
      logger.warn({ accountId, code: view.code, kind: view.kind }, 'sync failed')
      hub.emit('error', { accountId, error: view })
      return outcomeOf(view)
    }
  }

  function createRuntime(account: SyncAccount): void {
    const runtime: Runtime = {
      accountId: account.id,
      credentialsVersion: account.credentialsVersion,
      phase: 'idle',
      error: null,
      detailsAskedAt: null,
      detailsAskedIds: new Set(),
      detailsError: null,
      poller: createPoller({
        poll: (signal) => poll(runtime, signal),
        intervalMs,
        clock,
        onScheduleChange: () => emitStatus(account.id),
      }),
    }
    runtimes.set(account.id, runtime)
    if (!active()) runtime.poller.pause()
    const previousStop = stopping.get(account.id)
    if (!previousStop) return runtime.poller.start()
    void previousStop.then(() => {
      if (runtimes.get(account.id) === runtime) runtime.poller.start()
    })
  }

  function stopRuntime(runtime: Runtime): Promise<unknown> {
    const { accountId } = runtime
    if (runtimes.get(accountId) === runtime) runtimes.delete(accountId)
    const done: Promise<unknown> = Promise.all([stopping.get(accountId), runtime.poller.stop()]).finally(() => {
      if (stopping.get(accountId) === done) stopping.delete(accountId)
    })
    stopping.set(accountId, done)
    return done
  }

  function readAccounts(): SyncAccount[] | null {
    try {
      const seen = new Set<string>()
      return sources.accounts().filter((account) => {
        if (typeof account?.id !== 'string' || account.id === '' || seen.has(account.id)) return false
        seen.add(account.id)
        return true
      })
    } catch (error) {
      logger.error({ error: error instanceof Error ? error.name : typeof error }, 'could not read the accounts')
      return null
    }
  }

  function accountsChanged(): void {
    if (!started || stopped) return
    const accounts = readAccounts()
    if (!accounts) return
    knownIds = accounts.map((account) => account.id)
    for (const account of accounts) {
      const runtime = runtimes.get(account.id)
      if (account.enabled && !runtime) {
        createRuntime(account)
      } else if (!account.enabled && runtime) {
        void stopRuntime(runtime)
      } else if (runtime && runtime.credentialsVersion !== account.credentialsVersion) {
        runtime.credentialsVersion = account.credentialsVersion
        // New credentials may carry the scope details need: ask again at the next sync.
        runtime.detailsAskedAt = null
        runtime.detailsAskedIds = new Set()
        runtime.poller.reset()
      }
      emitStatus(account.id)
    }
    const listed = new Set(knownIds)
    for (const runtime of [...runtimes.values()]) if (!listed.has(runtime.accountId)) void stopRuntime(runtime)
    const interval = intervalMs()
    if (interval !== lastIntervalMs) {
      lastIntervalMs = interval
      for (const runtime of runtimes.values()) runtime.poller.intervalChanged()
    }
  }

  function applyActivity(): void {
    if (!started || stopped) return
    for (const runtime of runtimes.values()) {
      if (active()) runtime.poller.resume()
      else runtime.poller.pause()
    }
    for (const accountId of knownIds) emitStatus(accountId)
  }

  return {
    start() {
      if (started || stopped) return
      started = true
      lastIntervalMs = intervalMs()
      unsubscribe = sources.subscribe?.(() => accountsChanged()) ?? null
      accountsChanged()
    },
    async stop() {
      if (stopped) return
      stopped = true
      unsubscribe?.()
      unsubscribe = null
      await Promise.all([...[...runtimes.values()].map(stopRuntime), ...stopping.values()])
      try {
        await store.flush()
      } catch (error) {
        logger.error({ code: (error as NodeJS.ErrnoException).code }, 'could not write the sync state on stop')
      }
    },
    async refresh(accountId) {
      const targets = accountId === undefined ? [...runtimes.values()] : [runtimes.get(accountId)]
      await Promise.all(targets.map((runtime) => runtime?.poller.refreshNow()))
    },
    setOnline(value) {
      if (online === value) return
      online = value
      applyActivity()
    },
    suspend() {
      if (suspended) return
      suspended = true
      applyActivity()
    },
    resume() {
      if (!suspended) return
      suspended = false
      applyActivity()
    },
    accountsChanged,
    async removeAccount(accountId) {
      const runtime = runtimes.get(accountId)
      await (runtime ? stopRuntime(runtime) : stopping.get(accountId))
      syncedThisRun.delete(accountId)
      detailsThisRun.delete(accountId)
      lastEmitted.delete(accountId)
      await store.removeAccount(accountId)
      hub.emit('history', store.history())
    },
    statuses() {
      return knownIds.map(statusOf)
    },
    groups(accountId) {
      return store.snapshot(accountId)?.groups ?? []
    },
    groupDetails(accountId) {
      return store.snapshot(accountId)?.details?.groups ?? {}
    },
    history() {
      return store.history()
    },
    async markSeen(ids) {
      const marked = await store.markSeen(ids)
      if (marked > 0) hub.emit('history', store.history())
      return marked
    },
    on(event, listener) {
      return hub.on(event, listener)
    },
  }
}
