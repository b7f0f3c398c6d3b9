// The command line's output formats. JSON shapes are a documented contract (README): keep keys and order stable.
import type { ErrorView, Group, GroupDetails, MembershipChange } from '@shared/types'
import { GROUP_DETAILS_FIELDS } from '@shared/model/details'
import { movedToOf } from './portal-move'

export interface GroupJson {
  id: string
  name: string
  role: string
  roleCode: string
  extranet: boolean
  imageUrl: string | null
  url: string
}

/** A group in `list --json`: its membership fields, then its details. */
export interface ListedGroupJson extends GroupJson {
  /** The group's details, or null when unavailable (no `socialnetwork` scope, a failure, a group the portal hid). */
  details: GroupDetails | null
}

export interface ErrorJson {
  code: string
  kind: string
  message: string
  /** For PORTAL_MOVED: the origin the portal now answers from, which the user may accept; else null. */
  movedTo: string | null
}

export interface AccountGroupsJson {
  id: string
  portal: string
  user: { id: string; name: string | null } | null
  groups: ListedGroupJson[]
  error: ErrorJson | null
  /** Why the groups' details could not be fetched (the groups are there all the same), or null. */
  detailsError: Pick<ErrorJson, 'code' | 'kind' | 'message'> | null
}

/** The details in the documented key order (the model's), whatever order they were built in. */
export function detailsJson(details: GroupDetails | null | undefined): GroupDetails | null {
  if (!details) return null
  return Object.fromEntries(GROUP_DETAILS_FIELDS.map((field) => [field, details[field]])) as GroupDetails
}

export function groupJson(group: Group): GroupJson {
  return {
    id: group.id,
    name: group.name,
    role: group.role,
    roleCode: group.roleCode,
    extranet: group.extranet,
    imageUrl: group.imageUrl,
    url: group.url,
  }
}

export function listedGroupJson(group: Group, details: GroupDetails | null | undefined): ListedGroupJson {
  return { ...groupJson(group), details: detailsJson(details) }
}

export function detailsErrorJson(error: ErrorView): AccountGroupsJson['detailsError'] {
  return { code: error.code, kind: error.kind, message: error.message }
}

export function errorJson(error: ErrorView): ErrorJson {
  return { code: error.code, kind: error.kind, message: error.message, movedTo: movedToOf(error) }
}

export function changeEvent(change: MembershipChange) {
  return {
    type: 'change' as const,
    account: change.accountId,
    kind: change.kind,
    group: groupJson(change.group),
    from: change.from,
    to: change.to,
    whileAway: change.whileAway,
    at: change.at,
  }
}

export function syncedEvent(account: string, groupCount: number, baseline: boolean, at: Date) {
  return { type: 'synced' as const, account, groupCount, baseline, at: at.toISOString() }
}

/**
 * `watch --json`: the account's group details became unavailable (`available: false`, with why) or work again. Said
 * when it changes only; the membership events go on either way.
 */
export function detailsEvent(account: string, error: ErrorView | null) {
  return {
    type: 'details' as const,
    account,
    available: error === null,
    code: error?.code ?? null,
    kind: error?.kind ?? null,
    message: error?.message ?? null,
  }
}

export function errorEvent(account: string, error: ErrorView) {
  return {
    type: 'error' as const,
    account,
    code: error.code,
    kind: error.kind,
    message: error.message,
    retryAt: error.retryAt,
    movedTo: movedToOf(error),
  }
}
