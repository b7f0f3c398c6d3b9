// How a failed poll is described: to the user (a secret-free ErrorView) and to the scheduler (kind and retry time).
import type { ErrorView } from '@shared/types'
import { toErrorView } from '../bitrix'
import type { PollOutcome } from './schedule'

/** Turns whatever a poll threw into a secret-free view. The shells pass one bound to the user's language. */
export type DescribeError = (error: unknown) => ErrorView

/** English messages; anything that is not a client error becomes UNEXPECTED without its own (untrusted) message. */
export const describeErrorInEnglish: DescribeError = (error) => toErrorView(error)

/** The scheduler works from the view alone, so a custom DescribeError cannot disagree with the backoff. */
export function outcomeOf(view: ErrorView): PollOutcome {
  const retryAt = view.retryAt === null ? null : new Date(view.retryAt)
  return {
    type: 'error',
    kind: view.kind,
    retryAt: retryAt && !Number.isNaN(retryAt.getTime()) ? retryAt : null,
  }
}
