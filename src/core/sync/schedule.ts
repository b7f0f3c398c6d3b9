// When to poll next, as a pure function of what the last poll ended with. The poller only applies the decision.
import { isUserFixable, type ErrorKind } from '@shared/types'
import { boundedWaitMs } from '../bitrix/wait-limits'

export const JITTER_RATIO = 0.1
export const BACKOFF_START_MAX_MS = 30_000
export const BACKOFF_MAX_MS = 15 * 60_000
export const OVERLOAD_WAIT_MS = 30 * 60_000
/** Bitrix24 counts method time over a rolling 10 minutes: waiting that long always clears it. */
export const METHOD_TIME_FALLBACK_MS = 10 * 60_000
/** A retry time that has already passed still gets a short pause, so a stale time cannot cause a tight loop. */
export const MIN_RETRY_DELAY_MS = 1_000
// Every delay below is also bounded by MAX_WAIT_MS (one hour, see bitrix/wait-limits.ts): a retry time the portal
// named a year away waits an hour, not a year, and no delay ever overflows a timer.

export type PollOutcome =
  | { type: 'success' }
  | { type: 'error'; kind: ErrorKind; retryAt: Date | null }
  /** Cut short by pause or stop: says nothing about the portal. */
  | { type: 'aborted' }

export type ScheduleDecision =
  | { action: 'wait'; delayMs: number; failures: number; reason: 'interval' | 'backoff' | 'retry_at' | 'overload' }
  /** Polling stops until the credentials change or the user retries. */
  | { action: 'halt'; failures: number }

export interface ScheduleInput {
  outcome: PollOutcome
  intervalMs: number
  /** Consecutive failures before this outcome. */
  failures: number
  now: number
  /** In [0, 1). */
  random: number
}

/**
 * The normal interval stretched by up to 10%. Jitter only ever adds time: the app never polls more often than the user
 * asked, and N polls take at least N intervals (so 10 minutes at 60 s are exactly 10 polls from the first).
 */
export function intervalDelay(intervalMs: number, random: number): number {
  return intervalMs * (1 + JITTER_RATIO * random)
}

/**
 * Exponential backoff after `failures` consecutive failures (1 = the first): min(interval, 30 s) doubled each time,
 * capped at 15 min, with up to 10% jitter that never crosses the cap (near it the jitter points down instead).
 */
export function backoffDelay(intervalMs: number, failures: number, random: number): number {
  const start = Math.min(intervalMs, BACKOFF_START_MAX_MS)
  return jitteredUnderCap(start * 2 ** Math.max(0, failures - 1), random)
}

/** Up to 10% more, except that it never crosses the 15-min cap: there the jitter points down, so accounts stay apart. */
function jitteredUnderCap(delayMs: number, random: number): number {
  const raw = Math.min(delayMs, BACKOFF_MAX_MS)
  const up = raw * (1 + JITTER_RATIO * random)
  return up <= BACKOFF_MAX_MS ? up : BACKOFF_MAX_MS * (1 - JITTER_RATIO * random)
}

/**
 * After QUERY_LIMIT_EXCEEDED the portal's bucket is shared by every account on it, so each poll that is refused keeps
 * it full: the account doubles its wait from the whole interval (not from 30 s), never sooner than the client's retry
 * time, capped at 15 min and jittered like any backoff.
 */
export function rateLimitDelay(intervalMs: number, failures: number, untilRetryMs: number, random: number): number {
  return jitteredUnderCap(Math.max(intervalMs * 2 ** Math.max(0, failures - 1), untilRetryMs), random)
}

function untilRetryAt(retryAt: Date, now: number): number {
  return Math.max(retryAt.getTime() - now, MIN_RETRY_DELAY_MS)
}

export function decideNext(input: ScheduleInput): ScheduleDecision {
  const decision = decideUnbounded(input)
  return decision.action === 'wait' && decision.reason !== 'interval'
    ? { ...decision, delayMs: boundedWaitMs(decision.delayMs) }
    : decision
}

function decideUnbounded({ outcome, intervalMs, failures, now, random }: ScheduleInput): ScheduleDecision {
  if (outcome.type === 'success' || outcome.type === 'aborted') {
    const kept = outcome.type === 'success' ? 0 : failures
    return { action: 'wait', delayMs: intervalDelay(intervalMs, random), failures: kept, reason: 'interval' }
  }
  const { kind, retryAt } = outcome
  if (isUserFixable(kind)) {
    // The one such problem that fixes itself is a method awaiting the admin's approval; the client then says when to
    // ask again (rarely), and polling goes on at that pace instead of stopping.
    if (retryAt)
      return { action: 'wait', delayMs: untilRetryAt(retryAt, now), failures: failures + 1, reason: 'retry_at' }
    return { action: 'halt', failures: failures + 1 }
  }
  switch (kind) {
    case 'rate_limit': {
      // Without the client's retry time it slows down like any transient failure.
      if (!retryAt) break
      const next = failures + 1
      const delayMs = rateLimitDelay(intervalMs, next, untilRetryAt(retryAt, now), random)
      return { action: 'wait', delayMs, failures: next, reason: 'backoff' }
    }
    case 'method_time': {
      // Each refused call counts as a failure and waits at least the backoff: a portal that answers 429 every time
      // while naming a reset that is always about to pass is then asked at the backoff's pace, not the reset's.
      const next = failures + 1
      const untilReset = retryAt ? untilRetryAt(retryAt, now) : METHOD_TIME_FALLBACK_MS
      const delayMs = Math.max(untilReset, backoffDelay(intervalMs, next, random))
      return { action: 'wait', delayMs, failures: next, reason: 'retry_at' }
    }
    case 'overload':
      return {
        action: 'wait',
        delayMs: OVERLOAD_WAIT_MS * (1 + JITTER_RATIO * random),
        failures: failures + 1,
        reason: 'overload',
      }
  }
  // network (timeouts included), server, protocol, and rate limits without a delay.
  const next = failures + 1
  return { action: 'wait', delayMs: backoffDelay(intervalMs, next, random), failures: next, reason: 'backoff' }
}
