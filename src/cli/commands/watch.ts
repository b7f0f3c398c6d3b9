// `watch`: polls every account until SIGINT/SIGTERM, then finishes the write in flight and exits 0. It ends by itself
// only when no account can be polled any more until the user acts (every account halted: exit 3).
import { SETTING_BOUNDS } from '@shared/model/values'
import type { ErrorView } from '@shared/types'
import { isLoopbackOrigin } from '../../core/bitrix'
import type { BitrixClient } from '../../core/bitrix'
import {
  createSyncEngine,
  decideNext,
  describeLeaseHolder,
  leaseHeldMessage,
  outcomeOf,
  readLeaseHolder,
  StateLeaseHeldError,
  storeProblemMessage,
} from '../../core/sync'
import { createClientCache } from '../../core/composition/client-cache'
import { DEMO_POLL_INTERVAL_SECONDS, type CliContext, type Target } from '../context'
import type { StateWriter } from '../state-writer'
import { EXIT, type ExitCode } from '../exit-codes'
import { createWatchReporter } from './watch-report'

/** Below the app's own lowest poll interval, `watch` warns (unless every portal is on this computer). */
export const APP_MIN_INTERVAL_SECONDS = SETTING_BOUNDS.pollIntervalSeconds.min

export interface WatchOptions {
  interval?: number
  verbose?: boolean
}

/**
 * Whether the engine stops polling an account after this error: a problem only the user can fix (credentials,
 * permission, scope, plan, a moved portal, a missing method). Asked of the engine's own schedule, so the two agree.
 */
export function haltsPolling(error: ErrorView): boolean {
  const decision = decideNext({
    outcome: outcomeOf(error),
    intervalMs: 60_000,
    failures: 0,
    now: Date.now(),
    random: 0,
  })
  return decision.action === 'halt'
}

/** `--interval`, else the demo's own cadence for `--demo`, else the app's setting. */
async function pollSeconds(context: CliContext, options: WatchOptions): Promise<number> {
  if (options.interval !== undefined) return options.interval
  if (context.options.demo) return DEMO_POLL_INTERVAL_SECONDS
  return (await context.settings()).getSettings().pollIntervalSeconds
}

export async function watchCommand(context: CliContext, options: WatchOptions): Promise<ExitCode> {
  const { t } = context.i18n
  const targets = await context.targets()
  if (targets.length === 0) {
    context.err(t('cli:noAccounts'))
    return EXIT.credentials
  }
  const seconds = await pollSeconds(context, options)
  // Bitrix24's rate limit is the reason for the app's 15 s floor; a portal on this computer has none to fear.
  const allLocal = targets.every((target) => isLoopbackOrigin(target.portal))
  if (seconds < APP_MIN_INTERVAL_SECONDS && !allLocal) context.err(t('cli:intervalWarning', { seconds }))

  // One writer per state directory: a second watch (or the app) already writing it is refused with who it is.
  let writer: StateWriter
  try {
    writer = await context.stateWriter()
  } catch (error) {
    if (!(error instanceof StateLeaseHeldError)) throw error
    context.err(leaseHeldMessage(t, error))
    return EXIT.stateInUse
  }
  /** Why polling ended before a signal: every account halted, or another writer took the directory over. */
  const ended = new AbortController()
  writer.lease.onLost(() => {
    const holder = describeLeaseHolder(readLeaseHolder(writer.lease.dir)) ?? '?'
    context.err(t('state:lost', { dir: writer.lease.dir, holder }))
    ended.abort('lost')
  })
  const stopReporting = reportStateProblems(context, writer)

  const report = createWatchReporter(context, targets, options)
  const clients = clientCache(targets)
  const engine = createSyncEngine({
    sources: {
      accounts: () => targets.map((target) => ({ id: target.id, enabled: true })),
      clientFor: clients.clientFor,
      pollIntervalSeconds: () => seconds,
    },
    store: writer.store,
    // Targets are all stored accounts, or one webhook given on the command line: the words for a failure differ.
    describeError: (error) => context.describe(error, { stored: targets[0]!.stored }),
  })

  /** New portal addresses being stored: a stop waits for them, so an address proved is not lost at exit. */
  const renames = new Set<Promise<void>>()
  /** Accounts the engine stopped polling, with the error that stopped them. */
  const halted = new Map<string, ErrorView>()
  engine.on('changes', (changes) => report.changes(changes))
  engine.on('status', (status) => report.status(status))
  engine.on('synced', (event) => {
    halted.delete(event.accountId)
    report.synced(event)
    if (!event.movedTo) return
    const rename = storeRename(context, targets, event.accountId, event.movedTo, clients.renamed)
    renames.add(rename)
    void rename.finally(() => renames.delete(rename))
  })
  engine.on('error', ({ accountId, error }) => {
    report.error(accountId, error)
    if (!haltsPolling(error)) return
    halted.set(accountId, error)
    // Waiting on would wait forever: a script running `watch` learns instead that it must act.
    if (halted.size === targets.length) ended.abort('halted')
  })

  report.started(targets.length, seconds)
  engine.start()
  await context.deps.untilStopped(ended.signal)
  // Stops the pollers, lets a poll in flight settle and flushes the state file before the process ends.
  await engine.stop()
  await Promise.all(renames)
  const unsaved = await writer.close()
  stopReporting()
  const reason: unknown = ended.signal.aborted ? ended.signal.reason : 'stopped'
  if (reason === 'lost') return EXIT.stateInUse
  if (unsaved) {
    // Said again at exit, where a script's log ends; the problem itself was reported when it began.
    context.err(storeProblemMessage(t, unsaved, readLeaseHolder(writer.lease.dir)))
    if (unsaved.kind === 'disk') context.err(t('state:unsavedAtExit', { dir: unsaved.dir }))
    return unsaved.kind === 'disk' ? EXIT.notSaved : EXIT.stateInUse
  }
  if (reason === 'halted') {
    report.allHalted(halted)
    return EXIT.credentials
  }
  return EXIT.ok
}

/**
 * A renamed Bitrix24 cloud portal answered from its new address (the client follows only those by itself): a stored
 * account keeps it, as the app does, once the account service has proved the same user answers there. An ad-hoc
 * `--webhook` has nothing to store.
 */
async function storeRename(
  context: CliContext,
  targets: readonly Target[],
  accountId: string,
  movedTo: string,
  renamed: (id: string) => void,
): Promise<void> {
  if (!targets.find((target) => target.id === accountId)?.stored) return
  try {
    await (await context.accounts()).updateOrigin(accountId, movedTo)
    renamed(accountId)
  } catch {
    // Not proved (another user answers there): polling goes on through the old address, which still redirects.
  }
}

/**
 * One client per account for the whole run (an OAuth client keeps its refreshed tokens), from the core's client cache,
 * so a failed open (a locked keychain) is asked again at the next poll; `renamed` drops a client whose portal moved.
 */
function clientCache(targets: readonly Target[]): {
  clientFor(id: string): Promise<BitrixClient>
  renamed(id: string): void
} {
  const byId = new Map(targets.map((target) => [target.id, target]))
  const cache = createClientCache<BitrixClient>((id) => {
    const target = byId.get(id)
    return target ? target.client() : Promise.reject(new Error(`unknown account ${id}`))
  })
  return { clientFor: (id) => cache.get(id, ''), renamed: (id) => cache.delete(id) }
}

/**
 * Says once when saving the state starts failing (which directory, what to do) and once when it works again; with
 * --json as `{"type":"state",...}` lines. Changes found meanwhile are still reported once: they are kept in memory.
 */
function reportStateProblems(context: CliContext, writer: StateWriter): () => void {
  const { t } = context.i18n
  const dir = writer.lease.dir
  return writer.store.onProblem((problem) => {
    const holder = problem?.kind === 'lease_lost' ? readLeaseHolder(dir) : null
    const message = problem ? storeProblemMessage(t, problem, holder) : t('state:recovered', { dir })
    if (context.options.json) {
      const code = problem === null ? null : problem.kind === 'disk' ? problem.code : problem.kind.toUpperCase()
      context.json({ type: 'state', saved: problem === null, dir, code, message, at: new Date().toISOString() })
    } else context.err(message)
  })
}
