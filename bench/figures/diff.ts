// Figure 3: the pure membership diff at the size of a very large portal, 10,000 groups against 10,000 with 1% changed
// (25 renamed, 25 new roles, 25 left, 25 joined), against the plain diff anyone would write first (below): a Map of
// each list by id, then field by field. Both get a new list object each run (copied untimed), as each poll brings
// one, so no cache keyed by the list can answer; both must find the same 100 changes.
import type { Group } from '@shared/types'
import { diffGroups } from '../../src/core/sync'
import { info, ratioAtMost, type Figure } from '../figures'
import { clientGroups, withChanged } from '../groups'
import { interleave } from '../interleave'
import { summarize } from '../stats'

const GROUPS = 10_000
const CHANGED = 0.01
const BUDGET = 1
const REFERENCE = 'two Maps, field by field (in the bench)'

interface PlainChange {
  kind: string
  id: string
}

/** The reference: what a diff of two lists by id is without any of our shortcuts. */
export function plainDiff(previous: readonly Group[], next: readonly Group[]): PlainChange[] {
  const before = new Map(previous.map((group) => [group.id, group]))
  const after = new Map(next.map((group) => [group.id, group]))
  const changes: PlainChange[] = []
  for (const [id, group] of after) {
    const old = before.get(id)
    if (!old) {
      changes.push({ kind: 'joined', id })
      continue
    }
    if (old.roleCode !== group.roleCode) changes.push({ kind: 'role_changed', id })
    if (old.name !== group.name) changes.push({ kind: 'renamed', id })
    if (old.imageUrl !== group.imageUrl) changes.push({ kind: 'image_changed', id })
    if (old.extranet !== group.extranet) changes.push({ kind: 'extranet_changed', id })
  }
  for (const id of before.keys()) if (!after.has(id)) changes.push({ kind: 'left', id })
  return changes
}

export async function run(): Promise<Figure[]> {
  const before = clientGroups(GROUPS)
  const after = withChanged(before, CHANGED)
  let lists = { before: [...before], after: [...after] }
  const counts = { ours: 0, plain: 0 }
  const fresh = () => (lists = { before: [...before], after: [...after] })
  const samples = await interleave(
    [
      { name: 'ours', prepare: fresh, run: () => (counts.ours = diffGroups(lists.before, lists.after).length) },
      { name: 'plain', prepare: fresh, run: () => (counts.plain = plainDiff(lists.before, lists.after).length) },
    ],
    { warmup: 20, rounds: 150, batch: 2 },
  )
  const expected = GROUPS * CHANGED
  if (counts.ours !== expected || counts.plain !== expected) {
    throw new Error(`the diffs found ${counts.ours} and ${counts.plain} changes, expected ${expected}`)
  }
  const ours = summarize(samples.get('ours') ?? [])
  const plain = summarize(samples.get('plain') ?? [])
  return [
    ratioAtMost(
      'diff 10,000 vs 10,000 (1% changed): ours / plain diff (medians)',
      ours.median,
      { name: REFERENCE, value: plain.median },
      BUDGET,
    ),
    info('diff 10,000 vs 10,000 (1% changed): ours, median', ours.median, 'ms'),
    info('diff 10,000 vs 10,000 (1% changed): plain diff, median', plain.median, 'ms', REFERENCE),
  ]
}
