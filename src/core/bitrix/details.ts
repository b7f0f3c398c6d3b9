// `socialnetwork.api.workgroup.list` items and `socialnetwork.api.workgroup.get` COUNTERS -> validated GroupDetails.
// Portals spell the keys UPPER (`NUMBER_OF_MEMBERS`) or camelCase (`numberOfMembers`): both are read. A missing TYPE
// (older portals) is null; a field of the wrong kind fails the whole answer with a protocol error that names it.
import { z } from 'zod'
import { GROUP_TYPES, type GroupType } from '@shared/model/values'
import type { GroupDetails } from '@shared/model/details'
import { BitrixError } from './errors'
import { groupIdOf } from './groups'

/** The fields asked for in `select`, UPPER name -> camelCase name. */
export const DETAILS_SELECT = {
  ID: 'id',
  TYPE: 'type',
  CLOSED: 'closed',
  NUMBER_OF_MEMBERS: 'numberOfMembers',
  DATE_ACTIVITY: 'dateActivity',
  PROJECT_DATE_START: 'projectDateStart',
  PROJECT_DATE_FINISH: 'projectDateFinish',
} as const
type SelectField = keyof typeof DETAILS_SELECT

export const DETAILS_SELECT_FIELDS = Object.keys(DETAILS_SELECT) as SelectField[]

const isoWithOffset = z.iso.datetime({ offset: true })

function shapeError(where: string, message: string): BitrixError {
  return new BitrixError({ code: 'BAD_RESPONSE', reason: 'shape', status: 200, detail: `${where}: ${message}` })
}

/** A field of an item in either spelling (UPPER first); undefined when neither is there. */
function fieldOf(item: Record<string, unknown>, field: SelectField): unknown {
  return Object.hasOwn(item, field) ? item[field] : item[DETAILS_SELECT[field]]
}

function absent(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

function typeOf(value: unknown, where: string): GroupType | null {
  if (absent(value)) return null
  if (typeof value !== 'string') throw shapeError(where, 'not a string')
  // A kind this version does not know (a later portal's) is shown as no type rather than failing every group.
  return (GROUP_TYPES as readonly string[]).includes(value) ? (value as GroupType) : null
}

function flagOf(value: unknown, where: string): boolean {
  if (absent(value)) return false
  if (value === 'Y' || value === true) return true
  if (value === 'N' || value === false) return false
  throw shapeError(where, 'not Y or N')
}

/** A count: a non-negative integer, as a number or as digits. */
export function countOf(value: unknown, where: string): number | null {
  if (absent(value)) return null
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value
  if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number(value.trim())
  throw shapeError(where, 'not a count')
}

function timeOf(value: unknown, where: string): string | null {
  if (absent(value)) return null
  if (typeof value !== 'string' || !isoWithOffset.safeParse(value.trim()).success) {
    throw shapeError(where, 'not an ISO time with an offset')
  }
  return value.trim()
}

export interface ListedDetails {
  id: string
  details: Omit<GroupDetails, 'pendingRequests'>
}

/** One item of `result.workgroups`. */
export function parseWorkgroupItem(item: unknown, index: number): ListedDetails {
  const where = (field: string) => `result.workgroups.${index}.${field}`
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw shapeError(where(''), 'not an object')
  const record = item as Record<string, unknown>
  const id = groupIdOf(fieldOf(record, 'ID'))
  if (id === null) throw shapeError(where('ID'), 'not an id')
  return {
    id,
    details: {
      type: typeOf(fieldOf(record, 'TYPE'), where('TYPE')),
      archived: flagOf(fieldOf(record, 'CLOSED'), where('CLOSED')),
      memberCount: countOf(fieldOf(record, 'NUMBER_OF_MEMBERS'), where('NUMBER_OF_MEMBERS')),
      activityAt: timeOf(fieldOf(record, 'DATE_ACTIVITY'), where('DATE_ACTIVITY')),
      projectStart: timeOf(fieldOf(record, 'PROJECT_DATE_START'), where('PROJECT_DATE_START')),
      projectFinish: timeOf(fieldOf(record, 'PROJECT_DATE_FINISH'), where('PROJECT_DATE_FINISH')),
    },
  }
}

/** `result.workgroups` of one page (`[]` as PHP sends an empty list, too). */
export function workgroupsOf(result: unknown): unknown[] {
  if (Array.isArray(result) && result.length === 0) return []
  const workgroups = (result as { workgroups?: unknown } | null)?.workgroups
  if (workgroups === undefined && typeof result === 'object' && result !== null && !Array.isArray(result)) {
    throw shapeError('result.workgroups', 'missing')
  }
  if (Array.isArray(workgroups)) return workgroups
  if (typeof workgroups === 'object' && workgroups !== null) return Object.values(workgroups)
  throw shapeError('result.workgroups', 'not a list')
}

/** The pending join requests in one `workgroup.get` result, or null when the portal does not show them. */
export function pendingRequestsOf(result: unknown, where: string): number | null {
  if (typeof result !== 'object' || result === null) throw shapeError(where, 'not an object')
  const record = result as Record<string, unknown>
  const counters = record.COUNTERS ?? record.counters
  if (absent(counters)) return null
  if (typeof counters !== 'object' || counters === null) throw shapeError(`${where}.COUNTERS`, 'not an object')
  const values = counters as Record<string, unknown>
  return countOf(values.workgroup_requests_in ?? values.workgroupRequestsIn, `${where}.COUNTERS.workgroup_requests_in`)
}

/** A batch answer's `result` and `result_error` maps (PHP sends an empty one as `[]`). */
export function batchParts(result: unknown): { results: Record<string, unknown>; errors: Record<string, unknown> } {
  if (typeof result !== 'object' || result === null) throw shapeError('result', 'not a batch answer')
  const record = result as Record<string, unknown>
  const asMap = (value: unknown, where: string): Record<string, unknown> => {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return {}
    if (typeof value !== 'object' || value === null) throw shapeError(where, 'not a map')
    return value as Record<string, unknown>
  }
  return { results: asMap(record.result, 'result.result'), errors: asMap(record.result_error, 'result.result_error') }
}
