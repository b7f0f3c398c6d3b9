// Test data builders for groups, shared by the sync tests.
import type { Group, GroupDetails } from '@shared/types'
import { ROLE_BY_CODE } from '@shared/types'

export function group(id: string, overrides: Partial<Group> = {}): Group {
  const roleCode = overrides.roleCode ?? 'K'
  return {
    id,
    name: `Group ${id}`,
    roleCode,
    role: ROLE_BY_CODE[roleCode] ?? 'unknown',
    extranet: false,
    imageUrl: null,
    url: `https://acme.bitrix24.com/workgroups/group/${id}/`,
    ...overrides,
  }
}

/** Groups with ids 1..count. */
export function groups(count: number): Group[] {
  return Array.from({ length: count }, (_, index) => group(String(index + 1)))
}

/** A group's details: a plain group with three members and nothing else known, unless told otherwise. */
export function details(overrides: Partial<GroupDetails> = {}): GroupDetails {
  return {
    type: 'group',
    archived: false,
    memberCount: 3,
    activityAt: null,
    projectStart: null,
    projectFinish: null,
    pendingRequests: null,
    ...overrides,
  }
}
