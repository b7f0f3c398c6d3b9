// The command line's one writer of the state directory (`watch`): it takes the directory's lease from the core
// first, so a second `watch` or the app refuses instead of writing over it.
import type { Core } from '../core/composition'
import type { StateLease, StoreProblem, SyncStore } from '../core/sync'

export interface StateWriter {
  store: SyncStore
  lease: StateLease
  /** Flushes and says what could not be saved (null when everything was); the core gives the lease up at its stop. */
  close(): Promise<StoreProblem | null>
}

/** Throws StateLeaseHeldError when another writer holds the directory, or the file system's error when unusable. */
export function openStateWriter(core: Core): StateWriter {
  const lease = core.takeStateLease()
  const store = core.syncStore
  let closed: Promise<StoreProblem | null> | null = null
  return {
    store,
    lease,
    close: () =>
      (closed ??= (async () => {
        try {
          await store.flush()
        } catch {
          // Reported through problem() below: a failed final write is a sentence and an exit code, not a stack trace.
        }
        return store.unsaved() ? store.problem() : null
      })()),
  }
}
