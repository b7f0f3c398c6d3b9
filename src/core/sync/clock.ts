// Time as the sync engine sees it. Injected everywhere so that tests run on a fake clock and never wait.
import { timerMs } from '../bitrix/wait-limits'

/** An opaque timer handle: whatever `setTimeout` returned. */
export type TimerHandle = unknown

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
  /** A number in [0, 1), for jitter. */
  random(): number
}

/**
 * The real clock. Its timers are unref'd: a poll schedule alone must never keep a Node process (the CLI) alive. A
 * delay is bounded to what a timer takes as given, since a longer one would fire after 1 ms.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const timer = setTimeout(callback, timerMs(ms))
    timer.unref()
    return timer
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>)
  },
  random: () => Math.random(),
}

/** Resolves after `ms` on the given clock, or as soon as the signal aborts (it never rejects). */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const onAbort = () => {
      clock.clearTimeout(handle)
      resolve()
    }
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
