// Pushes the app state to the window and the tray after any change. A sync emits several events in a row (status,
// groups, changes, history); they are coalesced into one publish. A periodic publish keeps "synced 2 min ago" true.
import type { AppState } from '@shared/types'

export interface StatePublisherDeps {
  compose(): AppState
  publish(state: AppState): void
  /** Runs the callback once the current burst of events is over (setImmediate in the app). */
  defer(callback: () => void): void
  setInterval(callback: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
  /** How often relative times are refreshed; a minute matches their resolution. */
  tickMs?: number
}

export const STATE_TICK_MS = 60_000

export interface StatePublisher {
  /** Something changed: publish soon (once per burst). */
  changed(): void
  /** The latest published state (composed now if nothing was published yet). */
  current(): AppState
  stop(): void
}

export function createStatePublisher(deps: StatePublisherDeps): StatePublisher {
  let pending = false
  let last: AppState | null = null
  let stopped = false

  const publishNow = () => {
    pending = false
    if (stopped) return
    last = deps.compose()
    deps.publish(last)
  }
  const timer = deps.setInterval(publishNow, deps.tickMs ?? STATE_TICK_MS)
  ;(timer as { unref?: () => void } | null)?.unref?.()

  return {
    changed() {
      if (pending || stopped) return
      pending = true
      deps.defer(publishNow)
    },
    current: () => last ?? deps.compose(),
    stop() {
      stopped = true
      deps.clearInterval(timer)
    },
  }
}
