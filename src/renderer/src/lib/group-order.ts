// The group list's order and filters as pure functions over rows: the sort the user chose (name, recent activity,
// role), archived groups last, and the filter chips (role, type, extranet, archived) that narrow the list together
// with the search.
import { GROUP_TYPES, type GroupSort, type GroupType, type Role } from '@shared/types'
import type { GroupRow } from './group-rows'

/** Owners first, then moderators, then members; the rest (never sent by the membership method) after them. */
const ROLE_RANK: Readonly<Record<Role, number>> = {
  owner: 0,
  moderator: 1,
  member: 2,
  requested: 3,
  banned: 4,
  unknown: 5,
}

/** Plain code-unit order: the last tie-break, for ids the collator calls equal ("7" and "07", "a" and "A"). */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The order of rows for a sort: its own key first, then the name in the user's language, then the id. A strict
 * order: only a row with the same id compares equal, which the incremental update relies on to find a row again.
 */
export function rowComparator(sort: GroupSort, collator: Intl.Collator): (a: GroupRow, b: GroupRow) => number {
  const byName = (a: GroupRow, b: GroupRow) =>
    collator.compare(a.group.name, b.group.name) ||
    collator.compare(a.group.id, b.group.id) ||
    byCodeUnits(a.group.id, b.group.id)
  switch (sort) {
    case 'activity':
      // A group without an activity time (-1) goes after every dated one.
      return (a, b) => b.activityAt - a.activityAt || byName(a, b)
    case 'role':
      return (a, b) => ROLE_RANK[a.group.role] - ROLE_RANK[b.group.role] || byName(a, b)
    case 'name':
      return byName
  }
}

/**
 * One section's rows in order: pinned first, archived last within the pinned and the other rows, each part in the
 * sort's order. Four sorts of parts instead of the two tests in every comparison.
 */
export function orderRows(rows: readonly GroupRow[], sort: GroupSort, collator: Intl.Collator): GroupRow[] {
  const compare = rowComparator(sort, collator)
  const parts: GroupRow[][] = [[], [], [], []]
  for (const row of rows) parts[rowPart(row)]?.push(row)
  return parts.flatMap((part) => part.sort(compare))
}

/** Which of the four parts of a section a row is in: pinned, pinned and archived, the others, archived. */
export const rowPart = (row: GroupRow): number => (row.pinned ? 0 : 2) + (row.archived ? 1 : 0)

/** The whole order `orderRows` produces, as one comparison: the part first, then the sort's order. */
export function sectionComparator(sort: GroupSort, collator: Intl.Collator): (a: GroupRow, b: GroupRow) => number {
  const compare = rowComparator(sort, collator)
  return (a, b) => rowPart(a) - rowPart(b) || compare(a, b)
}

/** The chips that are on; an empty list of a kind lets every value of that kind through. */
export interface GroupFilters {
  roles: readonly Role[]
  types: readonly GroupType[]
  extranet: boolean
  archived: boolean
}

export const NO_FILTERS: GroupFilters = { roles: [], types: [], extranet: false, archived: false }

/** The roles a chip can stand for. */
export const FILTER_ROLES = ['owner', 'moderator', 'member'] as const satisfies readonly Role[]

/** How many chips are on. */
export function activeFilterCount(filters: GroupFilters): number {
  return filters.roles.length + filters.types.length + (filters.extranet ? 1 : 0) + (filters.archived ? 1 : 0)
}

/** A row passes when it has one of the chosen roles, one of the chosen types, and each chosen flag. */
export function matchesFilters(row: GroupRow, filters: GroupFilters): boolean {
  if (filters.roles.length > 0 && !filters.roles.includes(row.group.role)) return false
  if (filters.types.length > 0 && !(row.details?.type && filters.types.includes(row.details.type))) return false
  if (filters.extranet && !row.group.extranet) return false
  if (filters.archived && !row.archived) return false
  return true
}

/** The filters with one role or type chip switched. */
export function toggleInFilter<K extends 'roles' | 'types'>(
  filters: GroupFilters,
  kind: K,
  value: GroupFilters[K][number],
): GroupFilters {
  const current = filters[kind] as readonly string[]
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value]
  return { ...filters, [kind]: next }
}

export interface FilterChoices {
  roles: Role[]
  types: GroupType[]
  extranet: boolean
  archived: boolean
}

/**
 * The chips worth offering for these rows: a role or type chip only where the groups differ in it (no type chips
 * without details, no role chips when every group is "member"), a flag only when some group has it, and any chip
 * that is on, so that it can always be switched off.
 */
export function filterChoices(rows: Iterable<GroupRow>, filters: GroupFilters = NO_FILTERS): FilterChoices {
  const roles = new Set<Role>(filters.roles)
  const types = new Set<GroupType>(filters.types)
  let extranet = filters.extranet
  let archived = filters.archived
  for (const row of rows) {
    roles.add(row.group.role)
    if (row.details?.type) types.add(row.details.type)
    extranet ||= row.group.extranet
    archived ||= row.archived
  }
  const offered = <T>(present: T[], on: readonly T[]): T[] => (present.length > 1 || on.length > 0 ? present : [])
  return {
    roles: offered(
      FILTER_ROLES.filter((role) => roles.has(role)),
      filters.roles,
    ),
    types: offered(
      GROUP_TYPES.filter((type) => types.has(type)),
      filters.types,
    ),
    extranet,
    archived,
  }
}
