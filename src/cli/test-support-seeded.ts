// What `list --json` prints for the seeded demo portal (core/demo/test-support.ts), said once for the in-process tests
// and the contract suite. Nothing of the command line is imported here, so the contract suite may use it too.
import type { DemoPortal } from '../core/demo'

/**
 * The document of `list --json` on user 1's webhook of the seeded portal. Its groups carry no details of their own: no
 * TYPE (as older portals), the demo's member count, and a join-request count only on the project Ann owns.
 */
export function seededListJson(portal: DemoPortal) {
  const host = new URL(portal.origin).host
  const details = {
    type: null,
    archived: false,
    memberCount: 1,
    activityAt: null,
    projectStart: null,
    projectFinish: null,
  }
  return {
    accounts: [
      {
        id: `${host}/1`,
        portal: portal.origin,
        user: { id: '1', name: 'Ann Lee' },
        groups: [
          {
            id: '77',
            name: 'New Project Title',
            role: 'member',
            roleCode: 'K',
            extranet: false,
            imageUrl: null,
            url: `${portal.origin}/workgroups/group/77/`,
            details: { ...details, pendingRequests: null },
          },
          {
            id: '79',
            name: 'Scrum Project',
            role: 'owner',
            roleCode: 'A',
            extranet: false,
            imageUrl: null,
            url: `${portal.origin}/workgroups/group/79/`,
            details: { ...details, pendingRequests: 0 },
          },
        ],
        error: null,
        detailsError: null,
      },
    ],
  }
}
