// Persisted sync state: per account the last complete group list and last good sync time, plus the change history.
// One file, so that a snapshot and the changes it produced are always written together (a crash between two files
// would either lose a change or report it twice after a restart).
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises'
import { isAscii } from 'node:buffer'
import path from 'node:path'
import type { Group, MembershipChange } from '@shared/types'
import type { Clock, TimerHandle } from './clock'
import { systemClock } from './clock'
import type { StateLease } from './lease'
import { sameDetails } from './details-diff'
import { reuseUnchanged, sameGroupLists } from './diff'
import type { SyncLogger } from './logger'
import { silentLogger } from './logger'
import { createStateSerialiser } from './store-json'
import type { AccountDetails, StateFile } from './store-schema'
import { currentStateFileSchema, STATE_FILE_VERSION, stateFileSchema } from './store-schema'
import { asParsedCheckOf } from './as-parsed'

export const STATE_FILE_NAME = 'sync-state.json'
/** The notice for the user (an i18n key) when `recoveredFrom` is set. */
export const HISTORY_RESET_NOTICE = 'sync:historyReset'
export const HISTORY_LIMIT = 500
/** A sync that found nothing new only moves the sync time; that is written at most this late (or on flush). */
export const IDLE_WRITE_DELAY_MS = 5 * 60_000
/** A write that failed (full or read-only disk) is tried again this late, and on every new change. */
export const WRITE_RETRY_DELAY_MS = 30_000

/**
 * Why the state could not be written. `disk`: the file system refused (EROFS, ENOSPC, EACCES, ...); `newer`: the
 * file on disk is newer than what this store read (another writer); `lease_lost`: another writer took the lease.
 */
export type StoreProblem =
  { kind: 'disk'; dir: string; code: string } | { kind: 'newer'; dir: string } | { kind: 'lease_lost'; dir: string }

/** A write the store refused, so as not to overwrite a newer snapshot or write without the lease. */
export class StateWriteRefusedError extends Error {
  override readonly name = 'StateWriteRefusedError'
  constructor(readonly problem: StoreProblem) {
    super(problem.kind === 'newer' ? 'the state file on disk is newer' : 'the state lease is held by another writer')
  }
}

export interface AccountSnapshot {
  groups: readonly Group[]
  /** ISO time of the last good sync. */
  lastSyncAt: string
  /** The groups' details as last fetched, if ever. */
  details?: AccountDetails
}

export type { AccountDetails }

export interface SyncStoreOptions {
  /** Directory of the state file; created on the first write. */
  dir: string
  /** Overrides the clock's time (names of moved-aside files). */
  now?: () => number
  /** Timers for the deferred write of sync times. */
  clock?: Clock
  logger?: SyncLogger
  /**
   * The writer's lease on `dir` (see lease.ts). With one, every write first confirms the lease is still this one's.
   */
  lease?: StateLease
  /**
   * No write until a lease is adopted (the app: it shows what is on disk while another writer holds the directory,
   * and writes only once the lease is its own).
   */
  requireLease?: boolean
  /** A reader (`list`, `open`): loads the file and never writes, moves or deletes anything. */
  readOnly?: boolean
  /** The calls that write (a full or read-only disk is simulated through them in tests). */
  fs?: StoreFileSystem
}

export interface StoreFileSystem {
  open: typeof open
  rename: typeof rename
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
  /**
   * Records a good details fetch for an account that has a snapshot, with the changes it produced (archived,
   * restored), written with them. Details that equal the stored ones only move their time (written later).
   */
  recordDetails(accountId: string, details: AccountDetails, changes: readonly MembershipChange[]): Promise<void>
  /** The last 500 changes, newest sync first. */
  history(): readonly MembershipChange[]
  /** Marks the given changes (all when omitted) as seen; returns how many were unseen. */
  markSeen(ids?: readonly string[]): Promise<number>
  /** Forgets an account: its snapshot and its history. */
  removeAccount(accountId: string): Promise<void>
  /** Writes whatever is pending and waits for it (clean quit). */
  flush(): Promise<void>
  /** Why the last write failed, or null once one has succeeded (and before any failed). */
  problem(): StoreProblem | null
  /** Told when a problem begins, changes or ends (null). */
  onProblem(listener: (problem: StoreProblem | null) => void): () => void
  /** Whether something is in memory that is not on disk yet. */
  unsaved(): boolean
  /**
   * Becomes the directory's writer under `lease`: reads the file again (the last writer may have changed it since
   * this store loaded it) and from now on writes, each write confirming the lease first.
   */
  adoptLease(lease: StateLease): void
}

function emptyState(): StateFile {
  return { version: STATE_FILE_VERSION, generation: 0, accounts: {}, history: [] }
}

const GENERATION_HEAD = /^\{"version":\d+,"generation":(\d+),/

/**
 * The generation of the file on disk (0 for a missing file or one from before generations), from its first bytes.
 * Read synchronously: 64 bytes cost ~0.05 ms, while three trips through the thread pool (open, read, close) cost
 * more than that on a busy machine, on every write.
 */
async function generationOnDisk(file: string): Promise<number> {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
  try {
    const head = Buffer.alloc(64)
    const bytesRead = readSync(fd, head, 0, head.length, 0)
    const match = GENERATION_HEAD.exec(head.subarray(0, bytesRead).toString('utf8'))
    if (match) return Number(match[1])
  } finally {
    closeSync(fd)
  }
  // Written by hand or by another program: its generation is in the parsed document, if anywhere.
  try {
    const parsed = stateFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data.generation : 0
  } catch {
    return 0
  }
}

/**
 * Writes all of `bytes` from the file's start, in one call as a rule: `writeFile` writes 512 KB a call, each a trip
 * through the thread pool (a 5,000-group state file took four). A system that takes less at a time is asked for the
 * rest; one that takes nothing fails the write, as a full disk would.
 */
async function writeWhole(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, at, bytes.length - at, at)
    if (bytesWritten <= 0) throw Object.assign(new Error('the disk took none of the bytes'), { code: 'EIO' })
    at += bytesWritten
  }
}

/** A file name safe on every platform (no colons) that sorts by time. */
function stamp(time: number): string {
  return new Date(time).toISOString().replace(/[:.]/g, '-')
}

interface Loaded {
  state: StateFile
  recoveredFrom: string | null
  /**
   * The file as read, when it is ASCII (its text is then its bytes): the serialiser takes its first write from it,
   * into `room`, the buffer it was read into.
   */
  source?: { text: string; bytes: Buffer; room: Buffer }
  /** Which file was read (its inode, size and time), or null when there was none. */
  version: FileVersion | null
}

/** A file as the file system tells it apart: every write of the state file renames a new one over it. */
type FileVersion = readonly [ino: number, size: number, mtimeMs: number]

function versionOf(stats: { ino: number; size: number; mtimeMs: number }): FileVersion {
  return [stats.ino, stats.size, stats.mtimeMs]
}

/** The version of the file there now, or null when there is none (or it cannot be told). */
function versionOnDisk(file: string): FileVersion | null {
  try {
    return versionOf(statSync(file))
  } catch {
    return null
  }
}

/**
 * The whole file, read into a buffer of its own (never pooled) with room for it to grow by a quarter: the first write
 * after a start goes into that buffer (store-json.ts), so it need not touch a fresh one of the file's size.
 */
function readWithRoom(fd: number, size: number): { bytes: Buffer; room: Buffer } {
  let room = Buffer.allocUnsafeSlow(Math.ceil(size * 1.25) + 4096)
  let length = 0
  for (;;) {
    // A file that grew since fstat (written in place by another program) gets more room.
    if (length === room.length) room = Buffer.concat([room, Buffer.allocUnsafeSlow(room.length)])
    const read = readSync(fd, room, length, room.length - length, null)
    if (read === 0) return { bytes: room.subarray(0, length), room }
    length += read
  }
}

/** Whether a parsed state file is one zod would give back as it is (as-parsed.ts); it is then frozen where zod freezes. */
const isCurrentStateFile = asParsedCheckOf(currentStateFileSchema)

function load(file: string, now: () => number, logger: SyncLogger, readOnly: boolean): Loaded {
  let text: string
  let bytes: Buffer
  let room: Buffer
  let ascii: boolean
  let version: FileVersion
  try {
    const fd = openSync(file, 'r')
    try {
      const stats = fstatSync(fd)
      version = versionOf(stats)
      ;({ bytes, room } = readWithRoom(fd, stats.size))
    } finally {
      closeSync(fd)
    }
    // The file is ASCII (store-json.ts); read as Latin-1, a string of a megabyte or more is the file's own bytes, not a
    // copy decoded from UTF-8 (5,000 groups: 0.4 ms instead of 8.5). A file from before, in UTF-8, is decoded.
    ascii = isAscii(bytes)
    text = ascii ? bytes.toString('latin1') : bytes.toString('utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { state: emptyState(), recoveredFrom: null, version: null }
    throw new Error(`Cannot read the sync state file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, {
      cause: error,
    })
  }
  let reason: string
  try {
    const json: unknown = JSON.parse(text)
    const read = (state: StateFile): Loaded => ({
      state,
      recoveredFrom: null,
      version,
      ...(ascii ? { source: { text, bytes, room } } : {}),
    })
    // A file this version wrote is taken as it is; zod copies (and names the fault of) anything else.
    if (isCurrentStateFile(json)) return read(json as StateFile)
    const parsed = stateFileSchema.safeParse(json)
    if (parsed.success) return read(parsed.data)
    const issue = parsed.error.issues[0]
    reason = `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`
  } catch {
    reason = 'not JSON'
  }
  if (readOnly) {
    logger.warn({ file, reason }, 'sync state file unreadable; read as empty')
    return { state: emptyState(), recoveredFrom: null, version: null }
  }
  const aside = `${file}.corrupt-${stamp(now())}`
  try {
    renameSync(file, aside)
    logger.warn({ file, movedTo: aside, reason }, 'sync state file unreadable; moved aside, accounts start over')
    return { state: emptyState(), recoveredFrom: aside, version: null }
  } catch (error) {
    logger.error({ file, reason, code: (error as NodeJS.ErrnoException).code }, 'could not move the corrupt file aside')
    return { state: emptyState(), recoveredFrom: null, version: null }
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

export function createSyncStore({
  dir,
  now,
  clock = systemClock,
  logger = silentLogger,
  lease: initialLease,
  requireLease = false,
  readOnly = false,
  fs = { open, rename },
}: SyncStoreOptions): SyncStore {
  const file = path.join(dir, STATE_FILE_NAME)
  const timeNow = now ?? (() => clock.now())
  // A store that may write only under a lease it does not hold yet reads like a reader: it moves and removes nothing.
  const readingOnly = readOnly || (requireLease && !initialLease)
  // No closure below holds `loaded`: the file's text and bytes go once the serialiser has taken what it needs.
  const loaded = load(file, timeNow, logger, readingOnly)
  let state = loaded.state
  // The file this state was read from; a write makes another.
  let readVersion = loaded.version
  if (!readingOnly) removeStaleTemps(dir, STATE_FILE_NAME)
  let lease = initialLease
  let currentProblem: StoreProblem | null = null
  let retryTimer: TimerHandle | null = null
  const problemListeners = new Set<(problem: StoreProblem | null) => void>()

  function setProblem(problem: StoreProblem | null): void {
    const same =
      problem === currentProblem ||
      (problem !== null &&
        currentProblem !== null &&
        problem.kind === currentProblem.kind &&
        (problem.kind !== 'disk' || problem.code === (currentProblem as { code?: string }).code))
    currentProblem = problem
    if (same) return
    for (const listener of problemListeners) listener(problem)
  }
  const serialise = createStateSerialiser()
  if (loaded.source) serialise.adopt(state, loaded.source)
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
      return await fs.open(temp, 'w', 0o600)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      mkdirSync(dir, { recursive: true })
      return fs.open(temp, 'w', 0o600)
    }
  }

  async function writeOnce(): Promise<void> {
    dirty = false
    if (readOnly) throw new Error('a read-only sync store does not write')
    const temp = `${file}.${process.pid}.${tempCounter++}.tmp`
    try {
      if (lease ? !lease.confirm() : requireLease) throw new StateWriteRefusedError({ kind: 'lease_lost', dir })
      // Another writer (one without the lease, or one that took it over while this process was asleep) wrote a
      // newer snapshot: writing this one over it would bring old changes back as "while away".
      if ((await generationOnDisk(file)) > state.generation) throw new StateWriteRefusedError({ kind: 'newer', dir })
      const next: StateFile = { ...state, generation: state.generation + 1 }
      // The temporary file is opened (a trip through libuv's thread pool) while the state is serialised.
      const opening = openTemp(temp)
      let bytes: Buffer
      try {
        bytes = serialise(next)
      } catch (error) {
        await opening.then((handle) => handle.close()).catch(() => undefined)
        throw error
      }
      const handle = await opening
      try {
        await writeWhole(handle, bytes)
        // Before the rename, or a crash could leave the new name on a file whose data never reached the disk.
        // datasync suffices: it flushes the size with the data, and the times it skips do not matter here.
        await handle.datasync()
      } finally {
        await handle.close()
      }
      await fs.rename(temp, file)
      state.generation = next.generation
      setProblem(null)
    } catch (error) {
      dirty = true
      await rm(temp, { force: true }).catch(() => undefined)
      if (error instanceof StateWriteRefusedError) setProblem(error.problem)
      else setProblem({ kind: 'disk', dir, code: (error as NodeJS.ErrnoException).code ?? 'EIO' })
      retryLater()
      throw error
    }
  }

  /** A failed write is tried again, since the user may free space or fix the directory while this runs. */
  function retryLater(): void {
    if (retryTimer !== null || currentProblem?.kind !== 'disk') return
    retryTimer = clock.setTimeout(() => {
      retryTimer = null
      if (!dirty) return
      persist().catch(() => undefined) // the problem is reported through onProblem
    }, WRITE_RETRY_DELAY_MS)
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
      state.accounts[accountId] = {
        groups: stored,
        lastSyncAt: at,
        ...(previous?.details ? { details: previous.details } : {}),
      }
      if (changes.length > 0) state.history = [...changes, ...state.history].slice(0, HISTORY_LIMIT)
      if (!unchanged) return persist()
      writeLater()
      return Promise.resolve()
    },
    recordDetails(accountId, details, changes) {
      const previous = Object.hasOwn(state.accounts, accountId) ? state.accounts[accountId] : undefined
      if (!previous) return Promise.resolve()
      const unchanged = changes.length === 0 && sameDetails(previous.details?.groups, details.groups)
      // The same details keep their object, so the serialiser reuses their bytes.
      const groups = unchanged && previous.details ? previous.details.groups : details.groups
      state.accounts[accountId] = { ...previous, details: { at: details.at, groups } }
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
      if (retryTimer !== null) clock.clearTimeout(retryTimer)
      retryTimer = null
      if (dirty && !readOnly) return persist()
      await queued
      await running
    },
    problem: () => currentProblem,
    onProblem(listener) {
      problemListeners.add(listener)
      return () => problemListeners.delete(listener)
    },
    unsaved: () => dirty,
    adoptLease(next) {
      lease = next
      removeStaleTemps(dir, STATE_FILE_NAME)
      // Only what is on disk counts: until now this store could not write, so it holds nothing of its own to keep. When
      // the file is still the one it read and it took nothing in since, what it holds is what is on disk, and reading
      // it again (an app start: as long as the first read, 15 ms at 5,000 groups) would change nothing.
      const onDisk = versionOnDisk(file)
      const unchanged =
        onDisk !== null && readVersion !== null && onDisk.every((value, index) => value === readVersion?.[index])
      if (unchanged && !dirty) return
      const reloaded = load(file, timeNow, logger, false)
      state = reloaded.state
      readVersion = reloaded.version
      if (reloaded.source) serialise.adopt(state, reloaded.source)
      dirty = false
    },
  }
}
