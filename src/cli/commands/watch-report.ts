// What `watch` prints. JSON: one object per event (changes, every sync, every error), the documented contract.
// Human: made for a terminal left open for hours, so changes and problems only: a problem when it starts (not at every
// retry), a line when the account works again, and sync lines only with --verbose.
import type { ErrorView, MembershipChange, SyncStatus } from '@shared/types'
import type { SyncedEvent } from '../../core/sync'
import type { CliContext, Target } from '../context'
import { changeEvent, detailsEvent, errorEvent, syncedEvent } from '../output'
import { movedHint, movedToOf } from '../portal-move'
import { describeChange } from './describe-change'

export interface WatchReporter {
  started(accounts: number, seconds: number): void
  changes(changes: readonly MembershipChange[]): void
  synced(event: SyncedEvent): void
  error(accountId: string, error: ErrorView): void
  /**
   * The account's status as the engine reports it: a details error (most often the missing socialnetwork scope) is
   * said once when it begins and once when details work again, never at every refresh.
   */
  status(status: SyncStatus): void
  /** Every account is halted for a problem polling cannot fix: one sentence per account saying what to do. */
  allHalted(halted: ReadonlyMap<string, ErrorView>): void
}

export function createWatchReporter(
  context: CliContext,
  targets: readonly Target[],
  options: { verbose?: boolean },
): WatchReporter {
  const { t } = context.i18n
  const byId = new Map(targets.map((target) => [target.id, target]))
  const time = (at: Date = new Date()) => at.toLocaleTimeString(context.i18n.language, { hour12: false })
  /** The error last printed per account, so a problem that persists through retries is printed once. */
  const lastPrinted = new Map<string, string>()
  /** The details error code last said per account (null: details work); an account not in it has said nothing yet. */
  const detailsSaid = new Map<string, string | null>()

  /** Whether the account's details error differs from what was last said (a first good refresh says nothing). */
  function detailsChanged(status: SyncStatus): boolean {
    const code = status.detailsError?.code ?? null
    const said = detailsSaid.has(status.accountId) ? detailsSaid.get(status.accountId) : null
    if (code === said) return false
    detailsSaid.set(status.accountId, code)
    return true
  }

  /** The error as one sentence: what happened and what to do, with a moved portal's new address and how to accept it. */
  function sentence(accountId: string, error: ErrorView): string {
    const movedTo = movedToOf(error)
    const hint = movedTo
      ? ` ${movedHint(context, byId.get(accountId) ?? { id: accountId, stored: false }, movedTo)}`
      : ''
    return `${t('cli:accountFailed', { account: accountId, message: error.message })}${hint}`
  }

  if (context.options.json) {
    return {
      started: () => {},
      changes: (changes) => changes.forEach((change) => context.json(changeEvent(change))),
      synced: (event) =>
        context.json(syncedEvent(event.accountId, event.groupCount, event.baseline, new Date(event.at))),
      error: (accountId, error) => context.json(errorEvent(accountId, error)),
      status: (status) => {
        if (detailsChanged(status)) context.json(detailsEvent(status.accountId, status.detailsError))
      },
      allHalted: (halted) => halted.forEach((error, accountId) => context.err(sentence(accountId, error))),
    }
  }

  return {
    started: (accounts, seconds) => context.out(t('cli:watchStarted', { count: accounts, seconds })),
    changes(changes) {
      for (const change of changes) context.out(`${time()}  ${change.accountId}  ${describeChange(t, change)}`)
    },
    synced(event) {
      if (lastPrinted.delete(event.accountId)) {
        context.out(`${time()}  ${t('cli:recovered', { account: event.accountId })}`)
      }
      if (!options.verbose) return
      const groups = t('cli:groupCount', { count: event.groupCount })
      const line = t('cli:synced', { time: time(), account: event.accountId, groups })
      context.out(event.baseline ? `${line} ${t('cli:baseline')}` : line)
    },
    error(accountId, error) {
      if (!options.verbose && lastPrinted.get(accountId) === error.code) return
      lastPrinted.set(accountId, error.code)
      const retry = error.retryAt ? ` (${t('cli:retryAt', { time: time(new Date(error.retryAt)) })})` : ''
      context.err(`${time()}  ${sentence(accountId, error)}${retry}`)
    },
    status(status) {
      if (!detailsChanged(status)) return
      const { accountId, detailsError } = status
      if (detailsError)
        context.err(`${time()}  ${t('cli:detailsUnavailable', { account: accountId, message: detailsError.message })}`)
      else context.out(`${time()}  ${t('cli:detailsRecovered', { account: accountId })}`)
    },
    allHalted(halted) {
      context.err(t('cli:allHaltedHeader'))
      halted.forEach((error, accountId) => context.err(`  ${sentence(accountId, error)}`))
    },
  }
}
