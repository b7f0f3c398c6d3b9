// The demo portal that the command-line and app tests start from, said once: user 1 is Ann Lee, a member of two
// groups, and no rate limit slows the tests down.
import type { DemoGroup, DemoPortal } from './types'
import { startDemoPortal } from './server'

/** User 1's groups on the seeded portal: a group Ann is a member of and a project she owns. */
export const SEED_GROUPS: readonly DemoGroup[] = [
  { id: '77', name: 'New Project Title', role: 'K' },
  { id: '79', name: 'Scrum Project', role: 'A' },
]

/** Starts a demo portal without a rate limit on which user 1, Ann Lee, is in `groups` (default SEED_GROUPS). */
export async function startSeededPortal(groups: readonly DemoGroup[] = SEED_GROUPS): Promise<DemoPortal> {
  const portal = await startDemoPortal({ rateLimit: false })
  const memberships = groups.map((group) => ({ ...group }))
  portal.control.setMemberships('1', memberships)
  portal.control.setProfile('1', { name: 'Ann', lastName: 'Lee' })
  return portal
}
