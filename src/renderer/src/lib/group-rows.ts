// The groups view as rows: sorted once per state change, filtered per keystroke. Sorting 5,000 names with a
// collator costs milliseconds, so it must not run on every keystroke; filtering a prepared list is cheap.
import type { AccountView, Group, MembershipChange } from '@shared/types'
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
}

export const groupKey = (accountId: string, groupId: string): string => `${accountId}\u0000${groupId}`

/** Keys of groups that have at least one change the user has not seen. */
export function unseenGroupKeys(changes: readonly MembershipChange[]): Set<string> {
  const keys = new Set<string>()
  for (const change of changes) if (!change.seen) keys.add(groupKey(change.accountId, change.group.id))
  return keys
}

function sameGroups(a: readonly Group[], b: readonly Group[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index]
    const y = b[index]
    if (x === y) continue
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

interface SortedAccount {
  groups: readonly Group[]
  pinned: string
  language: string
  rows: GroupRow[]
}

/**
 * A `prepareGroups` that remembers each account's sorted rows. Main's deltas keep every group object the poll did not
 * change, so a status change finds the very same list (nothing to sort), and a poll that renamed a few groups moves
 * just those rows: out of the sorted list, and back in where the collator puts them (a binary search), instead of
 * folding and sorting every name again (at 50,000 groups that sort took ~150 ms).
 */
export function createGroupPreparer(): (input: PrepareInput) => PreparedGroups {
  const sortedByAccount = new Map<string, SortedAccount>()

  return (input) => {
    let total = 0
    const accounts = input.accounts.map((account): PreparedAccount => {
      const groups = input.groups[account.id] ?? []
      const pinnedIds = input.pinnedGroups[account.id] ?? []
      const pinned = [...pinnedIds].sort().join('\u0000')
      const previous = sortedByAccount.get(account.id)
      const reusable = previous && previous.pinned === pinned && previous.language === input.language
      let rows: GroupRow[]
      if (reusable && sameGroups(previous.groups, groups)) {
        rows = withUnseen(previous.rows, input.unseen)
      } else {
        const moved = reusable ? movedRows(account.id, previous, groups, new Set(pinnedIds), input.unseen) : null
        rows = moved
          ? withUnseen(moved, input.unseen)
          : sortRows(account.id, groups, new Set(pinnedIds), input.unseen, input.language)
      }
      sortedByAccount.set(account.id, { groups, pinned, language: input.language, rows })
      total += rows.length
      return { account, groups: rows }
    })
    for (const id of sortedByAccount.keys()) {
      if (!input.accounts.some((account) => account.id === id)) sortedByAccount.delete(id)
    }
    return { accounts, total, grouped: accounts.length > 1 }
  }
}

/** The rows with their unseen marks brought up to date; the same array when none changed. */
function withUnseen(rows: GroupRow[], unseen: ReadonlySet<string>): GroupRow[] {
  let changed = false
  const refreshed = rows.map((row) => {
    const mark = unseen.has(row.key)
    if (mark === row.unseen) return row
    changed = true
    return { ...row, unseen: mark }
  })
  return changed ? refreshed : rows
}

/** At most this many changed groups are moved one by one; more are sorted afresh. */
const MOVED_LIMIT = 64

/**
 * The previous sorted rows with the groups that changed in place (same id at the same index, another object) taken
 * out and put back in order; null when the list changed otherwise (a group joined or left) or too much.
 */
function movedRows(
  accountId: string,
  previous: SortedAccount,
  groups: readonly Group[],
  pinned: ReadonlySet<string>,
  unseen: ReadonlySet<string>,
): GroupRow[] | null {
  if (previous.groups.length !== groups.length) return null
  const changed: Group[] = []
  for (let index = 0; index < groups.length; index++) {
    const before = previous.groups[index] as Group
    const group = groups[index] as Group
    if (before === group) continue
    if (before.id !== group.id || changed.length === MOVED_LIMIT) return null
    changed.push(group)
  }
  const keys = new Set(changed.map((group) => groupKey(accountId, group.id)))
  const rows = previous.rows.filter((row) => !keys.has(row.key))
  const compare = rowOrder(previous.language)
  for (const group of changed) {
    const row = groupRow(accountId, group, pinned, unseen)
    // Pinned rows come first: a row is placed among its own kind.
    let low = 0
    let high = rows.length
    const firstUnpinned = rows.findIndex((candidate) => !candidate.pinned)
    if (row.pinned) high = firstUnpinned === -1 ? rows.length : firstUnpinned
    else low = firstUnpinned === -1 ? rows.length : firstUnpinned
    while (low < high) {
      const middle = (low + high) >>> 1
      if (compare(rows[middle] as GroupRow, row) <= 0) low = middle + 1
      else high = middle
    }
    rows.splice(low, 0, row)
  }
  return rows
}

function groupRow(accountId: string, group: Group, pinned: ReadonlySet<string>, unseen: ReadonlySet<string>): GroupRow {
  const key = groupKey(accountId, group.id)
  return {
    type: 'group',
    key,
    accountId,
    group,
    pinned: pinned.has(group.id),
    unseen: unseen.has(key),
    folded: foldForSearch(group.name),
  }
}

/** By name in the user's language (so "Ä" sorts with "A" in German), then by id. */
function rowOrder(language: string): (a: GroupRow, b: GroupRow) => number {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })
  return (a, b) => collator.compare(a.group.name, b.group.name) || collator.compare(a.group.id, b.group.id)
}

function sortRows(
  accountId: string,
  groups: readonly Group[],
  pinned: ReadonlySet<string>,
  unseen: ReadonlySet<string>,
  language: string,
): GroupRow[] {
  const rows = groups.map((group) => groupRow(accountId, group, pinned, unseen))
  const byName = rowOrder(language)
  // Two sorts instead of a pinned test in every comparison: 5,000 names take about 60,000 comparisons.
  return [...rows.filter((row) => row.pinned).sort(byName), ...rows.filter((row) => !row.pinned).sort(byName)]
}

/** Pinned first, then by name in the user's language (so "Ä" sorts with "A" in German), then by id. */
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
 * account's other groups under its heading. A single account without pins needs no heading at all; while searching,
 * a section without a match loses its heading.
 */
export function filterRows(prepared: PreparedGroups, query: string): FilteredRows {
  const tokens = queryTokens(query)
  const pinned: GroupRow[] = []
  const sections: { account: AccountView; hits: GroupRow[] }[] = []
  for (const { account, groups } of prepared.accounts) {
    const hits = tokens.length === 0 ? groups : groups.filter((row) => matchesTokens(row.folded, tokens))
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
    if (headed && (hits.length > 0 || (tokens.length === 0 && prepared.grouped))) {
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
