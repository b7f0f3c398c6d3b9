// The demo portal that the command-line and app tests start from, said once: user 1 is Ann Lee, a member of two
// groups, and no rate limit slows the tests down.
import type { GroupDetails } from '@shared/model/details'
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

/** What the details tests' "Launch" project says of itself: nine members, active on 30 November, running from
 * 1 October to 4 December. */
const LAUNCH_FACTS = {
  type: 'project',
  memberCount: 9,
  activityAt: '2026-11-30T10:00:00+03:00',
  projectStart: '2026-10-01T00:00:00+00:00',
  projectFinish: '2026-12-04T00:00:00+00:00',
} as const

/** The details tests' "Launch" project, owned by the user, with `pendingRequests` join requests waiting. */
export function launchProject(id: string, pendingRequests: number): DemoGroup {
  return { id, name: 'Launch', role: 'A', details: { ...LAUNCH_FACTS, pendingRequests } }
}

/** The details of launchProject(…, pendingRequests) as the client reads them (not archived, since it does not say). */
export function launchDetails(pendingRequests: number): GroupDetails {
  return { ...LAUNCH_FACTS, archived: false, pendingRequests }
}
