// The demo portal's `socialnetwork.api.workgroup.list` and `.get` (scope `socialnetwork`): the filtered, selected list
// in pages of 50 under `result.workgroups` with `next`/`total`, keys UPPER or camelCase as the portal is set, and
// one group with COUNTERS of pending join requests, shown only to its owner and moderators.
import type { PortalState } from './portal-state'
import type { DemoGroup, DemoKeyStyle } from './types'

export type WorkgroupOutcome =
  | { ok: true; result: unknown; next?: number; total?: number }
  | { ok: false; status: number; code: string; description: string }

export const WORKGROUP_PAGE_SIZE = 50

/** The fields the demo knows, UPPER name -> camelCase name. */
const FIELD_NAMES = {
  ID: 'id',
  NAME: 'name',
  TYPE: 'type',
  ACTIVE: 'active',
  CLOSED: 'closed',
  PROJECT: 'project',
  NUMBER_OF_MEMBERS: 'numberOfMembers',
  DATE_ACTIVITY: 'dateActivity',
  PROJECT_DATE_START: 'projectDateStart',
  PROJECT_DATE_FINISH: 'projectDateFinish',
  AVATAR: 'avatar',
} as const
type Field = keyof typeof FIELD_NAMES

const CAMEL_TO_UPPER = new Map<string, Field>(
  Object.entries(FIELD_NAMES).map(([upper, camel]) => [camel.toLowerCase(), upper as Field]),
)

/** A PHP list arrives as an array (JSON) or as an object with numeric keys (form bodies). */
function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value === 'object' && value !== null) return Object.values(value)
  return value === undefined || value === null || value === '' ? [] : [value]
}

function fieldOf(name: unknown): Field | null {
  if (typeof name !== 'string') return null
  const upper = name.toUpperCase()
  if (Object.hasOwn(FIELD_NAMES, upper)) return upper as Field
  return CAMEL_TO_UPPER.get(name.toLowerCase()) ?? null
}

/** The values of one group, each in the type a portal sends it in (ids and counts as numbers). */
function fieldValues(group: DemoGroup, memberCount: number): Partial<Record<Field, unknown>> {
  const details = group.details ?? {}
  const type = details.type
  return {
    ID: Number(group.id),
    NAME: group.name,
    // Older portals send no TYPE: the key is left out, not null.
    ...(type === undefined ? {} : { TYPE: type }),
    ACTIVE: 'Y',
    CLOSED: details.archived ? 'Y' : 'N',
    PROJECT: type === 'project' || type === 'scrum' ? 'Y' : 'N',
    NUMBER_OF_MEMBERS: details.memberCount ?? memberCount,
    DATE_ACTIVITY: details.activityAt ?? null,
    PROJECT_DATE_START: details.projectStart ?? null,
    PROJECT_DATE_FINISH: details.projectFinish ?? null,
    AVATAR: group.image ?? '',
  }
}

/** camelCase portals send ids and counts as strings, as the documentation's example shows. */
function spelled(values: Partial<Record<Field, unknown>>, fields: readonly Field[], style: DemoKeyStyle) {
  const item: Record<string, unknown> = {}
  for (const field of fields) {
    if (!Object.hasOwn(values, field)) continue
    const value = values[field]
    if (style === 'upper') item[field] = value
    else item[FIELD_NAMES[field]] = typeof value === 'number' ? String(value) : value
  }
  return item
}

/** The ids a filter asks for (`ID`, `=ID` or `@ID`, one value or a list), or null when it does not filter by id. */
function filteredIds(filter: unknown): Set<string> | null {
  if (typeof filter !== 'object' || filter === null) return null
  const entries = Object.entries(filter as Record<string, unknown>).filter(([key]) =>
    ['ID', '=ID', '@ID', 'id'].includes(key),
  )
  if (entries.length === 0) return null
  return new Set(entries.flatMap(([, value]) => listOf(value).map(String)))
}

function startOf(value: unknown): number {
  const start = Number(value ?? 0)
  return Number.isInteger(start) ? start : 0
}

export function workgroupList(state: PortalState, params: Record<string, unknown>): WorkgroupOutcome {
  const ids = filteredIds(params.filter)
  const selected = listOf(params.select)
    .map(fieldOf)
    .filter((field): field is Field => field !== null)
  // As on a portal: no select means the id alone.
  const fields: Field[] = selected.length === 0 ? ['ID'] : [...new Set<Field>(['ID', ...selected])]
  const groups = state.visibleGroups().filter(({ group }) => ids === null || ids.has(group.id))
  const start = startOf(params.start)
  const from = Math.max(0, start)
  const page = groups.slice(from, from + WORKGROUP_PAGE_SIZE)
  const workgroups = page.map(({ group, memberCount }) =>
    spelled(fieldValues(group, memberCount), fields, state.detailsKeyStyle),
  )
  const next = from + WORKGROUP_PAGE_SIZE < groups.length ? from + WORKGROUP_PAGE_SIZE : undefined
  return {
    ok: true,
    result: { workgroups },
    // `start = -1` asks for no total.
    ...(start === -1 ? {} : { total: groups.length }),
    ...(next === undefined ? {} : { next }),
  }
}

export function workgroupGet(state: PortalState, userId: string, params: Record<string, unknown>): WorkgroupOutcome {
  const inner = (typeof params.params === 'object' && params.params !== null ? params.params : {}) as Record<
    string,
    unknown
  >
  const groupId = inner.groupId ?? inner.GROUP_ID
  if (groupId === undefined || groupId === '') {
    return {
      ok: false,
      status: 400,
      code: 'SONET_CONTROLLER_WORKGROUP_EMPTY',
      description: 'No value for the workgroup ID was provided.',
    }
  }
  const found = state.findGroup(String(groupId))
  if (!found) {
    return { ok: false, status: 400, code: 'SONET_CONTROLLER_WORKGROUP_NOT_FOUND', description: 'Workgroup not found.' }
  }
  const select = new Set(listOf(inner.select).map((name) => String(name).toUpperCase()))
  const values = fieldValues(found.group, found.memberCount)
  const result: Record<string, unknown> = spelled(values, Object.keys(FIELD_NAMES) as Field[], 'upper')
  const role = state.membershipOf(userId, found.group.id)?.role
  if (select.has('COUNTERS') && (role === 'A' || role === 'E')) {
    result.COUNTERS = { workgroup_requests_in: found.group.details?.pendingRequests ?? 0, workgroup_requests_out: 0 }
  }
  return { ok: true, result }
}
