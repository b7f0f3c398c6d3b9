// What the seed document's example answer (fixtures/seed-user-groups.json) gives, said once for the tests that
// normalise it and the ones that have the client fetch it.
import type { Group } from '@shared/types'

/** The seed answer's two groups as the client returns them, on a portal at `origin`. */
export function seedGroupsAt(origin: string): Group[] {
  return [
    {
      id: '77',
      name: 'New Project Title',
      roleCode: 'K',
      role: 'member',
      extranet: false,
      imageUrl: null,
      url: `${origin}/workgroups/group/77/`,
    },
    {
      id: '79',
      name: 'Scrum Project',
      roleCode: 'A',
      role: 'owner',
      extranet: false,
      imageUrl: null,
      url: `${origin}/workgroups/group/79/`,
    },
  ]
}
