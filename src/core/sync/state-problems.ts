// What the shells say about the state directory: who holds it, and why a write failed. One sentence each, naming the
// directory and what to do; the same words in the terminal, the app's log and its window.
import type { Translate } from '@shared/i18n'
import { describeLeaseHolder, type LeaseOwner, type StateLeaseHeldError } from './lease'
import type { StoreProblem } from './store'

/** Error codes of a file system that refuses a write, and the message each gets. */
const DISK_MESSAGES: Readonly<Record<string, 'ENOSPC' | 'EDQUOT' | 'EROFS' | 'EACCES'>> = {
  ENOSPC: 'ENOSPC',
  EDQUOT: 'EDQUOT',
  EROFS: 'EROFS',
  EACCES: 'EACCES',
  EPERM: 'EACCES',
}

/** Codes that mean "this directory cannot be written", whatever call met them. */
const DISK_CODES = new Set([...Object.keys(DISK_MESSAGES), 'ENOTDIR', 'EISDIR', 'EEXIST', 'EIO', 'EBUSY', 'ENOENT'])

/** Whether an error is the file system refusing a write (as opposed to a bug or a portal's answer). */
export function isDiskError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  const code = (error as { code?: unknown } | null)?.code
  const syscall = (error as { syscall?: unknown } | null)?.syscall
  return typeof code === 'string' && DISK_CODES.has(code) && (typeof syscall === 'string' || code in DISK_MESSAGES)
}

export function diskMessage(t: Translate, dir: string, code: string): string {
  const key = DISK_MESSAGES[code]
  return key ? t(`state:disk.${key}`, { dir }) : t('state:disk.other', { dir, code })
}

export function storeProblemMessage(t: Translate, problem: StoreProblem, holder: LeaseOwner | null = null): string {
  switch (problem.kind) {
    case 'disk':
      return diskMessage(t, problem.dir, problem.code)
    case 'newer':
      return t('state:newer', { dir: problem.dir })
    case 'lease_lost':
      return t('state:lost', { dir: problem.dir, holder: describeLeaseHolder(holder) ?? '?' })
  }
}

export function leaseHeldMessage(t: Translate, error: StateLeaseHeldError): string {
  const holder = describeLeaseHolder(error.holder)
  return holder ? t('state:inUse', { dir: error.dir, holder }) : t('state:inUseUnknown', { dir: error.dir })
}
