// One line per account: "Synced 2 minutes ago · 42 groups", or what keeps it from being that.
import type { AccountView, SyncStatus } from '@shared/types'
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

export interface StatusSummary {
  /** The one line the status bar shows. */
  text: string
  tone: StatusTone
  /** Each account's own line ("Acme: Synced 2 minutes ago · 6 groups"), for the tooltip. */
  detail: string
}

const TONE_WEIGHT: Readonly<Record<StatusTone, number>> = { idle: 0, ok: 1, syncing: 2, offline: 3, error: 4 }

/**
 * The status bar's one line. One account: its own line. Several: how many synced and how many failed (the banners
 * above say which and why), else one "Synced" for all, dated by the one that synced longest ago.
 */
export function statusSummary(
  accounts: readonly AccountView[],
  statuses: readonly SyncStatus[],
  context: StatusLineContext,
): StatusSummary {
  const { t } = context
  const each = accounts.map((account) => {
    const status = statuses.find((candidate) => candidate.accountId === account.id)
    return { account, status, tone: statusTone(status, context.online), line: statusLine(status, context) }
  })
  const tone = each.reduce<StatusTone>(
    (worst, { tone }) => (TONE_WEIGHT[tone] > TONE_WEIGHT[worst] ? tone : worst),
    'idle',
  )
  const detail = each.map(({ account, line }) => `${account.label || account.host}: ${line}`).join('\n')
  const [only] = each
  if (each.length <= 1) return { text: only?.line ?? '', tone, detail }

  const groups = each.reduce((sum, { status }) => sum + (status?.groupCount ?? 0), 0)
  const groupCount = t('groupCount', { count: groups })
  const failed = each.filter(({ tone }) => tone === 'error').length
  if (tone === 'error') {
    const synced = each.filter(({ tone }) => tone === 'ok').length
    const text = `${t('summary.synced', { synced, count: each.length })} · ${t('summary.failed', { count: failed })}`
    return { text, tone, detail }
  }
  const times = each.map(({ status }) => (status?.lastSyncAt ? Date.parse(status.lastSyncAt) : Number.NaN))
  const oldest = times.some(Number.isNaN) ? null : Math.min(...times)
  const when = oldest === null ? null : formatRelativeTime(new Date(oldest), context.now, context.language)
  let state: string
  if (tone === 'offline') state = t('status.offline')
  else if (tone === 'syncing') state = t('status.syncing')
  else state = when ? t('status.synced', { when }) : t('status.never')
  return { text: `${state} · ${groupCount}`, tone, detail }
}
