// Which notifications one sync produces and what they say. Pure: the glue in notifier.ts only shows them.
import type { Translator } from '@shared/i18n'
import { changeArguments } from '@shared/i18n/change-arguments'
import type { AccountView, MembershipChange, NotificationSettings } from '@shared/types'
import { escapeMarkup, isolate, singleLine, truncate } from './display-text'

/** Up to this many changes of one sync get a notification each; more get one summary. */
export const SINGLE_NOTIFICATION_LIMIT = 3
/** How many names a summary lists before "and N more". */
export const SUMMARY_NAME_LIMIT = 3
/** Notification servers cut long bodies anyway; bounding names keeps the role or the arrow visible. */
export const NOTIFICATION_NAME_MAX = 80

export type NotificationTarget =
  { type: 'group'; accountId: string; groupId: string; url: string } | { type: 'window'; view: 'changes' }

export interface NotificationSpec {
  title: string
  body: string
  target: NotificationTarget
  /** The group's avatar, for the platforms that show an image beside a notification; none for a summary. */
  imageUrl?: string | null
}

export interface PlanInput {
  /** The changes of one sync (or of several, for the "while you were away" summary). */
  changes: readonly MembershipChange[]
  settings: NotificationSettings
  accounts: readonly AccountView[]
  translator: Translator
  now: Date
  /** Linux notification servers may read the body as markup, so names are escaped there. */
  platform: NodeJS.Platform | 'other'
}

export function isMuted(settings: NotificationSettings, now: Date): boolean {
  if (!settings.mutedUntil) return false
  const until = Date.parse(settings.mutedUntil)
  return !Number.isNaN(until) && until > now.getTime()
}

/** Builds the text for one change. `name` formats a portal-supplied string for the body. */
function describe(
  change: MembershipChange,
  translator: Translator,
  name: (text: string) => string,
): { title: string; body: string } {
  const { t } = translator
  const args = changeArguments(change, (role) => t(`roles:title.${role}`), name)
  switch (change.kind) {
    case 'joined':
      return { title: t('notifications:joined.title'), body: t('notifications:joined.body', args) }
    case 'left':
      return { title: t('notifications:left.title'), body: t('notifications:left.body', args) }
    case 'role_changed':
      return { title: t('notifications:role_changed.title'), body: t('notifications:role_changed.body', args) }
    case 'renamed':
      return { title: t('notifications:renamed.title'), body: t('notifications:renamed.body', args) }
    case 'image_changed':
      return { title: t('notifications:image_changed.title'), body: t('notifications:image_changed.body', args) }
    case 'extranet_changed':
      return {
        title: t(
          change.to === true ? 'notifications:extranet_changed.titleOn' : 'notifications:extranet_changed.titleOff',
        ),
        body: t('notifications:extranet_changed.body', args),
      }
    case 'archived':
      return { title: t('notifications:archived.title'), body: t('notifications:archived.body', args) }
    case 'restored':
      return { title: t('notifications:restored.title'), body: t('notifications:restored.body', args) }
  }
}

/**
 * Notifications for the changes of one sync: muted or unwanted kinds dropped; changes found after a restart in one
 * "while you were away" summary; of the rest, up to three get one each and more get one summary.
 */
export function planNotifications(input: PlanInput): NotificationSpec[] {
  const { settings, translator, now } = input
  if (isMuted(settings, now)) return []
  const wanted = input.changes.filter((change) => settings.kinds[change.kind])
  if (wanted.length === 0) return []

  const escape = input.platform === 'linux' ? escapeMarkup : (text: string) => text
  // Truncate before escaping, so an entity is never cut in half; isolate so RTL names keep the text order.
  const name = (text: string) => escape(isolate(truncate(singleLine(text), NOTIFICATION_NAME_MAX)))
  const hostOf = (accountId: string) => input.accounts.find((account) => account.id === accountId)
  const severalAccounts = new Set(wanted.map((change) => change.accountId)).size > 1 || input.accounts.length > 1
  // With several accounts the portal goes on a line of its own, so "Marketing" of one client is not another's.
  const withPortal = (body: string, accountId: string) => {
    const account = hostOf(accountId)
    return severalAccounts && account ? `${body}\n${escape(singleLine(account.label || account.host))}` : body
  }

  const summary = (
    changes: readonly MembershipChange[],
    titleKey: 'notifications:whileAway.title' | 'notifications:summary.title',
  ): NotificationSpec => {
    const names = [...new Set(changes.map((change) => change.group.name))]
    const shown = names.slice(0, SUMMARY_NAME_LIMIT).map(name)
    const rest = names.length - shown.length
    const body =
      rest > 0 ? `${shown.join(', ')} ${translator.t('notifications:summary.more', { count: rest })}` : shown.join(', ')
    return {
      title: translator.t(titleKey, { count: changes.length }),
      body,
      target: { type: 'window', view: 'changes' },
    }
  }

  const away = wanted.filter((change) => change.whileAway)
  const current = wanted.filter((change) => !change.whileAway)
  const result: NotificationSpec[] = []
  if (away.length > 0) result.push(summary(away, 'notifications:whileAway.title'))
  if (current.length > SINGLE_NOTIFICATION_LIMIT) result.push(summary(current, 'notifications:summary.title'))
  else {
    for (const change of current) {
      const text = describe(change, translator, name)
      result.push({
        title: text.title,
        body: withPortal(text.body, change.accountId),
        target: { type: 'group', accountId: change.accountId, groupId: change.group.id, url: change.group.url },
        imageUrl: change.group.imageUrl,
      })
    }
  }
  return result
}
