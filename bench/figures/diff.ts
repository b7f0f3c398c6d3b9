// Figure 3: the pure membership diff at the size of a very large portal, 10,000 groups against 10,000 with 1% changed.
import { diffGroups } from '../../src/core/sync'
import { atMost, info, type Figure } from '../figures'
import { clientGroups, withChanged } from '../groups'
import { interleave } from '../interleave'
import { summarize } from '../stats'

const GROUPS = 10_000
const CHANGED = 0.01
const BUDGET_MS = 5

export async function run(): Promise<Figure[]> {
  const before = clientGroups(GROUPS)
  const after = withChanged(before, CHANGED)
  let changes = 0
  const samples = await interleave([{ name: 'diff', run: () => (changes = diffGroups(before, after).length) }], {
    warmup: 30,
    rounds: 200,
  })
  if (changes !== GROUPS * CHANGED) throw new Error(`the diff found ${changes} changes, expected ${GROUPS * CHANGED}`)
  const summary = summarize(samples.get('diff') ?? [])
  return [
    atMost('diff 10,000 vs 10,000 (1% changed): median', summary.median, 'ms', BUDGET_MS),
    info('diff 10,000 vs 10,000 (1% changed): p95', summary.p95, 'ms'),
  ]
}
