// Replays emitted changes onto a group list, checking each change's `from` against what the list held.
import type { Group, MembershipChange } from '@shared/types'
import type { DemoGroup } from '../../demo'
import { compareGroupIds } from '../diff'

/** What a replayed list and the portal must agree on (the page URL is derived, not reported as a change). */
export type Essentials = Pick<Group, 'id' | 'name' | 'roleCode' | 'extranet' | 'imageUrl'>

export const essentialsOf = (group: Group): Essentials => ({
  id: group.id,
  name: group.name,
  roleCode: group.roleCode,
  extranet: group.extranet,
  imageUrl: group.imageUrl,
})

export const essentialsOfDemo = (group: DemoGroup): Essentials => ({
  id: group.id,
  name: group.name,
  roleCode: group.role,
  extranet: group.extranet ?? false,
  imageUrl: group.image || null,
})

export const byId = (list: readonly Essentials[]): Essentials[] => [...list].sort((a, b) => compareGroupIds(a.id, b.id))

const FIELD_OF = {
  left: 'roleCode',
  role_changed: 'roleCode',
  renamed: 'name',
  image_changed: 'imageUrl',
  extranet_changed: 'extranet',
} as const

export class Replay {
  private readonly groups: Map<string, Essentials>

  constructor(first: readonly Group[]) {
    this.groups = new Map(first.map((group) => [group.id, essentialsOf(group)]))
  }

  /** Applies one change; returns what was wrong with it, or null. */
  apply(change: MembershipChange): string | null {
    const id = change.group.id
    const current = this.groups.get(id)
    if (change.kind === 'joined') {
      if (current) return `joined ${id}, which was already there`
      this.groups.set(id, essentialsOf(change.group))
      return null
    }
    if (!current) return `${change.kind} ${id}, which is not there`
    // Archived and restored come from the group details, which this replay of the membership list does not hold.
    if (change.kind === 'archived' || change.kind === 'restored') return null
    const field = FIELD_OF[change.kind]
    const problem =
      current[field] === change.from
        ? null
        : `${change.kind} ${id} from ${String(change.from)}, but it was ${String(current[field])}`
    if (change.kind === 'left') this.groups.delete(id)
    else this.groups.set(id, { ...current, [field]: change.to })
    return problem
  }

  list(): Essentials[] {
    return byId([...this.groups.values()])
  }
}

/** The first few groups on which two lists disagree, for a readable failure. */
export function difference(ours: readonly Essentials[], theirs: readonly Essentials[]): string {
  const a = new Map(ours.map((group) => [group.id, JSON.stringify(group)]))
  const b = new Map(theirs.map((group) => [group.id, JSON.stringify(group)]))
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((id) => a.get(id) !== b.get(id))
    .slice(0, 3)
    .map((id) => `${a.get(id) ?? 'none'} vs portal ${b.get(id) ?? 'none'}`)
    .join('; ')
}

export const sameList = (a: readonly Essentials[], b: readonly Essentials[]) => JSON.stringify(a) === JSON.stringify(b)
