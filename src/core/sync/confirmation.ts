// The guard against the worst false alarm: "you were removed from 40 groups" because one answer came back short.
import type { ChangeDraft } from './diff'

/**
 * Removals that need a second fetch before anyone is told: more than half of the known groups. That includes "all of
 * them" for any list of 3 or more, and for one or two known groups every total loss too, since a second fetch
 * costs one request and an empty answer is the classic glitch.
 */
export function needsConfirmation(knownCount: number, drafts: readonly ChangeDraft[]): boolean {
  return knownCount > 0 && removedIds(drafts).size * 2 > knownCount
}

export function removedIds(drafts: readonly ChangeDraft[]): Set<string> {
  return new Set(drafts.filter((draft) => draft.kind === 'left').map((draft) => draft.group.id))
}

/**
 * What the confirming fetch says about the first answer's removals:
 * - `confirmed`: it removes exactly the same groups, so they are reported;
 * - `withdrawn`: it is an ordinary answer (no mass removal), which then stands on its own like any poll;
 * - `disputed`: it is another, different mass removal; nothing is reported and the next poll decides.
 */
export type ConfirmationVerdict = 'confirmed' | 'withdrawn' | 'disputed'

export function judgeConfirmation(
  knownCount: number,
  first: readonly ChangeDraft[],
  second: readonly ChangeDraft[],
): ConfirmationVerdict {
  if (!needsConfirmation(knownCount, second)) return 'withdrawn'
  const a = removedIds(first)
  const b = removedIds(second)
  return a.size === b.size && [...a].every((id) => b.has(id)) ? 'confirmed' : 'disputed'
}
