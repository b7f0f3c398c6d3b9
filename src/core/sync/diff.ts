// The one place that decides what counts as a membership change between two complete group lists of one account.
import { CHANGE_KIND_TABLE, CHANGE_KINDS, GROUP_FIELDS, idAfter } from '@shared/model'
import type { ChangeKind, FieldChangeKind, Group, MembershipChange } from '@shared/types'

/** A change before the engine stamps it with an id, account, time and flags. */
export type ChangeDraft = Pick<MembershipChange, 'kind' | 'group' | 'from' | 'to'>

const KIND_RANK: Readonly<Record<ChangeKind, number>> = Object.fromEntries(
  CHANGE_KINDS.map((kind, index) => [kind, index]),
) as Record<ChangeKind, number>

/** Each field whose change is a kind of its own, with that kind, as the model's change kinds say. */
const WATCHED_FIELDS = CHANGE_KINDS.flatMap((kind) => {
  const field = CHANGE_KIND_TABLE[kind].field
  return field === null ? [] : [{ kind: kind as FieldChangeKind, field }]
})

const DIGITS = /^\d+$/
const MATCHED = Symbol('matched')

/** Numeric ids in numeric order (Bitrix ids are integers sent as strings), anything else by code units. */
export function compareGroupIds(a: string, b: string): number {
  if (DIGITS.test(a) && DIGITS.test(b)) {
    const byLength = a.replace(/^0+/, '').length - b.replace(/^0+/, '').length
    if (byLength !== 0) return byLength
  }
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The changes that turn `previous` into `next`, identity being the group id.
 *
 * Order (stable across runs and machines, so notifications and history read the same everywhere): by kind in
 * `CHANGE_KINDS` order (joined, left, role_changed, renamed, image_changed, extranet_changed), then by group id
 * (numeric ids ascending). Names are deliberately not a sort key: their order depends on the locale.
 * One group can yield several changes (say renamed and role_changed); a joined or left group yields only that one.
 */
export function diffGroups(previous: readonly Group[], next: readonly Group[]): ChangeDraft[] {
  const changes = alignedChanges(previous, next) ?? changesById(previous, next)
  return changes.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || compareGroupIds(a.group.id, b.group.id))
}

/**
 * Role codes compare case-insensitively, as the normaliser reads them: `k` after `K` is no role change, also against
 * a snapshot from before the normaliser upper-cased them.
 */
function sameValue(field: string, a: unknown, b: unknown): boolean {
  if (a === b) return true
  return field === 'roleCode' && typeof a === 'string' && typeof b === 'string' && a.toUpperCase() === b.toUpperCase()
}

function fieldChanges(old: Group, group: Group, changes: ChangeDraft[]): void {
  for (const { kind, field } of WATCHED_FIELDS) {
    if (!sameValue(field, old[field], group[field])) changes.push({ kind, group, from: old[field], to: group[field] })
  }
}

/**
 * Lists known to hold each id once. Group lists are never modified once made (they are readonly everywhere), so what
 * was found of a list holds for its life; the weak set lets a list go with its last user.
 */
const uniqueIdLists = new WeakSet<readonly Group[]>()

function hasUniqueIds(list: readonly Group[]): boolean {
  if (uniqueIdLists.has(list)) return true
  // Lists mostly come in id order, which says it without a set (the first poll after a start asks of every group).
  let rising = true
  for (let index = 1; rising && index < list.length; index++) {
    rising = idAfter((list[index - 1] as Group).id, (list[index] as Group).id)
  }
  if (!rising) {
    const ids = new Set<string>()
    for (const group of list) {
      if (ids.has(group.id)) return false
      ids.add(group.id)
    }
  }
  uniqueIdLists.add(list)
  return true
}

/**
 * The usual poll's shortcut: both lists hold the same ids in the same order, and most groups are the very objects of
 * the snapshot (the client hands back the group it made last time for an item sent as before). Then only the groups
 * that are not the same object can have changed, and no map of all ids is built. With each id once in `previous`
 * (known from the last poll, whose list became the snapshot), the lined-up `next` holds each once too. Null when the
 * ids do not line up.
 */
function alignedChanges(previous: readonly Group[], next: readonly Group[]): ChangeDraft[] | null {
  if (previous.length !== next.length) return null
  const differing: number[] = []
  for (let index = 0; index < next.length; index++) {
    const old = previous[index] as Group
    const group = next[index] as Group
    if (old === group) continue
    if (old.id !== group.id) return null
    differing.push(index)
  }
  // Asked only once the ids line up: a list that does not (a group joined or left) goes to changesById, whose map
  // copes with a repeated id by itself, and building a set of every id first cost a third of that diff.
  if (!hasUniqueIds(previous)) return null
  uniqueIdLists.add(next)
  const changes: ChangeDraft[] = []
  for (const index of differing) fieldChanges(previous[index] as Group, next[index] as Group, changes)
  return changes
}

function changesById(previous: readonly Group[], next: readonly Group[]): ChangeDraft[] {
  // One map does all the bookkeeping (this runs on lists of thousands): a previous group's entry is overwritten with
  // MATCHED once `next` has it, and a joined id is added as MATCHED, so a duplicated id in `next` is skipped (the
  // client keeps the first one too) and whatever is left unmatched afterwards has left.
  const before = new Map<string, Group | typeof MATCHED>()
  for (const group of previous) if (!before.has(group.id)) before.set(group.id, group)
  const changes: ChangeDraft[] = []
  let repeated = false

  for (const group of next) {
    const old = before.get(group.id)
    if (old === MATCHED) {
      repeated = true
      continue
    }
    before.set(group.id, MATCHED)
    if (!old) changes.push({ kind: 'joined', group, from: null, to: group.roleCode })
    else if (old !== group) fieldChanges(old, group, changes)
  }
  for (const group of before.values()) {
    if (group !== MATCHED) changes.push({ kind: 'left', group, from: group.roleCode, to: null })
  }
  if (!repeated) uniqueIdLists.add(next)
  return changes
}

/** True when both are the same group with the same fields: every field the model's Group lists. */
export function sameGroup(x: Group, y: Group): boolean {
  if (x === y) return true
  for (const field of GROUP_FIELDS) if (x[field] !== y[field]) return false
  return true
}

/** True when both lists hold the same groups with the same fields in the same order (no change, nothing to write). */
export function sameGroupLists(a: readonly Group[], b: readonly Group[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) {
    const x = a[index]
    const y = b[index]
    if (!x || !y || !sameGroup(x, y)) return false
  }
  return true
}

/**
 * `next` with every group that `previous` already held, unchanged, replaced by the previous object: stored objects
 * then carry over from one snapshot to the next (their serialised text too), and only what changed is new. `next`
 * itself when it already holds every such object (the usual poll), so the list stays the one the diff knows.
 */
export function reuseUnchanged(previous: readonly Group[], next: readonly Group[]): readonly Group[] {
  const aligned = alignedReuse(previous, next)
  if (aligned) return aligned
  const before = new Map<string, Group>()
  for (const group of previous) if (!before.has(group.id)) before.set(group.id, group)
  return next.map((group) => {
    const old = before.get(group.id)
    return old !== undefined && sameGroup(old, group) ? old : group
  })
}

/** reuseUnchanged place by place, for lists with the same ids in the same order, each once; else null. */
function alignedReuse(previous: readonly Group[], next: readonly Group[]): readonly Group[] | null {
  if (previous.length !== next.length || !hasUniqueIds(previous)) return null
  let reused: Group[] | null = null
  for (let index = 0; index < next.length; index++) {
    const old = previous[index] as Group
    const group = next[index] as Group
    if (old === group) continue
    if (old.id !== group.id) return null
    if (sameGroup(old, group)) {
      reused ??= next.slice()
      reused[index] = old
    }
  }
  if (reused) uniqueIdLists.add(reused)
  else uniqueIdLists.add(next)
  return reused ?? next
}
