import { SETTING_BOUNDS } from '@shared/model/values'
import type { ErrorKind } from '@shared/types'
import {
  createSyncEngine,
  describeLeaseHolder,
  leaseHeldMessage,
  readLeaseHolder,
  StateLeaseHeldError,
  storeProblemMessage,
} from '../../core/sync'
import type { CliContext } from '../context'
import { EXIT, type ExitCode } from '../exit-codes'
import { changeEvent, errorEvent, syncedEvent } from '../output'
import { movedHint, movedToOf } from '../portal-move'
import { describeChange } from './describe-change'

const CREDENTIAL_KINDS: ReadonlySet<ErrorKind> = new Set(['auth', 'permission', 'scope', 'plan'])
/** Below the app's own lowest poll interval, `watch` warns. */
export const APP_MIN_INTERVAL_SECONDS = SETTING_BOUNDS.pollIntervalSeconds.min

export interface WatchOptions {
  interval?: number
}

export async function watchCommand(context: CliContext, options: WatchOptions): Promise<ExitCode> {
  const { t } = context.i18n
  const targets = await context.targets()
  if (targets.length === 0) {
    context.err(t('cli:noAccounts'))
    return EXIT.credentials
  }
  const seconds = options.interval ?? context.settings().getSettings().pollIntervalSeconds
  if (seconds < APP_MIN_INTERVAL_SECONDS) context.err(t('cli:intervalWarning', { seconds }))

  // One writer per state directory: a second watch (or the app) already writing it is refused with who it is.
  let writer: ReturnType<CliContext['stateWriter']>
  try {
    writer = context.stateWriter()
  } catch (error) {
    if (!(error instanceof StateLeaseHeldError)) throw error
    context.err(leaseHeldMessage(t, error))
    return EXIT.stateInUse
  }
  let leaseLost: () => void = () => {}
  const lostLease = new Promise<void>((resolve) => (leaseLost = resolve))
  writer.lease.onLost(() => {
    const holder = describeLeaseHolder(readLeaseHolder(writer.lease.dir)) ?? '?'
    context.err(t('state:lost', { dir: writer.lease.dir, holder }))
    leaseLost()
  })
  const stopReporting = reportStateProblems(context, writer)

  const byId = new Map(targets.map((target) => [target.id, target]))
  const clients = new Map<string, ReturnType<(typeof targets)[number]['client']>>()
  const engine = createSyncEngine({
    sources: {
      accounts: () => targets.map((target) => ({ id: target.id, enabled: true })),
      clientFor: (id) => {
        let client = clients.get(id)
        if (!client) {
          const target = byId.get(id)
          if (!target) throw new Error(`unknown account ${id}`)
          client = target.client()
          clients.set(id, client)
        }
        return client
      },
      pollIntervalSeconds: () => seconds,
    },
    store: writer.store,
    describeError: (error) => context.describe(error),
  })

  const time = () => new Date().toLocaleTimeString(context.i18n.language, { hour12: false })
  const halted = new Set<string>()
  let allHalted: () => void = () => {}
  const everyAccountHalted = new Promise<void>((resolve) => (allHalted = resolve))

  engine.on('changes', (changes) => {
    for (const change of changes) {
      if (context.options.json) context.json(changeEvent(change))
      else context.out(`${time()}  ${change.accountId}  ${describeChange(t, change)}`)
    }
  })
  engine.on('synced', (event) => {
    halted.delete(event.accountId)
    if (context.options.json) {
      context.json(syncedEvent(event.accountId, event.groupCount, event.baseline, new Date(event.at)))
    } else {
      const groups = t('cli:groupCount', { count: event.groupCount })
      const line = t('cli:synced', { time: time(), account: event.accountId, groups })
      context.out(event.baseline ? `${line} ${t('cli:baseline')}` : line)
    }
  })
  engine.on('error', ({ accountId, error }) => {
    if (context.options.json) context.json(errorEvent(accountId, error))
    else {
      const retry = error.retryAt
        ? ` (${t('cli:retryAt', { time: new Date(error.retryAt).toLocaleTimeString() })})`
        : ''
      const movedTo = movedToOf(error)
      const target = byId.get(accountId) ?? { id: accountId, stored: false }
      const hint = movedTo ? ` ${movedHint(context, target, movedTo)}` : ''
      const line = t('cli:accountFailed', { account: accountId, message: error.message })
      context.err(`${time()}  ${line}${retry}${hint}`)
    }
    // The engine stops polling an account whose credentials are refused; when that is every account, a script
    // waiting on `watch` would wait forever, so the command ends with the credentials exit code instead.
    if (CREDENTIAL_KINDS.has(error.kind)) {
      halted.add(accountId)
      if (halted.size === targets.length) allHalted()
    }
  })

  if (!context.options.json) context.out(t('cli:watchStarted', { count: targets.length, seconds }))
  engine.start()
  const reason = await Promise.race([
    context.deps.untilStopped().then(() => 'stopped' as const),
    everyAccountHalted.then(() => 'halted' as const),
    lostLease.then(() => 'lost' as const),
  ])
  await engine.stop()
  const unsaved = await writer.close()
  stopReporting()
  if (reason === 'lost') return EXIT.stateInUse
  if (unsaved) {
    // Said again at exit, where a script's log ends; the problem itself was reported when it began.
    context.err(storeProblemMessage(t, unsaved, readLeaseHolder(writer.lease.dir)))
    if (unsaved.kind === 'disk') context.err(t('state:unsavedAtExit', { dir: unsaved.dir }))
    return unsaved.kind === 'disk' ? EXIT.notSaved : EXIT.stateInUse
  }
  if (reason === 'halted') {
    context.err(t('cli:allHalted'))
    return EXIT.credentials
  }
  return EXIT.ok
}

/**
 * Says once when saving the state starts failing (which directory, what to do) and once when it works again; with
 * --json as `{"type":"state",...}` lines. Changes found meanwhile are still reported once: they are kept in memory.
 */
function reportStateProblems(context: CliContext, writer: ReturnType<CliContext['stateWriter']>): () => void {
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
