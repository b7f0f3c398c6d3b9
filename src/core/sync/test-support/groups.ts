// Test data builders for groups, shared by the sync tests.
import type { Group } from '@shared/types'
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
