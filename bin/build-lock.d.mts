export const ANCIENT_LOCK_MS: number
export const UNREADABLE_LOCK_GRACE_MS: number
export function mayTakeOver(lock: { content: string | null; ageMs: number; isAlive: (pid: number) => boolean }): boolean
export function processAlive(pid: number): boolean
export function tryLock(file: string): boolean
export function lockOwner(file: string): number | null
