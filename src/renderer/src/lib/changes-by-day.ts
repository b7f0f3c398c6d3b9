// The change history as days ("Today", "Yesterday", "Monday, 3 March"), each change told as a title and a detail.
import { roleOf, type ChangeKind, type MembershipChange } from '@shared/types'
import type { Translate } from './i18n'

export interface ChangeDay {
  /** Local calendar day, `YYYY-MM-DD`. */
  day: string
  label: string
  changes: MembershipChange[]
}

function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

function capitalise(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1)
}

/** "Today", "Yesterday", else the date (with the year only when it is not this year). */
export function dayLabel(date: Date, now: Date, language: string): string {
  const startOf = (value: Date) => new Date(value.getFullYear(), value.getMonth(), value.getDate()).getTime()
  const days = Math.round((startOf(date) - startOf(now)) / 86_400_000)
  if (days === 0 || days === -1) {
    return capitalise(new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(days, 'day'), language)
  }
  return capitalise(
    new Intl.DateTimeFormat(language, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    }).format(date),
    language,
  )
}

/** Newest day first, newest change first within a day; changes with an unreadable time are kept, at the end. */
export function groupChangesByDay(changes: readonly MembershipChange[], now: Date, language: string): ChangeDay[] {
  const timeOf = (change: MembershipChange) => {
    const time = Date.parse(change.at)
    return Number.isNaN(time) ? -Infinity : time
  }
  const sorted = [...changes].sort((a, b) => timeOf(b) - timeOf(a))
  const days: ChangeDay[] = []
  for (const change of sorted) {
    const time = timeOf(change)
    const date = Number.isFinite(time) ? new Date(time) : null
    const day = date ? localDay(date) : 'unknown'
    let current = days.at(-1)
    if (current?.day !== day) {
      current = { day, label: date ? dayLabel(date, now, language) : '—', changes: [] }
      days.push(current)
    }
    current.changes.push(change)
  }
  return days
}

/**
 * "14:05" or "2:05 PM" for a change's time, in the language's own short time format: English writes "9:05 AM",
 * not "09:05 AM", while German and Russian keep their "09:05". Empty for a time that cannot be read.
 */
export function timeOfDay(at: string, language: string): string {
  const time = Date.parse(at)
  if (Number.isNaN(time)) return ''
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(time))
}

export interface ChangeFilter {
  /** An account id, or null for all. */
  accountId: string | null
  /** A kind of change, or null for all. */
  kind: ChangeKind | null
}

/**
 * The filter as it applies now: an account chosen before it was removed is no filter at all ("all accounts"), so the
 * view never hides every change behind an account that is gone.
 */
export function effectiveChangeFilter(chosen: ChangeFilter, accountIds: readonly string[]): ChangeFilter {
  return chosen.accountId === null || accountIds.includes(chosen.accountId) ? chosen : { ...chosen, accountId: null }
}

/** The changes of one account and one kind (either may be all). */
export function filterChanges(changes: readonly MembershipChange[], filter: ChangeFilter): MembershipChange[] {
  return changes.filter(
    (change) =>
      (filter.accountId === null || change.accountId === filter.accountId) &&
      (filter.kind === null || change.kind === filter.kind),
  )
}

export interface ChangeText {
  title: string
  /** "Member → Moderator", "Old name → New name", or null when the title says it all. */
  detail: string | null
}

/** `from`/`to` of a role change carry the portal's letter ("E"); a normalised name ("moderator") is read too. */
function roleName(value: string | boolean | null, t: Translate): string | null {
  return typeof value === 'string' ? t(`roles:title.${roleOf(value)}`) : null
}

export function describeChange(change: MembershipChange, t: Translate): ChangeText {
  switch (change.kind) {
    case 'joined': {
      const role = roleName(change.to, t) ?? t(`roles:title.${change.group.role}`)
      return { title: t('changes.kind.joined'), detail: t('changes.joinedAs', { role }) }
    }
    case 'left':
      return { title: t('changes.kind.left'), detail: null }
    case 'role_changed': {
      const from = roleName(change.from, t)
      const to = roleName(change.to, t) ?? t(`roles:title.${change.group.role}`)
      return { title: t('changes.kind.role_changed'), detail: from ? `${from} → ${to}` : to }
    }
    case 'renamed': {
      const from = typeof change.from === 'string' ? change.from : null
      const to = typeof change.to === 'string' ? change.to : change.group.name
      return { title: t('changes.kind.renamed'), detail: from ? `${from} → ${to}` : to }
    }
    case 'image_changed':
      return { title: t('changes.kind.image_changed'), detail: null }
    case 'extranet_changed': {
      const extranet = typeof change.to === 'boolean' ? change.to : change.group.extranet
      return { title: t(extranet ? 'changes.extranetOn' : 'changes.extranetOff'), detail: null }
    }
    case 'archived':
    case 'restored':
      return { title: t(`changes.kind.${change.kind}`), detail: null }
  }
}
