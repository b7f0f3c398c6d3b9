// The groups view as rows: sorted when the sort or the language changes, edited when a state touches a few groups,
// filtered per keystroke. Folding and sorting 50,000 names costs half a second, so it runs only when the order itself
// changed; a rename moves one row, and a keystroke filters the rows the shorter query matched.
import type { AccountView, Group, GroupDetails, GroupSort, MembershipChange } from '@shared/types'
import {
  activeFilterCount,
  matchesFilters,
  NO_FILTERS,
  orderRows,
  rowPart,
  sectionComparator,
  type GroupFilters,
} from './group-order'
import { applyEdit, type RowEdit } from './sorted-edit'
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
  /** In `compare`'s order. */
  groups: GroupRow[]
  /** How `groups` came from the last call's rows of this account, when it was an edit; null after a fresh sort. */
  edit: RowEdit<GroupRow> | null
  compare: (a: GroupRow, b: GroupRow) => number
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

function sameGroup(x: Group, y: Group): boolean {
  return (
    x === y ||
    (x.id === y.id &&
      x.name === y.name &&
      x.roleCode === y.roleCode &&
      x.role === y.role &&
      x.extranet === y.extranet &&
      x.imageUrl === y.imageUrl &&
      x.url === y.url)
  )
}

type DetailsById = Readonly<Record<string, GroupDetails>>
const NO_DETAILS: DetailsById = {}

function sameDetail(x: GroupDetails | null | undefined, y: GroupDetails | null | undefined): boolean {
  if (x === y || (!x && !y)) return true
  return (
    !!x &&
    !!y &&
    x.type === y.type &&
    x.archived === y.archived &&
    x.memberCount === y.memberCount &&
    x.activityAt === y.activityAt &&
    x.projectStart === y.projectStart &&
    x.projectFinish === y.projectFinish &&
    x.pendingRequests === y.pendingRequests
  )
}

type Compare = (a: GroupRow, b: GroupRow) => number

interface SortedAccount {
  groups: readonly Group[]
  details: DetailsById
  pinned: ReadonlySet<string>
  unseen: ReadonlySet<string>
  language: string
  sort: GroupSort
  compare: Compare
  rows: GroupRow[]
  /** Each group's row by id; null when ids repeat in the list, which only a fresh sort handles. */
  byId: Map<string, GroupRow> | null
  showArchived: boolean
  shown: GroupRow[]
  /** How `rows` came from the last ones by an edit; null after a fresh sort or when nothing changed. */
  edit: RowEdit<GroupRow> | null
}

/** Beyond this share of the list touched, sorting afresh is as cheap as moving rows one by one. */
const EDIT_SHARE = 0.25

/**
 * A `prepareGroups` that remembers each account's sorted rows and, when a state brings a few changed groups (a
 * rename, a new role, a group joined or left, new details, a pin, an unseen mark), takes just those rows out and
 * puts them back where the order puts them (sorted-edit.ts) instead of folding and sorting every name again: at
 * 50,000 groups that was ~550 ms of a sync's data-to-paint, the edit is O(changes · log n) comparisons. Main's deltas
 * keep the objects of groups a poll did not change, so finding the changed ones is a walk that compares references
 * (fields only where the objects differ: a list sent whole, as after a join). A new sort or language sorts afresh.
 * Each prepared account says how its rows came from the last ones (`edit`), so the filter can be edited alike.
 */
export function createGroupPreparer(): (input: PrepareInput) => PreparedGroups {
  const sortedByAccount = new Map<string, SortedAccount>()

  return (input) => {
    let total = 0
    const sort = input.sort ?? 'name'
    const showArchived = input.showArchived !== false
    const accounts = input.accounts.map((account): PreparedAccount => {
      const groups = input.groups[account.id] ?? []
      const details = input.details?.[account.id] ?? NO_DETAILS
      const pinned = new Set(input.pinnedGroups[account.id] ?? [])
      const previous = sortedByAccount.get(account.id)
      const next: SortedAccount =
        (previous && previous.language === input.language && previous.sort === sort
          ? edited(account.id, previous, groups, details, pinned, input.unseen)
          : null) ?? sorted(account.id, groups, details, pinned, input.unseen, input.language, sort)
      const rowEdit = next.rows === previous?.rows ? null : next.edit
      let shown: GroupRow[]
      let edit: RowEdit<GroupRow> | null = null
      if (showArchived) {
        shown = next.rows
        if (rowEdit && previous?.showArchived) edit = rowEdit
      } else if (previous && !previous.showArchived && next.rows === previous.rows) {
        shown = previous.shown
      } else {
        shown = withoutArchived(next.rows)
        if (rowEdit && previous && !previous.showArchived) {
          const kept = (row: GroupRow) => !row.archived
          edit = { from: previous.shown, removed: rowEdit.removed.filter(kept), added: rowEdit.added.filter(kept) }
        }
      }
      sortedByAccount.set(account.id, { ...next, showArchived, shown })
      total += shown.length
      return { account, groups: shown, edit, compare: next.compare }
    })
    for (const id of sortedByAccount.keys()) {
      if (!input.accounts.some((account) => account.id === id)) sortedByAccount.delete(id)
    }
    return { accounts, total, grouped: accounts.length > 1 }
  }
}

/** The rows without archived groups: the pinned part and the others, each without its archived end. */
function withoutArchived(rows: GroupRow[]): GroupRow[] {
  const partStart = (part: number) => {
    let low = 0
    let high = rows.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (rowPart(rows[middle] as GroupRow) < part) low = middle + 1
      else high = middle
    }
    return low
  }
  const [pinnedArchived, others, othersArchived] = [partStart(1), partStart(2), partStart(3)]
  if (pinnedArchived === others && othersArchived === rows.length) return rows
  return rows.slice(0, pinnedArchived).concat(rows.slice(others, othersArchived))
}

/**
 * The account's rows brought up to date from the last ones by an edit, or null when a fresh sort is needed (ids
 * that repeat, too much changed, rows not where the order puts them).
 */
function edited(
  accountId: string,
  previous: SortedAccount,
  groups: readonly Group[],
  details: DetailsById,
  pinned: ReadonlySet<string>,
  unseen: ReadonlySet<string>,
): SortedAccount | null {
  const byId = previous.byId
  if (!byId) return null
  /** Groups whose row must be made again, by id: the group now, or null when it left. */
  const touched = new Map<string, Group | null>()
  const limit = Math.max(16, Math.floor(groups.length * EDIT_SHARE))
  if (previous.groups !== groups || previous.details !== details) {
    // The details by id are looked up only when they are another object (a lookup per group costs more than a walk).
    const sameDetails = previous.details === details
    let aligned = previous.groups.length === groups.length
    for (let index = 0; aligned && index < groups.length; index++) {
      const group = groups[index] as Group
      const before = previous.groups[index] as Group
      if (group === before && sameDetails) continue
      if (group.id !== before.id) aligned = false
      else if (
        !sameGroup(group, before) ||
        (!sameDetails && !sameDetail(details[group.id], previous.details[group.id]))
      ) {
        touched.set(group.id, group)
        if (touched.size > limit) return null
      }
    }
    if (!aligned) {
      // Not the same ids in the same places (a group joined or left): match by id.
      touched.clear()
      const seen = new Set<string>()
      for (const group of groups) {
        if (seen.has(group.id)) return null
        seen.add(group.id)
        const row = byId.get(group.id)
        if (!row || !sameGroup(group, row.group) || !sameDetail(details[group.id], row.details)) {
          touched.set(group.id, group)
        }
      }
      for (const id of byId.keys()) if (!seen.has(id)) touched.set(id, null)
      if (touched.size > limit) return null
    }
  }
  // Pins and unseen marks that changed touch their groups (a few ids: walk the sets, not the rows).
  const touch = (id: string) => {
    if (touched.has(id)) return
    const row = byId.get(id)
    if (row) touched.set(id, row.group)
  }
  if (previous.pinned !== pinned) {
    for (const id of pinned) if (!previous.pinned.has(id)) touch(id)
    for (const id of previous.pinned) if (!pinned.has(id)) touch(id)
  }
  if (previous.unseen !== unseen) {
    const prefix = groupKey(accountId, '')
    const flip = (key: string) => key.startsWith(prefix) && touch(key.slice(prefix.length))
    for (const key of unseen) if (!previous.unseen.has(key)) flip(key)
    for (const key of previous.unseen) if (!unseen.has(key)) flip(key)
  }
  if (touched.size > limit) return null
  const base = { ...previous, groups, details, pinned, unseen, edit: null }
  if (touched.size === 0) return base
  const removed: GroupRow[] = []
  const added: GroupRow[] = []
  for (const [id, group] of touched) {
    const row = byId.get(id)
    if (row) removed.push(row)
    if (group) added.push(groupRow(accountId, group, details, pinned, unseen))
  }
  const rows = applyEdit(previous.rows, removed, added, previous.compare)
  if (!rows) return null
  // The map is brought up to date in place (a copy of 50,000 entries costs more than the rest of the edit): the
  // previous state is replaced by this one and never used again.
  for (const row of removed) byId.delete(row.group.id)
  for (const row of added) byId.set(row.group.id, row)
  return { ...base, rows, edit: { from: previous.rows, removed, added } }
}

function sorted(
  accountId: string,
  groups: readonly Group[],
  details: DetailsById,
  pinned: ReadonlySet<string>,
  unseen: ReadonlySet<string>,
  language: string,
  sort: GroupSort,
): SortedAccount {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })
  const rows = orderRows(
    groups.map((group) => groupRow(accountId, group, details, pinned, unseen)),
    sort,
    collator,
  )
  const byId = new Map(rows.map((row) => [row.group.id, row]))
  return {
    groups,
    details,
    pinned,
    unseen,
    language,
    sort,
    compare: sectionComparator(sort, collator),
    rows,
    byId: byId.size === rows.length ? byId : null,
    showArchived: true,
    shown: rows,
    edit: null,
  }
}

function groupRow(
  accountId: string,
  group: Group,
  details: DetailsById,
  pinned: ReadonlySet<string>,
  unseen: ReadonlySet<string>,
): GroupRow {
  const own = details[group.id] ?? null
  const activityAt = own?.activityAt ? Date.parse(own.activityAt) : Number.NaN
  const key = groupKey(accountId, group.id)
  return {
    type: 'group',
    key,
    accountId,
    group,
    pinned: pinned.has(group.id),
    unseen: unseen.has(key),
    folded: foldForSearch(group.name),
    details: own,
    archived: own?.archived ?? false,
    activityAt: Number.isNaN(activityAt) ? -1 : activityAt,
  }
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
  /** The indices of the heading rows in `rows`, in order: a few, so a row's place is found without a walk. */
  headings: number[]
}

/**
 * Rows that match the query in sections: the pinned groups of every account under one "Pinned" heading, then each
 * account's other groups under its heading. A single account without pins needs no heading at all; while searching
 * or filtering (the filters and the search both apply), a section without a match loses its heading.
 */
export function filterRows(prepared: PreparedGroups, query: string, filters: GroupFilters = NO_FILTERS): FilteredRows {
  const tokens = queryTokens(query)
  const filtering = activeFilterCount(filters) > 0
  const hits = prepared.accounts.map(({ groups }) =>
    tokens.length === 0 && !filtering ? groups : groups.filter((row) => matches(row, tokens, filtering, filters)),
  )
  return inSections(prepared, hits, tokens.length > 0 || filtering)
}

const matches = (row: GroupRow, tokens: readonly string[], filtering: boolean, filters: GroupFilters) =>
  (tokens.length === 0 || matchesTokens(row.folded, tokens)) && (!filtering || matchesFilters(row, filters))

/** Each account's matching rows (in its sorted order) laid out in sections with their headings. */
function inSections(prepared: PreparedGroups, hitsByAccount: readonly GroupRow[][], narrowed: boolean): FilteredRows {
  const pinned: GroupRow[] = []
  /** Each account's rows from `from` on: the ones before are pinned, and listed under "Pinned". */
  const sections: { account: AccountView; hits: GroupRow[]; from: number }[] = []
  prepared.accounts.forEach(({ account }, at) => {
    const hits = hitsByAccount[at] ?? []
    // Pinned rows come first in each account's sorted list.
    let firstUnpinned = 0
    while (firstUnpinned < hits.length && hits[firstUnpinned]?.pinned) firstUnpinned += 1
    for (let index = 0; index < firstUnpinned; index += 1) pinned.push(hits[index] as GroupRow)
    sections.push({ account, hits, from: firstUnpinned })
  })
  const headed = prepared.grouped || pinned.length > 0
  // One array written in place: at 50,000 rows every extra copy is a large allocation.
  const pieces: { rows: readonly Row[]; from: number }[] = []
  const headings: number[] = []
  let length = 0
  const add = (piece: readonly Row[], from = 0) => {
    pieces.push({ rows: piece, from })
    length += piece.length - from
  }
  if (pinned.length > 0) {
    headings.push(0)
    add([{ type: 'pinned', key: 'pinned', matched: pinned.length }])
    add(pinned)
  }
  let matched = pinned.length
  for (const { account, hits, from } of sections) {
    const count = hits.length - from
    if (headed && (count > 0 || (!narrowed && prepared.grouped))) {
      headings.push(length)
      add([{ type: 'account', key: `account\u0000${account.id}`, account, matched: count }])
    }
    matched += count
    add(hits, from)
  }
  const rows = new Array<Row>(length)
  let at = 0
  for (const piece of pieces) {
    for (let index = piece.from; index < piece.rows.length; index++) rows[at++] = piece.rows[index] as Row
  }
  return { rows, matched, total: prepared.total, headings }
}

/** A query's rows of one account: `hits` match every one of `tokens` and the filters. */
interface Narrowing {
  key: string
  tokens: string[]
  hits: GroupRow[]
}

interface AccountFilter {
  source: GroupRow[]
  filters: string
  /** From the filters alone (no tokens) up to the last query, each query refining the one below it. */
  stack: Narrowing[]
}

/** How many refining queries are remembered, for the way back when the user deletes characters. */
const NARROWINGS = 32

/** True when every row that matches `tokens` matches `coarser`: each coarser token is inside one of `tokens`. */
const refines = (tokens: readonly string[], coarser: readonly string[]) =>
  coarser.every((token) => tokens.some((fine) => fine.includes(token)))

const filtersKey = (filters: GroupFilters) =>
  `${filters.roles.join()}|${filters.types.join()}|${filters.extranet}|${filters.archived}`

/**
 * A `filterRows` that does on each call only the work that call brings. A keystroke that adds to the query filters
 * the rows the shorter query matched, not the whole list; one that deletes finds the shorter query's rows
 * remembered (the way back of the typing). A state that edited an account's rows (a rename, a join) edits the rows
 * of the query alike, O(changes · log n), instead of filtering every row again. Same result as `filterRows`.
 */
export function createRowFilter(): (prepared: PreparedGroups, query: string, filters?: GroupFilters) => FilteredRows {
  const byAccount = new Map<string, AccountFilter>()
  return (prepared, query, filters = NO_FILTERS) => {
    const tokens = queryTokens(query)
    const key = tokens.join(' ')
    const filtering = activeFilterCount(filters) > 0
    const chips = filtersKey(filters)
    const hits = prepared.accounts.map(({ account, groups, edit, compare }) => {
      let cache = byAccount.get(account.id)
      if (cache && cache.filters !== chips) cache = undefined
      if (cache && cache.source !== groups) {
        cache = edit && edit.from === cache.source ? editedFilter(cache, groups, edit, compare, filters) : undefined
      }
      cache ??= {
        source: groups,
        filters: chips,
        stack: [
          { key: '', tokens: [], hits: filtering ? groups.filter((row) => matchesFilters(row, filters)) : groups },
        ],
      }
      byAccount.set(account.id, cache)
      return narrowTo(cache.stack, tokens, key)
    })
    for (const id of byAccount.keys()) {
      if (!prepared.accounts.some(({ account }) => account.id === id)) byAccount.delete(id)
    }
    return inSections(prepared, hits, tokens.length > 0 || filtering)
  }
}

/** The rows that match `tokens`, from the remembered query they refine; the stack ends with them. */
function narrowTo(stack: Narrowing[], tokens: string[], key: string): GroupRow[] {
  for (let index = stack.length - 1; index >= 0; index--) {
    const below = stack[index] as Narrowing
    if (below.key === key) {
      stack.length = index + 1
      return below.hits
    }
    if (!refines(tokens, below.tokens)) continue
    stack.length = index + 1
    const hits = below.hits.filter((row) => matchesTokens(row.folded, tokens))
    stack.push({ key, tokens, hits })
    if (stack.length > NARROWINGS) stack.splice(1, 1)
    return hits
  }
  // Unreachable: the bottom of the stack has no tokens, which every query refines.
  return []
}

/**
 * The filter's remembered rows edited as the account's rows were: the filters' own rows and the last query's (the
 * ones between are forgotten); undefined when an edit does not fit, and the filter starts again from the rows.
 */
function editedFilter(
  cache: AccountFilter,
  source: GroupRow[],
  edit: RowEdit<GroupRow>,
  compare: (a: GroupRow, b: GroupRow) => number,
  filters: GroupFilters,
): AccountFilter | undefined {
  const filtering = activeFilterCount(filters) > 0
  const bottom = cache.stack[0] as Narrowing
  const top = cache.stack[cache.stack.length - 1] as Narrowing
  const stack: Narrowing[] = []
  for (const narrowing of bottom === top ? [bottom] : [bottom, top]) {
    const kept = (row: GroupRow) => matches(row, narrowing.tokens, filtering, filters)
    const hits =
      narrowing.tokens.length === 0 && !filtering
        ? source
        : applyEdit(narrowing.hits, edit.removed.filter(kept), edit.added.filter(kept), compare)
    if (!hits) return undefined
    stack.push({ ...narrowing, hits })
  }
  return { source, filters: cache.filters, stack }
}

/** A group row's place among the groups (headings do not count), from 1; for "12 of 5,000". */
export function groupPosition(filtered: FilteredRows, index: number): number {
  let before = 0
  while (before < filtered.headings.length && (filtered.headings[before] as number) < index) before += 1
  return index + 1 - before
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
