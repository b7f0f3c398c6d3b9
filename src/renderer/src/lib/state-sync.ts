// The window's own copy of main's state: fetched whole once (`state:get`), then kept up to date by the deltas main
// sends (`state:delta`, shared/state-delta.ts). A payload that is not a delta, one out of sequence, or one that does
// not fit the copy (a patch for a list of another length) is not applied: the copy is fetched whole again, so a bad
// message loses nothing.
import type { AppState } from '@shared/types'
import { applyStateDelta, isStateDelta } from '@shared/state-delta'

export interface StateSyncOptions {
  fetchState(): Promise<AppState>
  /** The copy changed (`previous` is null the first time). */
  onState(next: AppState, previous: AppState | null): void
  /** Why a delta was not applied, for the console. */
  warn?(message: string): void
}

export interface StateSync {
  /** Fetches the whole state; deltas that arrive before it are already in it. */
  start(): Promise<void>
  /** A `state:delta` payload, as it arrived. */
  receive(payload: unknown): void
  current(): AppState | null
}

export function createStateSync(options: StateSyncOptions): StateSync {
  let copy: AppState | null = null
  /** The last delta applied; null right after a whole fetch, when any next number is accepted. */
  let lastSeq: number | null = null
  let fetching: Promise<void> | null = null

  function adopt(next: AppState): void {
    const previous = copy
    copy = next
    options.onState(next, previous)
  }

  function refetch(): Promise<void> {
    fetching ??= options
      .fetchState()
      .then((state) => {
        lastSeq = null
        adopt(state)
      })
      .finally(() => (fetching = null))
    return fetching
  }

  function resync(why: string): void {
    options.warn?.(`state delta not applied (${why}); fetching the whole state`)
    void refetch().catch(() => undefined)
  }

  return {
    start: () => refetch(),
    receive(payload) {
      // Before the first copy (or while one is being fetched) a delta is already part of what the fetch returns.
      if (copy === null || fetching) return
      if (!isStateDelta(payload)) return resync('not a delta')
      if (lastSeq !== null && payload.seq !== lastSeq + 1) return resync(`expected ${lastSeq + 1}, got ${payload.seq}`)
      const next = applyStateDelta(copy, payload)
      if (next === null) return resync('does not fit the copy')
      lastSeq = payload.seq
      adopt(next)
    },
    current: () => copy,
  }
}
