// A group's details as a row shows them: short phrases in the user's language, made from the numbers and times main
// sent (portal data, never markup). Relative times come from Intl, so every language gets its own plural forms.
import type { GroupDetails, GroupType, Role } from '@shared/types'
import type { Translate } from './i18n'
import { formatRelativeTime, formatterFor } from './relative-time'

const DAY = 86_400_000

/**
 * The calendar day an ISO time names, as written: a project's finish date is a day on the portal's calendar
 * ("2025-03-13T00:00:00+03:00" is the 13th), which converting it to this machine's time zone could move to the 12th.
 */
function calendarDay(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!match) return null
  const [, year, month, day] = match
  return Date.UTC(Number(year), Number(month) - 1, Number(day))
}

/** Whole days from today (on this machine's calendar) to the day `iso` names; negative when it has passed. */
export function daysUntil(iso: string, now: Date): number | null {
  const day = calendarDay(iso)
  if (day === null) return null
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())
  return Math.round((day - today) / DAY)
}

/** "active 2 hr. ago", or null when the portal sent no activity time. */
export function activityText(activityAt: string | null, now: Date, language: string, t: Translate): string | null {
  if (activityAt === null) return null
  const at = Date.parse(activityAt)
  if (Number.isNaN(at)) return null
  // A portal clock a little ahead of this one must not read as activity in the future.
  const when = formatRelativeTime(new Date(Math.min(at, now.getTime())), now, language, 'short')
  return t('details.active', { when })
}

export interface Deadline {
  text: string
  ended: boolean
  /** Three days or less to go: the row draws it in the warning colour. */
  soon: boolean
}

/** "ends in 3 days", "ends tomorrow", "ended", or null without a finish date. */
export function deadlineText(projectFinish: string | null, now: Date, language: string, t: Translate): Deadline | null {
  if (projectFinish === null) return null
  const days = daysUntil(projectFinish, now)
  if (days === null) return null
  if (days < 0) return { text: t('details.ended'), ended: true, soon: false }
  const format = formatterFor(language, 'long')
  const when =
    days < 14
      ? format.format(days, 'day')
      : days < 60
        ? format.format(Math.round(days / 7), 'week')
        : days < 365
          ? format.format(Math.round(days / 30), 'month')
          : format.format(Math.round(days / 365), 'year')
  return { text: t('details.ends', { when }), ended: false, soon: days <= 3 }
}

/** "12 members", or null when the portal did not say. */
export function memberCountText(memberCount: number | null, t: Translate): string | null {
  return memberCount === null ? null : t('details.members', { count: memberCount })
}

/**
 * The pending join requests worth showing: only to owners and moderators (who can answer them), only where the
 * portal told us, and only when someone waits.
 */
export function pendingRequests(role: Role, details: GroupDetails | null): number | null {
  if (role !== 'owner' && role !== 'moderator') return null
  const count = details?.pendingRequests ?? null
  return count !== null && count > 0 ? count : null
}

export interface DetailsLine {
  /** The group's kind, for its icon and its spoken name; null when the portal does not say (older portals). */
  type: GroupType | null
  /** The muted phrases after the deadline (which the row shows first, since it must not be cut): members, then
   *  activity. */
  parts: string[]
  deadline: Deadline | null
}

/** Everything a row says about a group's details, or null when there are none (no scope, or not fetched yet). */
export function detailsLine(
  details: GroupDetails | null,
  now: Date,
  language: string,
  t: Translate,
): DetailsLine | null {
  if (!details) return null
  const parts = [memberCountText(details.memberCount, t), activityText(details.activityAt, now, language, t)].filter(
    (part): part is string => part !== null,
  )
  const deadline = deadlineText(details.projectFinish, now, language, t)
  if (parts.length === 0 && !deadline && details.type === null) return null
  return { type: details.type, parts, deadline }
}
