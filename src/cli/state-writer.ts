// The command line's one writer of the state directory (`watch`, and `accounts remove` for the snapshot it drops):
// it takes the directory's lease first, so a second `watch` or the app refuses instead of writing over it.
import type { StateLease, StoreProblem, SyncStore } from '../core/sync'
import { acquireStateLease, createSyncStore } from '../core/sync'

export interface StateWriter {
  store: SyncStore
  lease: StateLease
  /** Flushes, gives the lease up, and says what could not be saved (null when everything was). */
  close(): Promise<StoreProblem | null>
}

/** Throws StateLeaseHeldError when another writer holds `dir`, or the file system's error when `dir` is unusable. */
export function openStateWriter(dir: string, command: string): StateWriter {
  const lease = acquireStateLease({ dir, kind: 'cli', command })
  let store: SyncStore
  try {
    store = createSyncStore({ dir, lease })
  } catch (error) {
    lease.release()
    throw error
  }
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
        lease.release()
        return store.unsaved() ? store.problem() : null
      })()),
  }
}
