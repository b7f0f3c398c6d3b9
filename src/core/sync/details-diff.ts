// The one place that decides what counts as a details change: a group archived or restored. Only a group whose
// previous and new details are both known can change; a group without details on either side (no scope, a failed or
// first fetch, a group the portal did not list) never reads as archived or restored.
import type { GroupDetails } from '@shared/model/details'
import type { Group } from '@shared/types'
import type { ChangeDraft } from './diff'
import { compareGroupIds } from './diff'

export type DetailsByGroup = Readonly<Record<string, GroupDetails>>

/** archived before restored, each by group id, for the groups of `groups` (the member list now). */
export function diffDetails(
  previous: DetailsByGroup | undefined,
  next: DetailsByGroup,
  groups: readonly Group[],
): ChangeDraft[] {
  if (!previous) return []
  const archived: ChangeDraft[] = []
  const restored: ChangeDraft[] = []
  for (const group of groups) {
    const before = Object.hasOwn(previous, group.id) ? previous[group.id] : undefined
    const after = Object.hasOwn(next, group.id) ? next[group.id] : undefined
    if (!before || !after || before.archived === after.archived) continue
    const draft = { group, from: before.archived, to: after.archived }
    if (after.archived) archived.push({ kind: 'archived', ...draft })
    else restored.push({ kind: 'restored', ...draft })
  }
  const byId = (a: ChangeDraft, b: ChangeDraft) => compareGroupIds(a.group.id, b.group.id)
  return [...archived.sort(byId), ...restored.sort(byId)]
}

/** Whether two details maps say the same. */
export function sameDetails(a: DetailsByGroup | undefined, b: DetailsByGroup): boolean {
  if (!a) return false
  const keys = Object.keys(b)
  if (Object.keys(a).length !== keys.length) return false
  return keys.every((id) => {
    const left = a[id]
    const right = b[id]
    return left !== undefined && right !== undefined && JSON.stringify(left) === JSON.stringify(right)
  })
}
