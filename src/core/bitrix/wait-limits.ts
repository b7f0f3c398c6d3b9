// Every wait the app computes from what a portal said (a retry time, an `operating_reset_at`, a backoff) is bounded
// here, once. A portal that names a reset weeks away, or in milliseconds where seconds are documented, must neither
// park an account for a year nor overflow a timer: Node turns a delay above 2^31-1 ms into 1 ms, which hammers a
// throttled portal until it blocks the webhook.

/** The longest the app ever waits before asking a portal again: one hour. */
export const MAX_WAIT_MS = 60 * 60_000

/** The longest delay a Node or browser timer takes as given; anything above it fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * `operating_reset_at` is documented as unix time in seconds. A number this large can only be milliseconds: as
 * seconds it would be the year 5138, as milliseconds it is 1973.
 */
const MILLISECONDS_FROM = 1e11

/** A computed wait, bounded to [0, MAX_WAIT_MS]; a value that is not a number waits the ceiling rather than not at all. */
export function boundedWaitMs(ms: number): number {
  if (Number.isNaN(ms)) return MAX_WAIT_MS
  return Math.min(Math.max(0, ms), MAX_WAIT_MS)
}

/** A delay a timer takes as given: [0, MAX_TIMER_MS], and not a number counts as the longest. */
export function timerMs(ms: number): number {
  if (Number.isNaN(ms)) return MAX_TIMER_MS
  return Math.min(Math.max(0, ms), MAX_TIMER_MS)
}

/**
 * The instant (epoch ms) an `operating_reset_at` names, read as seconds or, when it can only be that, milliseconds;
 * never later than MAX_WAIT_MS from `now`. Null for a value that names no instant.
 */
export function operatingResetAtMs(raw: number, now: number): number | null {
  if (!Number.isFinite(raw) || raw <= 0) return null
  const at = raw >= MILLISECONDS_FROM ? raw : raw * 1000
  return Math.min(at, now + MAX_WAIT_MS)
}
