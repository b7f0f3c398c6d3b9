// What the app says about its state directory: while another writer holds it, that the app waits and takes over;
// when the disk refuses a write, which directory and what to do. The sentence is built here, in the user's language.
import type { Translate } from '@shared/i18n'
import type { StateProblemView } from '@shared/types'
import {
  describeLeaseHolder,
  isDiskError,
  readLeaseHolder,
  storeProblemMessage,
  type LeaseOwner,
  type StateLeaseHeldError,
  type StoreProblem,
} from '../../core/sync'

export interface StateProblemInput {
  /** The lease is held by another writer and the app waits for it; null once the app has it. */
  waiting: { dir: string; holder: LeaseOwner | null } | null
  /** Why the store's last write failed, or null. */
  store: StoreProblem | null
  /** Who holds the lease of a directory now (asked only when the app lost it). */
  holderOf(dir: string): LeaseOwner | null
}

/** The one problem the window and tray show: waiting outranks a store problem (nothing is written meanwhile). */
export function stateProblemView(t: Translate, input: StateProblemInput): StateProblemView | null {
  if (input.waiting) {
    const { dir } = input.waiting
    const holder = describeLeaseHolder(input.waiting.holder)
    const message = holder ? t('state:waiting', { dir, holder }) : t('state:waitingUnknown', { dir })
    return { kind: 'lease_held', dir, holder, message }
  }
  const problem = input.store
  if (!problem) return null
  if (problem.kind === 'disk')
    return { kind: 'disk', dir: problem.dir, holder: null, message: storeProblemMessage(t, problem) }
  const owner = input.holderOf(problem.dir)
  return {
    kind: 'lease_lost',
    dir: problem.dir,
    holder: describeLeaseHolder(owner),
    message: storeProblemMessage(t, problem, owner),
  }
}

export interface StateDirectoryDeps {
  startWhenFree(wait: { retryMs?: number; onWaiting?: (error: StateLeaseHeldError) => void }): Promise<void>
  store(): { problem(): StoreProblem | null; onProblem(listener: (problem: StoreProblem | null) => void): () => void }
  /** The state directory (named when the lease file itself cannot be written). */
  dir: string
  /** Something the window shows changed: publish. */
  changed(): void
  log?: (holder: LeaseOwner | null) => void
  retryMs?: number
}

export interface StateDirectory {
  /** Resolves once the app writes the directory (or stop() came first). */
  readonly started: Promise<void>
  problem(t: Translate): StateProblemView | null
  stop(): void
}

/** Starts the engine once the directory is free, and keeps what the user must know about it for the app state. */
export function watchStateDirectory(deps: StateDirectoryDeps): StateDirectory {
  let waiting: StateProblemInput['waiting'] = null
  // The lease file itself could not be written: the app cannot start writing until the user fixes the directory.
  let startFailure: StoreProblem | null = null
  const unsubscribe = deps.store().onProblem(() => deps.changed())
  const started = deps
    .startWhenFree({
      ...(deps.retryMs !== undefined && { retryMs: deps.retryMs }),
      onWaiting: (error) => {
        waiting = { dir: error.dir, holder: error.holder }
        deps.log?.(error.holder)
        deps.changed()
      },
    })
    .catch((error: unknown) => {
      if (!isDiskError(error)) throw error
      startFailure = { kind: 'disk', dir: deps.dir, code: error.code }
    })
    .finally(() => {
      waiting = null
      deps.changed()
    })
  return {
    started,
    problem: (t) =>
      stateProblemView(t, { waiting, store: startFailure ?? deps.store().problem(), holderOf: readLeaseHolder }),
    stop: unsubscribe,
  }
}
