// Believable group lists of any size for the benchmarks: names in several scripts and lengths, every role, some
// avatars and extranet groups, the way a large portal answers. Deterministic, so every run measures the same data.
import type { Group } from '@shared/types'
import type { GroupDetails } from '@shared/model/details'
import { ROLE_BY_CODE } from '@shared/types'
import type { DemoGroup } from '../src/core/demo'

const TOPICS = ['Project', 'Projekt', 'Проект', 'Team', 'Команда', 'Arbeitsgruppe', 'Initiative', 'Équipe']
const SUBJECTS = ['Alpha', 'Nord', 'Süd', 'Восток', 'Cloud', 'CRM', 'Logistik', 'Склад', 'Finance', 'Öko', '販売 🚀']
const ROLES = ['K', 'K', 'K', 'K', 'E', 'A']
export const GROUP_ORIGIN = 'https://acme.bitrix24.com'

function nameFor(index: number): string {
  const topic = TOPICS[index % TOPICS.length] ?? ''
  const subject = SUBJECTS[Math.floor(index / TOPICS.length) % SUBJECTS.length] ?? ''
  // Every seventh name is long, as real project names with a description in them are.
  const tail = index % 7 === 3 ? ' — planning, reporting and coordination across all regions' : ''
  return `${topic} ${subject} ${index}${tail}`
}

/** What the demo portal holds for a user: `count` groups with ids 1000.. in portal order. */
export function portalGroups(count: number): DemoGroup[] {
  return Array.from({ length: count }, (_, index) => ({
    id: String(1000 + index),
    name: nameFor(index),
    role: ROLES[index % ROLES.length] ?? 'K',
    image: index % 4 === 1 ? `https://cdn.bitrix24.com/b123/resize_cache/${1000 + index}/avatar.png` : null,
    extranet: index % 25 === 7,
  }))
}

/** The same list as the client hands it to the sync engine. */
export function clientGroups(count: number): Group[] {
  return portalGroups(count).map((group) => ({
    id: group.id,
    name: group.name,
    roleCode: group.role,
    role: ROLE_BY_CODE[group.role] ?? 'unknown',
    extranet: group.extranet ?? false,
    imageUrl: group.image ?? null,
    url: `${GROUP_ORIGIN}/workgroups/group/${group.id}/`,
  }))
}

/**
 * A copy of `groups` with `fraction` of them changed, spread over the list: a quarter each renamed, given a new role,
 * left, and newly joined (so the length stays). Each is one change to the diff.
 */
export function withChanged(groups: readonly Group[], fraction: number): Group[] {
  const changed = Math.round(groups.length * fraction)
  const step = changed === 0 ? 0 : Math.floor(groups.length / changed)
  const next = groups.map((group) => ({ ...group }))
  const dropped = new Set<number>()
  for (let index = 0; index < changed; index++) {
    const at = index * step
    const group = next[at]
    if (!group) break
    switch (index % 4) {
      case 0:
        group.name = `${group.name} (renamed)`
        break
      case 1:
        group.roleCode = group.roleCode === 'E' ? 'K' : 'E'
        group.role = ROLE_BY_CODE[group.roleCode] ?? 'unknown'
        break
      case 2:
        dropped.add(at)
        break
      case 3:
        next.push({ ...group, id: String(900_000 + index), name: `New group ${index}` })
        break
    }
  }
  return next.filter((_, index) => !dropped.has(index))
}

/**
 * The portal's list with `count` groups renamed (one by default: the smallest change that makes a poll write its
 * snapshot). A prime stride picks different groups each round.
 */
export function withRenamed(groups: readonly DemoGroup[], round: number, count = 1): DemoGroup[] {
  const picked = new Set(Array.from({ length: count }, (_, step) => ((round * count + step) * 7919) % groups.length))
  return groups.map((group, index) => (picked.has(index) ? { ...group, name: `${nameFor(index)} · ${round}` } : group))
}

const TYPES = ['group', 'project', 'scrum', 'collab', null] as const

/**
 * What a details fetch found for `groups` (every type, some archived, member counts, activity, project dates, pending
 * requests for the groups the user owns or moderates), as the sync store keeps it. Deterministic.
 */
export function groupDetailsFor(groups: readonly Group[], at: number): Record<string, GroupDetails> {
  const day = 86_400_000
  return Object.fromEntries(
    groups.map((group, index) => {
      const type = TYPES[index % TYPES.length] ?? null
      const project = type === 'project' || type === 'scrum'
      return [
        group.id,
        {
          type,
          archived: index % 29 === 5,
          memberCount: 3 + (index % 40),
          activityAt: new Date(at - (index % 90) * 3_600_000).toISOString(),
          projectStart: project ? new Date(at - 30 * day).toISOString() : null,
          projectFinish: project && index % 3 === 0 ? new Date(at + (index % 20) * day).toISOString() : null,
          pendingRequests: group.roleCode === 'A' || group.roleCode === 'E' ? index % 4 : null,
        } satisfies GroupDetails,
      ]
    }),
  )
}
