// One line per account: "Synced 2 minutes ago · 42 groups", or what keeps it from being that.
import type { SyncStatus } from '@shared/types'
import type { Translate } from './i18n'
import { formatRelativeTime } from './relative-time'

export interface StatusLineContext {
  online: boolean
  now: Date
  language: string
  t: Translate
}

export function statusLine(status: SyncStatus | undefined, context: StatusLineContext): string {
  const { t } = context
  const when = status?.lastSyncAt ? formatRelativeTime(status.lastSyncAt, context.now, context.language) : null
  const parts: string[] = []
  const state = !context.online ? 'offline' : (status?.state ?? 'idle')
  switch (state) {
    case 'ok':
    case 'idle':
      parts.push(when ? t('status.synced', { when }) : t('status.never'))
      break
    case 'syncing':
      parts.push(t('status.syncing'))
      break
    default:
      parts.push(t(`status.${state}`))
      if (when) parts.push(t('status.lastSynced', { when }))
  }
  if (status?.groupCount != null) parts.push(t('groupCount', { count: status.groupCount }))
  return parts.join(' · ')
}

export type StatusTone = 'ok' | 'syncing' | 'error' | 'offline' | 'idle'

/** The colour of an account's status dot. */
export function statusTone(status: SyncStatus | undefined, online: boolean): StatusTone {
  if (!online || status?.state === 'offline') return 'offline'
  switch (status?.state) {
    case 'ok':
      return 'ok'
    case 'syncing':
      return 'syncing'
    case 'error':
      return 'error'
    default:
      return 'idle'
  }
}
