// What a screen reader should hear when main pushes a new state: going offline or online, and an account that
// starts failing. Not every sync: "Synced" every minute would drown everything else.
import type { AppState } from '@shared/types'
import { errorMessage } from './error-message'
import type { Translate } from './i18n'

export function stateAnnouncements(previous: AppState | null, next: AppState, t: Translate): string[] {
  if (!previous) return []
  const messages: string[] = []
  if (previous.online && !next.online) messages.push(`${t('offline.title')} ${t('offline.body')}`)
  if (!previous.online && next.online) messages.push(t('status.backOnline'))
  for (const status of next.statuses) {
    const before = previous.statuses.find((candidate) => candidate.accountId === status.accountId)
    if (status.state !== 'error' || !status.error || before?.state === 'error') continue
    const account = next.accounts.find((candidate) => candidate.id === status.accountId)
    const name = account ? account.label || account.host : status.accountId
    messages.push(`${name}: ${errorMessage(status.error, t)}`)
  }
  return messages
}
