// One writer per state directory. The app and every `watch` share the config directory by default; two writers
// would each write their own snapshot over the other's, and the one that stops last would make the next start report
// old changes again. Whoever writes the state first takes this lease: a lock file naming its owner, renewed by a
// heartbeat, and taken over when that heartbeat stops (or the owner's process is gone).
//
// Not proper-lockfile, though it is the usual choice: it records no owner (a second writer could not say who holds
// the directory), it loads signal-exit 3, whose SIGINT handler re-raises the signal once our own listener has run and
// so kills `watch` before its final write, and it has had no release since 2020.
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import type { Clock, TimerHandle } from './clock'
import { sleep, systemClock } from './clock'

export const LEASE_FILE_NAME = 'sync-state.lock'
/** A heartbeat older than this means the owner is gone (crashed, killed, or its machine asleep). */
export const LEASE_STALE_MS = 30_000
/** How often the owner renews it: three beats fit in the stale time, so one late beat loses nothing. */
export const LEASE_HEARTBEAT_MS = 10_000

export type LeaseHolderKind = 'app' | 'cli'

export interface LeaseOwner {
  kind: LeaseHolderKind
  /** What the owner is, in words (`b24-groups watch`, `Bitrix24 Groups`). */
  command: string
  pid: number
  host: string
  /** ISO times. */
  since: string
  heartbeatAt: string
  /** Tells this lease from the next one of the same process. */
  token: string
}

const ownerSchema = z.object({
  kind: z.enum(['app', 'cli']),
  command: z.string().max(200),
  pid: z.number().int().positive(),
  host: z.string().max(255),
  since: z.iso.datetime({ offset: true }),
  heartbeatAt: z.iso.datetime({ offset: true }),
  token: z.string().min(1).max(100),
}) satisfies z.ZodType<LeaseOwner>

/** Someone else writes this directory; `holder` is null when the lock file could not be read. */
export class StateLeaseHeldError extends Error {
  override readonly name = 'StateLeaseHeldError'
  readonly code = 'STATE_LEASE_HELD'
  constructor(
    readonly dir: string,
    readonly holder: LeaseOwner | null,
  ) {
    super(`the state directory ${dir} is in use by another writer`)
  }
}

export interface StateLease {
  readonly dir: string
  readonly owner: LeaseOwner
  /** False once another writer took the lease over (this one's heartbeat had stopped): stop writing at once. */
  held(): boolean
  /** Reads the lock file again: true when it is still this lease (asked right before each state write). */
  confirm(): boolean
  /** Called once when the lease is lost. */
  onLost(listener: () => void): void
  /** Gives the lease up (only when it is still this one's). */
  release(): void
}

export interface LeaseOptions {
  dir: string
  kind: LeaseHolderKind
  command: string
  clock?: Clock
  staleMs?: number
  heartbeatMs?: number
  /** Whether a process of this host still runs (injected in tests). */
  isAlive?: (pid: number) => boolean
  pid?: number
  host?: string
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOwner(file: string): LeaseOwner | null | 'missing' {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw error
  }
  try {
    const parsed = ownerSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Takes the lease of `dir`, or throws StateLeaseHeldError naming who holds it. Disk errors are thrown as they are. */
export function acquireStateLease(options: LeaseOptions): StateLease {
  const clock = options.clock ?? systemClock
  const staleMs = options.staleMs ?? LEASE_STALE_MS
  const heartbeatMs = options.heartbeatMs ?? LEASE_HEARTBEAT_MS
  const isAlive = options.isAlive ?? processIsAlive
  const host = options.host ?? hostname()
  const file = path.join(options.dir, LEASE_FILE_NAME)
  const iso = () => new Date(clock.now()).toISOString()
  const owner: LeaseOwner = {
    kind: options.kind,
    command: options.command,
    pid: options.pid ?? process.pid,
    host,
    since: iso(),
    heartbeatAt: iso(),
    token: randomUUID(),
  }

  function isStale(holder: LeaseOwner | null): boolean {
    if (holder === null) {
      // Unreadable: half-written by an owner that died at once, or not ours. Its age decides.
      try {
        return clock.now() - statSync(file).mtimeMs > staleMs
      } catch {
        return true
      }
    }
    if (holder.host === host && !isAlive(holder.pid)) return true
    return clock.now() - Date.parse(holder.heartbeatAt) > staleMs
  }

  function tryCreate(): boolean {
    try {
      writeFileSync(file, JSON.stringify(owner), { flag: 'wx', mode: 0o600 })
      return true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
      throw error
    }
  }

  mkdirSync(options.dir, { recursive: true })
  let acquired = tryCreate()
  if (!acquired) {
    const holder = readOwner(file)
    if (holder !== 'missing' && !isStale(holder)) throw new StateLeaseHeldError(options.dir, holder)
    // Moving the stale file aside is atomic: of two processes taking over at once, one moves it and creates the new
    // lock; the other finds the new lock (fresh) and refuses.
    const aside = `${file}.stale-${owner.token}`
    try {
      renameSync(file, aside)
      rmSync(aside, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    acquired = tryCreate()
    if (!acquired) {
      const next = readOwner(file)
      throw new StateLeaseHeldError(options.dir, next === 'missing' ? null : next)
    }
  }

  let held = true
  let timer: TimerHandle | null = null
  const lostListeners: (() => void)[] = []

  function lose(): void {
    if (!held) return
    held = false
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    for (const listener of lostListeners.splice(0)) listener()
  }

  function stillOurs(): boolean {
    try {
      const current = readOwner(file)
      return current !== 'missing' && current !== null && current.token === owner.token
    } catch {
      // A disk that cannot be read says nothing about who holds the lease; the store reports the disk itself.
      return true
    }
  }

  function beat(): void {
    timer = null
    if (!held) return
    if (!stillOurs()) return lose()
    owner.heartbeatAt = iso()
    const temp = `${file}.${owner.token}.tmp`
    try {
      writeFileSync(temp, JSON.stringify(owner), { mode: 0o600 })
      renameSync(temp, file)
    } catch {
      // A full or read-only disk stops the heartbeat from being written; the store reports that problem. The lease
      // goes stale for others, and the next beat that finds another owner gives it up.
      rmSync(temp, { force: true })
    }
    schedule()
  }

  function schedule(): void {
    timer = clock.setTimeout(beat, heartbeatMs)
  }
  schedule()

  return {
    dir: options.dir,
    owner,
    held: () => held,
    confirm() {
      if (held && !stillOurs()) lose()
      return held
    },
    onLost(listener) {
      if (!held) listener()
      else lostListeners.push(listener)
    },
    release() {
      if (!held) return
      const ours = stillOurs()
      held = false
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
      if (ours) rmSync(file, { force: true })
    },
  }
}

export interface WaitOptions {
  /** How long between tries (default: the heartbeat). */
  retryMs?: number
  signal?: AbortSignal
  /** Told when the lease is found held, with who holds it: once per holder, not at every try. */
  onWaiting?: (error: StateLeaseHeldError) => void
}

/**
 * Takes the lease, waiting while another writer holds it and trying again every `retryMs` (the app: it starts with
 * whatever is on disk and begins to poll once the other writer stops or its heartbeat does). Resolves null when the
 * signal aborts first. Disk errors are thrown as they are.
 */
export async function waitForStateLease(options: LeaseOptions, wait: WaitOptions = {}): Promise<StateLease | null> {
  const clock = options.clock ?? systemClock
  const retryMs = wait.retryMs ?? options.heartbeatMs ?? LEASE_HEARTBEAT_MS
  let toldAbout: string | null = null
  for (;;) {
    if (wait.signal?.aborted) return null
    try {
      return acquireStateLease(options)
    } catch (error) {
      if (!(error instanceof StateLeaseHeldError)) throw error
      const holder = error.holder?.token ?? ''
      if (holder !== toldAbout) wait.onWaiting?.(error)
      toldAbout = holder
    }
    await sleep(clock, retryMs, wait.signal)
  }
}

/** The holder in words for a message: "b24-groups watch (pid 4242 on host, since 2026-12-01T20:01:02Z)". */
export function describeLeaseHolder(holder: LeaseOwner | null): string | null {
  if (!holder) return null
  return `${holder.command} (pid ${holder.pid} on ${holder.host}, since ${holder.since})`
}

/** Who holds the lease of `dir` now, if anyone can tell (for the message of a writer that lost it). */
export function readLeaseHolder(dir: string): LeaseOwner | null {
  try {
    const holder = readOwner(path.join(dir, LEASE_FILE_NAME))
    return holder === 'missing' ? null : holder
  } catch {
    return null
  }
}
