// `watch`: polls every account until SIGINT/SIGTERM, then finishes the write in flight and exits 0. It ends by itself
// only when no account can be polled any more until the user acts (every account halted: exit 3).
import { SETTING_BOUNDS } from '@shared/model/values'
import type { ErrorView } from '@shared/types'
import { isLoopbackOrigin } from '../../core/bitrix'
import type { BitrixClient } from '../../core/bitrix'
import { createSyncEngine, decideNext, outcomeOf } from '../../core/sync'
import { DEMO_POLL_INTERVAL_SECONDS, type CliContext, type Target } from '../context'
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

  const report = createWatchReporter(context, targets, options)
  const engine = createSyncEngine({
    sources: {
      accounts: () => targets.map((target) => ({ id: target.id, enabled: true })),
      clientFor: clientCache(targets),
      pollIntervalSeconds: () => seconds,
    },
    store: await context.syncStore(),
    // Targets are all stored accounts, or one webhook given on the command line: the words for a failure differ.
    describeError: (error) => context.describe(error, { stored: targets[0]!.stored }),
  })

  /** Accounts the engine stopped polling, with the error that stopped them. */
  const halted = new Map<string, ErrorView>()
  const ended = new AbortController()
  engine.on('changes', (changes) => report.changes(changes))
  engine.on('synced', (event) => {
    halted.delete(event.accountId)
    report.synced(event)
  })
  engine.on('error', ({ accountId, error }) => {
    report.error(accountId, error)
    if (!haltsPolling(error)) return
    halted.set(accountId, error)
    // Waiting on would wait forever: a script running `watch` learns instead that it must act.
    if (halted.size === targets.length) ended.abort()
  })

  report.started(targets.length, seconds)
  engine.start()
  await context.deps.untilStopped(ended.signal)
  // Stops the pollers, lets a poll in flight settle and flushes the state file before the process ends.
  await engine.stop()
  if (ended.signal.aborted) {
    report.allHalted(halted)
    return EXIT.credentials
  }
  return EXIT.ok
}

/** One client per account for the whole run (an OAuth client keeps its refreshed tokens). */
function clientCache(targets: readonly Target[]): (id: string) => Promise<BitrixClient> {
  const byId = new Map(targets.map((target) => [target.id, target]))
  const clients = new Map<string, Promise<BitrixClient>>()
  return (id) => {
    let client = clients.get(id)
    if (!client) {
      const target = byId.get(id)
      if (!target) throw new Error(`unknown account ${id}`)
      client = target.client()
      clients.set(id, client)
    }
    return client
  }
}
