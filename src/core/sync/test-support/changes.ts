// Builds stamped changes for store and engine tests.
import type { MembershipChange } from '@shared/types'
import { group } from './groups'

let counter = 0

export function change(accountId: string, overrides: Partial<MembershipChange> = {}): MembershipChange {
  counter++
  return {
    id: `change-${counter}`,
    accountId,
    kind: 'joined',
    group: group(String(counter)),
    from: null,
    to: 'K',
    whileAway: false,
    at: '2025-01-01T09:00:00.000Z',
    seen: false,
    ...overrides,
  }
}
