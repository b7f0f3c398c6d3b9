// The lock that keeps two `b24-groups` commands started at once on a fresh clone from building out/cli over each
// other (the build empties the directory first). The lock file holds its owner's pid; a waiting command takes it
// over only when that owner is gone, so a slow build on a busy machine is never built over while it runs.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'

/** A lock this old is left over whatever it says: no build takes an hour, and its pid may belong to another process by now. */
export const ANCIENT_LOCK_MS = 60 * 60_000
/** A lock without a readable pid may be one that is being written this instant; older than this, it is left over. */
export const UNREADABLE_LOCK_GRACE_MS = 10_000

/**
 * Whether a lock found in place may be taken over, from what it says (`content`), how old it is and whether a pid
 * is a live process: yes when its owner is dead, when it names no owner and is past the grace period, or when it is
 * ancient; never while its owner lives.
 * @param {{ content: string | null, ageMs: number, isAlive: (pid: number) => boolean }} lock
 * @returns {boolean}
 */
export function mayTakeOver({ content, ageMs, isAlive }) {
  if (ageMs > ANCIENT_LOCK_MS) return true
  const pid = content === null ? NaN : Number(content.trim())
  if (!Number.isSafeInteger(pid) || pid <= 0) return ageMs > UNREADABLE_LOCK_GRACE_MS
  return !isAlive(pid)
}

/** True when a process with this pid exists (signal 0 checks without sending; EPERM means it exists as another user). */
export function processAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error?.code === 'EPERM'
  }
}

/** Creates the lock with this process's pid; false when it exists. */
function create(file) {
  let fd
  try {
    fd = openSync(file, 'wx')
  } catch (error) {
    if (error?.code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, String(process.pid))
  } finally {
    closeSync(fd)
  }
  return true
}

/**
 * Takes the lock at `file` for this process, writing its pid; false while another live process holds it.
 * @param {string} file
 * @returns {boolean}
 */
export function tryLock(file) {
  if (create(file)) return true
  const stat = statSync(file, { throwIfNoEntry: false })
  if (!stat) return create(file)
  let content = null
  try {
    content = readFileSync(file, 'utf8')
  } catch {
    // Unreadable: judged by its age alone.
  }
  if (!mayTakeOver({ content, ageMs: Date.now() - stat.mtimeMs, isAlive: processAlive })) return false
  // Two waiters may both find a dead owner: the lock is removed only if it is still the one judged, and the
  // exclusive create decides between them.
  if (statSync(file, { throwIfNoEntry: false })?.mtimeMs === stat.mtimeMs) rmSync(file, { force: true })
  return create(file)
}

/** The pid a lock names, or null; for the message of a command that gave up waiting. */
export function lockOwner(file) {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim())
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}
