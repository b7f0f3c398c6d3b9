// The groups view as rows: sorted once per state change, filtered per keystroke. Sorting 5,000 names with a
// collator costs milliseconds, so it must not run on every keystroke; filtering a prepared list is cheap.
import type { AccountView, Group, GroupDetails, GroupSort, MembershipChange } from '@shared/types'
import { activeFilterCount, matchesFilters, NO_FILTERS, orderRows, type GroupFilters } from './group-order'
import { foldForSearch, matchesTokens, queryTokens } from './search'

export interface GroupRow {
  type: 'group'
  key: string
  accountId: string
  group: Group
  pinned: boolean
  unseen: boolean
  /** The folded name, computed once so a keystroke only compares strings. */
  folded: string
  /** What the details method said about the group, or null (no scope, an older portal, not fetched yet). */
  details: GroupDetails | null
  archived: boolean
  /** The last activity in ms since the epoch, or -1 when unknown: the activity sort compares numbers. */
  activityAt: number
}

export interface AccountRow {
  type: 'account'
  key: string
  account: AccountView
  /** Groups of this account that match the current search. */
  matched: number
}

/** The heading over the pinned groups of every account, listed before the accounts' own sections. */
export interface PinnedRow {
  type: 'pinned'
  key: string
  matched: number
}

export type Row = AccountRow | PinnedRow | GroupRow
export type HeadingRow = AccountRow | PinnedRow

export interface PreparedAccount {
  account: AccountView
  groups: GroupRow[]
}

export interface PreparedGroups {
  accounts: PreparedAccount[]
  total: number
  /** Account headers only make sense when there is more than one account to tell apart. */
  grouped: boolean
}

export interface PrepareInput {
  accounts: readonly AccountView[]
  groups: Readonly<Record<string, readonly Group[] | undefined>>
  pinnedGroups: Readonly<Record<string, readonly string[] | undefined>>
  unseen: ReadonlySet<string>
  /** BCP 47 language for collation. */
  language: string
  /** Each account's group details by group id; an account or group without them shows none. */
  details?: Readonly<Record<string, Readonly<Record<string, GroupDetails>> | undefined>>
  sort?: GroupSort
  /** False leaves archived groups out of the list (and out of its total). */
  showArchived?: boolean
}

export const groupKey = (accountId: string, groupId: string): string => `${accountId}\u0000${groupId}`

/** Keys of groups that have at least one change the user has not seen. */
export function unseenGroupKeys(changes: readonly MembershipChange[]): Set<string> {
  const keys = new Set<string>()
  for (const change of changes) if (!change.seen) keys.add(groupKey(change.accountId, change.group.id))
  return keys
}

function sameGroups(a: readonly Group[], b: readonly Group[]): boolean {
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index]
    const y = b[index]
    if (
      x?.id !== y?.id ||
      x?.name !== y?.name ||
      x?.roleCode !== y?.roleCode ||
      x?.role !== y?.role ||
      x?.extranet !== y?.extranet ||
      x?.imageUrl !== y?.imageUrl ||
      x?.url !== y?.url
    ) {
      return false
    }
  }
  return true
}

type DetailsById = Readonly<Record<string, GroupDetails>>
const NO_DETAILS: DetailsById = {}

function sameDetails(a: DetailsById, b: DetailsById, groups: readonly Group[]): boolean {
  if (a === b) return true
  for (const group of groups) {
    const x = a[group.id]
    const y = b[group.id]
    if (x === y) continue
    if (
      !x ||
      !y ||
      x.type !== y.type ||
      x.archived !== y.archived ||
      x.memberCount !== y.memberCount ||
      x.activityAt !== y.activityAt ||
      x.projectStart !== y.projectStart ||
      x.projectFinish !== y.projectFinish ||
      x.pendingRequests !== y.pendingRequests
    ) {
      return false
    }
  }
  return true
}

interface SortedAccount {
  groups: readonly Group[]
  details: DetailsById
  pinned: string
  language: string
  sort: GroupSort
  rows: GroupRow[]
}

/**
 * A `prepareGroups` that remembers each account's sorted rows. Main pushes the whole state on every status change
 * (a sync starting, a sync ending), usually with the same groups: then an equality check replaces folding and
 * sorting 5,000 names, and only the unseen marks are brought up to date.
 */
export function createGroupPreparer(): (input: PrepareInput) => PreparedGroups {
  const sortedByAccount = new Map<string, SortedAccount>()

  return (input) => {
    let total = 0
    const sort = input.sort ?? 'name'
    const accounts = input.accounts.map((account): PreparedAccount => {
      const groups = input.groups[account.id] ?? []
      const details = input.details?.[account.id] ?? NO_DETAILS
      const pinnedIds = input.pinnedGroups[account.id] ?? []
      const pinned = [...pinnedIds].sort().join('\u0000')
      const previous = sortedByAccount.get(account.id)
      let rows: GroupRow[]
      if (
        previous &&
        previous.pinned === pinned &&
        previous.language === input.language &&
        previous.sort === sort &&
        sameGroups(previous.groups, groups) &&
        sameDetails(previous.details, details, groups)
      ) {
        let changed = false
        const refreshed = previous.rows.map((row) => {
          const unseen = input.unseen.has(row.key)
          if (unseen === row.unseen) return row
          changed = true
          return { ...row, unseen }
        })
        rows = changed ? refreshed : previous.rows
      } else {
        rows = sortRows(account.id, groups, details, new Set(pinnedIds), input.unseen, input.language, sort)
      }
      sortedByAccount.set(account.id, { groups, details, pinned, language: input.language, sort, rows })
      const shown = input.showArchived === false ? rows.filter((row) => !row.archived) : rows
      total += shown.length
      return { account, groups: shown }
    })
    for (const id of sortedByAccount.keys()) {
      if (!input.accounts.some((account) => account.id === id)) sortedByAccount.delete(id)
    }
    return { accounts, total, grouped: accounts.length > 1 }
  }
}

function sortRows(
  accountId: string,
  groups: readonly Group[],
  details: DetailsById,
  pinned: ReadonlySet<string>,
  unseen: ReadonlySet<string>,
  language: string,
  sort: GroupSort,
): GroupRow[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })
  const rows = groups.map((group): GroupRow => {
    const own = details[group.id] ?? null
    const activityAt = own?.activityAt ? Date.parse(own.activityAt) : Number.NaN
    return {
      type: 'group',
      key: groupKey(accountId, group.id),
      accountId,
      group,
      pinned: pinned.has(group.id),
      unseen: unseen.has(groupKey(accountId, group.id)),
      folded: foldForSearch(group.name),
      details: own,
      archived: own?.archived ?? false,
      activityAt: Number.isNaN(activityAt) ? -1 : activityAt,
    }
  })
  return orderRows(rows, sort, collator)
}

/**
 * Pinned first and archived last (within the pinned and the other groups), in the chosen order: by name in the
 * user's language (so "Ä" sorts with "A" in German), then by id, unless the sort puts recent activity or the role
 * first.
 */
export function prepareGroups(input: PrepareInput): PreparedGroups {
  return createGroupPreparer()(input)
}

export interface FilteredRows {
  rows: Row[]
  matched: number
  total: number
}

/**
 * Rows that match the query in sections: the pinned groups of every account under one "Pinned" heading, then each
 * account's other groups under its heading. A single account without pins needs no heading at all; while searching
 * or filtering (the filters and the search both apply), a section without a match loses its heading.
 */
export function filterRows(prepared: PreparedGroups, query: string, filters: GroupFilters = NO_FILTERS): FilteredRows {
  const tokens = queryTokens(query)
  const filtering = activeFilterCount(filters) > 0
  const narrowed = tokens.length > 0 || filtering
  const pinned: GroupRow[] = []
  const sections: { account: AccountView; hits: GroupRow[] }[] = []
  for (const { account, groups } of prepared.accounts) {
    const hits = !narrowed
      ? groups
      : groups.filter(
          (row) =>
            (tokens.length === 0 || matchesTokens(row.folded, tokens)) && (!filtering || matchesFilters(row, filters)),
        )
    // Pinned rows come first in each account's sorted list.
    let firstUnpinned = 0
    while (firstUnpinned < hits.length && hits[firstUnpinned]?.pinned) firstUnpinned += 1
    for (let index = 0; index < firstUnpinned; index += 1) pinned.push(hits[index] as GroupRow)
    sections.push({ account, hits: firstUnpinned === 0 ? hits : hits.slice(firstUnpinned) })
  }
  const headed = prepared.grouped || pinned.length > 0
  const rows: Row[] = []
  if (pinned.length > 0) rows.push({ type: 'pinned', key: 'pinned', matched: pinned.length }, ...pinned)
  let matched = pinned.length
  for (const { account, hits } of sections) {
    matched += hits.length
    if (headed && (hits.length > 0 || (!narrowed && prepared.grouped))) {
      rows.push({ type: 'account', key: `account\u0000${account.id}`, account, matched: hits.length })
    }
    for (const hit of hits) rows.push(hit)
  }
  return { rows, matched, total: prepared.total }
}

/** The index of the heading whose section holds row `index` (the one to keep in view while scrolling), or -1. */
export function headingIndexAt(rows: readonly Row[], index: number): number {
  for (let at = Math.min(index, rows.length - 1); at >= 0; at -= 1) if (rows[at]?.type !== 'group') return at
  return -1
}

/** The row to highlight: the one with `key` if it is still listed, else the first group, else none (-1). */
export function activeIndexFor(rows: readonly Row[], key: string | null): number {
  if (key !== null) {
    const index = rows.findIndex((row) => row.key === key)
    if (index !== -1 && rows[index]?.type === 'group') return index
  }
  return rows.findIndex((row) => row.type === 'group')
}
