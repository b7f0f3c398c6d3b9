// Which problems the window shows, and how loudly. A problem that passes by itself (a network blip, a rate limit, an
// overloaded server) is one quiet line that says when the next try is; a problem only the user can fix (credentials,
// scope, plan, a moved portal) is a banner whose whole sentence and action stay readable.
import {
  isUserFixable,
  type AccountView,
  type ErrorKind,
  type ErrorView,
  type StateProblemView,
  type SyncStatus,
} from '@shared/types'
import type { UserFixableErrorKind } from '@shared/model/values'
import type { Translate } from './i18n'
import { formatRelativeTime } from './relative-time'

export type ProblemRank = 'transient' | 'fixable'

/** The kinds of the quiet line, each with its short text (`problems.short.*`). */
type TransientKind = Exclude<ErrorKind, UserFixableErrorKind>

export const problemRank = (kind: ErrorKind): ProblemRank => (isUserFixable(kind) ? 'fixable' : 'transient')

/**
 * The state directory's problem: waiting while another copy saves passes by itself (the app takes over); a disk that
 * refuses, or a directory another copy took over, is the user's to fix.
 */
export const stateProblemRank = (problem: StateProblemView): ProblemRank =>
  problem.kind === 'lease_held' ? 'transient' : 'fixable'

export interface Problem {
  account: AccountView
  error: ErrorView
}

export interface RankedProblems {
  /** Banners, in account order. */
  fixable: Problem[]
  /** One quiet line. */
  transient: Problem[]
  /** The soonest planned retry among the transient problems still ahead of `now`, or null. */
  nextTryAt: string | null
}

/** The failing accounts' problems, ranked; accounts without a status or in another state have none. */
export function rankProblems(
  accounts: readonly AccountView[],
  statuses: readonly SyncStatus[],
  now: Date,
): RankedProblems {
  const fixable: Problem[] = []
  const transient: Problem[] = []
  let nextTry = Number.POSITIVE_INFINITY
  for (const account of accounts) {
    const status = statuses.find((candidate) => candidate.accountId === account.id)
    if (status?.state !== 'error' || !status.error) continue
    const problem = { account, error: status.error }
    if (problemRank(status.error.kind) === 'fixable') {
      fixable.push(problem)
      continue
    }
    transient.push(problem)
    const retryAt = status.error.retryAt ? Date.parse(status.error.retryAt) : Number.NaN
    if (retryAt > now.getTime() && retryAt < nextTry) nextTry = retryAt
  }
  return { fixable, transient, nextTryAt: Number.isFinite(nextTry) ? new Date(nextTry).toISOString() : null }
}

export interface TransientLineContext {
  /** Name the account (there are several). */
  named: boolean
  now: Date
  language: string
  t: Translate
}

/** The quiet line for problems that pass by themselves: what, for whom, and when the next try is. */
export function transientLine(ranked: RankedProblems, context: TransientLineContext): string {
  const { t } = context
  const [only] = ranked.transient
  if (!only) return ''
  let text: string
  if (ranked.transient.length > 1) text = t('problems.notSyncing', { count: ranked.transient.length })
  else {
    // rankProblems puts only transient kinds here.
    const what = t(`problems.short.${only.error.kind as TransientKind}`)
    text = context.named ? `${only.account.label || only.account.host}: ${what}` : what
  }
  if (!ranked.nextTryAt) return text
  const when = formatRelativeTime(ranked.nextTryAt, context.now, context.language)
  return `${text} · ${t('problems.nextTry', { when })}`
}
