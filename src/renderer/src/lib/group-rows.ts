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

export type Row = AccountRow | GroupRow

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

/** Pinned first, then by name in the user's language (so "Ä" sorts with "A" in German), then by id. */
export function prepareGroups(input: PrepareInput): PreparedGroups {
  const collator = new Intl.Collator(input.language, { sensitivity: 'base', numeric: true })
  let total = 0
  const accounts = input.accounts.map((account) => {
    const pinned = new Set(input.pinnedGroups[account.id] ?? [])
    const groups = (input.groups[account.id] ?? []).map((group): GroupRow => ({
      type: 'group',
      key: groupKey(account.id, group.id),
      accountId: account.id,
      group,
      pinned: pinned.has(group.id),
      unseen: input.unseen.has(groupKey(account.id, group.id)),
      folded: foldForSearch(group.name),
    }))
    groups.sort(
      (a, b) =>
        Number(b.pinned) - Number(a.pinned) ||
        collator.compare(a.group.name, b.group.name) ||
        collator.compare(a.group.id, b.group.id),
    )
    total += groups.length
    return { account, groups }
  })
  return { accounts, total, grouped: accounts.length > 1 }
}

export interface FilteredRows {
  rows: Row[]
  matched: number
  total: number
}

/** Rows that match the query, under their account's header when grouped; headers of accounts without a match go. */
export function filterRows(prepared: PreparedGroups, query: string): FilteredRows {
  const tokens = queryTokens(query)
  const rows: Row[] = []
  let matched = 0
  for (const { account, groups } of prepared.accounts) {
    const hits = tokens.length === 0 ? groups : groups.filter((row) => matchesTokens(row.folded, tokens))
    matched += hits.length
    if (prepared.grouped && (hits.length > 0 || tokens.length === 0)) {
      rows.push({ type: 'account', key: `account\u0000${account.id}`, account, matched: hits.length })
    }
    for (const hit of hits) rows.push(hit)
  }
  return { rows, matched, total: prepared.total }
}

/** The row to highlight: the one with `key` if it is still listed, else the first group, else none (-1). */
export function activeIndexFor(rows: readonly Row[], key: string | null): number {
  if (key !== null) {
    const index = rows.findIndex((row) => row.key === key)
    if (index !== -1 && rows[index]?.type === 'group') return index
  }
  return rows.findIndex((row) => row.type === 'group')
}
