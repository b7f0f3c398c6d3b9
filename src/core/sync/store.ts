// Persisted sync state: per account the last complete group list and last good sync time, plus the change history.
// One file, so that a snapshot and the changes it produced are always written together (a crash between two files
// would either lose a change or report it twice after a restart).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Group, MembershipChange } from '@shared/types'
import type { Clock, TimerHandle } from './clock'
import { systemClock } from './clock'
import { reuseUnchanged, sameGroupLists } from './diff'
import type { SyncLogger } from './logger'
import { silentLogger } from './logger'
import { createStateSerialiser } from './store-json'
import type { StateFile } from './store-schema'
import { STATE_FILE_VERSION, stateFileSchema } from './store-schema'

export const STATE_FILE_NAME = 'sync-state.json'
/** The notice for the user (an i18n key) when `recoveredFrom` is set. */
export const HISTORY_RESET_NOTICE = 'sync:historyReset'
export const HISTORY_LIMIT = 500
/** A sync that found nothing new only moves the sync time; that is written at most this late (or on flush). */
export const IDLE_WRITE_DELAY_MS = 5 * 60_000

export interface AccountSnapshot {
  groups: readonly Group[]
  /** ISO time of the last good sync. */
  lastSyncAt: string
}

export interface SyncStoreOptions {
  /** Directory of the state file; created on the first write. */
  dir: string
  /** Overrides the clock's time (names of moved-aside files). */
  now?: () => number
  /** Timers for the deferred write of sync times. */
  clock?: Clock
  logger?: SyncLogger
}

export interface SyncStore {
  readonly file: string
  /**
   * Where an unreadable state file was moved at load, or null. Its accounts start over with a silent baseline; the
   * shell tells the user with HISTORY_RESET_NOTICE.
   */
  readonly recoveredFrom: string | null
  snapshot(accountId: string): AccountSnapshot | null
  accountIds(): string[]
  /** Records a good sync: the complete list and the changes it produced (already stamped), written atomically. */
  recordSync(
    accountId: string,
    groups: readonly Group[],
    changes: readonly MembershipChange[],
    at: string,
  ): Promise<void>
  /** The last 500 changes, newest sync first. */
  history(): readonly MembershipChange[]
  /** Marks the given changes (all when omitted) as seen; returns how many were unseen. */
  markSeen(ids?: readonly string[]): Promise<number>
  /** Forgets an account: its snapshot and its history. */
  removeAccount(accountId: string): Promise<void>
  /** Writes whatever is pending and waits for it (clean quit). */
  flush(): Promise<void>
}

function emptyState(): StateFile {
  return { version: STATE_FILE_VERSION, accounts: {}, history: [] }
}

/** A file name safe on every platform (no colons) that sorts by time. */
function stamp(time: number): string {
  return new Date(time).toISOString().replace(/[:.]/g, '-')
}

interface Loaded {
  state: StateFile
  recoveredFrom: string | null
}

function load(file: string, now: () => number, logger: SyncLogger): Loaded {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyState(), recoveredFrom: null }
    throw new Error(`Cannot read the sync state file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, {
      cause: error,
    })
  }
  let reason: string
  try {
    const parsed = stateFileSchema.safeParse(JSON.parse(text))
    if (parsed.success) return { state: parsed.data, recoveredFrom: null }
    const issue = parsed.error.issues[0]
    reason = `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`
  } catch {
    reason = 'not JSON'
  }
  const aside = `${file}.corrupt-${stamp(now())}`
  try {
    renameSync(file, aside)
    logger.warn({ file, movedTo: aside, reason }, 'sync state file unreadable; moved aside, accounts start over')
    return { state: emptyState(), recoveredFrom: aside }
  } catch (error) {
    logger.error({ file, reason, code: (error as NodeJS.ErrnoException).code }, 'could not move the corrupt file aside')
    return { state: emptyState(), recoveredFrom: null }
  }
}

/** Temp files of writes cut short by a crash. */
function removeStaleTemps(dir: string, base: string): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(`${base}.`) || !name.endsWith('.tmp')) continue
    try {
      rmSync(path.join(dir, name), { force: true })
    } catch {
      // Not ours to fight over (a directory, no permission): it only costs a stray file.
    }
  }
}

export function createSyncStore({ dir, now, clock = systemClock, logger = silentLogger }: SyncStoreOptions): SyncStore {
  const file = path.join(dir, STATE_FILE_NAME)
  const timeNow = now ?? (() => clock.now())
  const loaded = load(file, timeNow, logger)
  removeStaleTemps(dir, STATE_FILE_NAME)
  let state = loaded.state
  const serialise = createStateSerialiser()
  let tempCounter = 0
  let dirty = false
  let idleTimer: TimerHandle | null = null
  let running: Promise<void> | null = null
  let queued: Promise<void> | null = null

  function snapshot(accountId: string): AccountSnapshot | null {
    return Object.hasOwn(state.accounts, accountId) ? (state.accounts[accountId] ?? null) : null
  }

  /** The directory is made when a write first finds it missing (the first write, or after someone removed it). */
  async function openTemp(temp: string) {
    try {
      return await open(temp, 'w', 0o600)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      mkdirSync(dir, { recursive: true })
      return open(temp, 'w', 0o600)
    }
  }

  async function writeOnce(): Promise<void> {
    dirty = false
    const bytes = serialise(state)
    const temp = `${file}.${process.pid}.${tempCounter++}.tmp`
    try {
      const handle = await openTemp(temp)
      try {
        await handle.writeFile(bytes)
        // Before the rename, or a crash could leave the new name on a file whose data never reached the disk.
        // datasync suffices: it flushes the size with the data, and the times it skips do not matter here.
        await handle.datasync()
      } finally {
        await handle.close()
      }
      await rename(temp, file)
    } catch (error) {
      dirty = true
      await rm(temp, { force: true }).catch(() => undefined)
      throw error
    }
  }

  /** One write at a time; writes asked for meanwhile share the one queued behind it, which sees all their changes. */
  function persist(): Promise<void> {
    cancelIdleWrite()
    if (queued) return queued
    if (!running) {
      running = writeOnce().finally(() => (running = null))
      return running
    }
    queued = running
      .catch(() => undefined)
      .then(() => {
        queued = null
        running = writeOnce().finally(() => (running = null))
        return running
      })
    return queued
  }

  function cancelIdleWrite(): void {
    if (idleTimer !== null) clock.clearTimeout(idleTimer)
    idleTimer = null
  }

  function writeLater(): void {
    dirty = true
    // A queued write serialises the state when it starts, so it will carry this too.
    if (idleTimer !== null || queued) return
    idleTimer = clock.setTimeout(() => {
      idleTimer = null
      persist().catch((error: unknown) =>
        logger.error({ file, code: (error as NodeJS.ErrnoException).code }, 'could not write the sync state'),
      )
    }, IDLE_WRITE_DELAY_MS)
  }

  return {
    file,
    recoveredFrom: loaded.recoveredFrom,
    snapshot,
    accountIds() {
      return Object.keys(state.accounts)
    },
    recordSync(accountId, groups, changes, at) {
      const previous = Object.hasOwn(state.accounts, accountId) ? state.accounts[accountId] : undefined
      const unchanged = changes.length === 0 && previous !== undefined && sameGroupLists(previous.groups, groups)
      const stored = previous ? (unchanged ? previous.groups : reuseUnchanged(previous.groups, groups)) : [...groups]
      state.accounts[accountId] = { groups: stored, lastSyncAt: at }
      if (changes.length > 0) state.history = [...changes, ...state.history].slice(0, HISTORY_LIMIT)
      if (!unchanged) return persist()
      writeLater()
      return Promise.resolve()
    },
    history() {
      return state.history
    },
    markSeen(ids) {
      const wanted = ids ? new Set(ids) : null
      let marked = 0
      state.history = state.history.map((change) => {
        if (change.seen || (wanted && !wanted.has(change.id))) return change
        marked++
        return { ...change, seen: true }
      })
      return marked > 0 ? persist().then(() => marked) : Promise.resolve(0)
    },
    removeAccount(accountId) {
      const had = Object.hasOwn(state.accounts, accountId)
      const { [accountId]: _removed, ...others } = state.accounts
      const history = state.history.filter((change) => change.accountId !== accountId)
      if (!had && history.length === state.history.length) return Promise.resolve()
      state = { ...state, accounts: others, history }
      return persist()
    },
    async flush() {
      cancelIdleWrite()
      if (dirty) return persist()
      await queued
      await running
    },
  }
}
