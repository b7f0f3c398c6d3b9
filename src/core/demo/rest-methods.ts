// The REST methods the demo portal implements, answering the way a Bitrix24 portal does: `sonet_group.user.groups`
// (optionally paged), `socialnetwork.api.workgroup.list`/`.get` (scope `socialnetwork`), `profile` and `batch`. Errors use the documented codes and statuses.
import { documentedStatusOf } from '../bitrix/error-codes'
import { parsePhpQuery, type PhpValue } from './php-query'
import type { Identity, PortalState } from './portal-state'
import type { DemoGroup } from './types'
import { workgroupGet, workgroupList } from './workgroup-methods'

export type MethodOutcome =
  | { ok: true; result: unknown; next?: number; total?: number }
  | { ok: false; status: number; code: string; description: string }

export type Params = Record<string, PhpValue | unknown>

const BATCH_LIMIT = 50

function failure(code: string, description: string): MethodOutcome {
  return { ok: false, status: documentedStatusOf(code), code, description }
}

function groupItem(group: DemoGroup): Record<string, unknown> {
  const image = group.image ?? ''
  const item: Record<string, unknown> = {
    GROUP_ID: group.id,
    GROUP_NAME: group.name,
    ROLE: group.role,
    GROUP_IMAGE_ID: image ? Number(/\d+/.exec(group.id)?.[0] ?? 0) + 1000 : null,
    GROUP_IMAGE: image,
  }
  // As on a real portal, the flag is present only on extranet groups.
  if (group.extranet) item.IS_EXTRANET = 'Y'
  return item
}

function startOf(params: Params): number {
  const start = Number(params.start ?? 0)
  return Number.isInteger(start) && start > 0 ? start : 0
}

function hasScope(identity: Identity, ...scopes: string[]): boolean {
  return scopes.some((scope) => identity.scopes.includes(scope))
}

function userGroups(state: PortalState, identity: Identity, params: Params): MethodOutcome {
  if (!hasScope(identity, 'sonet_group', 'socialnetwork')) {
    return failure('insufficient_scope', 'The request requires higher privileges than provided by the webhook token')
  }
  const items = state.getMemberships(identity.userId).map(groupItem)
  if (state.pageSize === null) return { ok: true, result: items }
  const start = startOf(params)
  const page = items.slice(start, start + state.pageSize)
  const next = start + state.pageSize < items.length ? start + state.pageSize : undefined
  return { ok: true, result: page, total: items.length, ...(next === undefined ? {} : { next }) }
}

function profile(state: PortalState, identity: Identity): MethodOutcome {
  const person = state.profileOf(identity.userId)
  return {
    ok: true,
    result: {
      ID: identity.userId,
      ADMIN: identity.userId === '1',
      NAME: person.name,
      LAST_NAME: person.lastName,
      PERSONAL_GENDER: '',
      PERSONAL_PHOTO: person.photo ?? '',
      TIME_ZONE: '',
      TIME_ZONE_OFFSET: 0,
    },
  }
}

/** PHP answers an empty associative array as `[]`. */
function phpMap(entries: Record<string, unknown>): Record<string, unknown> | [] {
  return Object.keys(entries).length === 0 ? [] : entries
}

function batch(state: PortalState, identity: Identity, params: Params): MethodOutcome {
  const cmd = params.cmd
  if (typeof cmd !== 'object' || cmd === null) return { ok: true, result: emptyBatch() }
  const commands = Object.entries(cmd as Record<string, unknown>)
  if (commands.length > BATCH_LIMIT) return failure('ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded')
  const halt = ['1', 'true', 'Y'].includes(String(params.halt ?? '0'))
  const results: Record<string, unknown> = {}
  const errors: Record<string, unknown> = {}
  const totals: Record<string, unknown> = {}
  const nexts: Record<string, unknown> = {}
  for (const [key, command] of commands) {
    const [rawMethod = '', query = ''] = String(command).split('?', 2)
    const method = normaliseMethod(rawMethod)
    const outcome =
      method === 'batch'
        ? failure('ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage')
        : runMethod(state, identity, method, parsePhpQuery(new URLSearchParams(query)))
    if (outcome.ok) {
      results[key] = outcome.result
      if (outcome.total !== undefined) totals[key] = outcome.total
      if (outcome.next !== undefined) nexts[key] = outcome.next
    } else {
      errors[key] = { error: outcome.code, error_description: outcome.description }
      if (halt) break
    }
  }
  return {
    ok: true,
    result: {
      result: phpMap(results),
      result_error: phpMap(errors),
      result_total: phpMap(totals),
      result_next: phpMap(nexts),
      result_time: [],
    },
  }
}

function emptyBatch() {
  return { result: [], result_error: [], result_total: [], result_next: [], result_time: [] }
}

/** Method names are case-insensitive and may carry a `.json` suffix. */
export function normaliseMethod(method: string): string {
  return method
    .trim()
    .toLowerCase()
    .replace(/\.json$/, '')
}

export function runMethod(state: PortalState, identity: Identity, method: string, params: Params): MethodOutcome {
  switch (method) {
    case 'sonet_group.user.groups':
      return userGroups(state, identity, params)
    case 'socialnetwork.api.workgroup.list':
    case 'socialnetwork.api.workgroup.get':
      if (!hasScope(identity, 'socialnetwork')) {
        return failure(
          'insufficient_scope',
          'The request requires higher privileges than provided by the webhook token',
        )
      }
      return method.endsWith('.list')
        ? workgroupList(state, params as Record<string, unknown>)
        : workgroupGet(state, identity.userId, params as Record<string, unknown>)
    case 'profile':
      return profile(state, identity)
    case 'batch':
      return batch(state, identity, params)
    default:
      return failure('ERROR_METHOD_NOT_FOUND', 'Method not found!')
  }
}
