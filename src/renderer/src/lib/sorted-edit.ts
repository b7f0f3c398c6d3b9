// Editing a sorted list in place of sorting it again: the few rows a delta touched are found by binary search, taken
// out and put back where the order puts them. O(k · log n) comparisons for k rows out of n, and one copy of the
// list's references (a memory copy, no comparisons), instead of the n · log n comparisons of a sort.

/** A sorted list's change: `removed` rows (objects of `from`) taken out, `added` rows put in. */
export interface RowEdit<T> {
  from: readonly T[]
  removed: readonly T[]
  added: readonly T[]
}

/** Up to this many items, the edit moves items within one copy; beyond it, it joins slices. */
const FEW = 16

/** The first index whose item does not sort before `item`: where `item` is, or would go. */
export function lowerBound<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compare(list[middle] as T, item) < 0) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * `list` (sorted by `compare`, a strict order in which only an item and itself compare equal) without `removed`
 * and with `added`, still sorted; a new list, `list` is left alone. Null when a removed item is not in the list:
 * the list was not sorted by this order, and the caller must sort afresh.
 */
export function applyEdit<T>(
  list: readonly T[],
  removed: readonly T[],
  added: readonly T[],
  compare: (a: T, b: T) => number,
): T[] | null {
  const out = new Set<number>()
  for (const item of removed) {
    const index = lowerBound(list, item, compare)
    if (list[index] !== item || out.has(index)) return null
    out.add(index)
  }
  const gone = [...out].sort((a, b) => a - b)
  const incoming = [...added].sort(compare)
  if (gone.length + incoming.length <= FEW) {
    // One copy, then moves within it (no new arrays: at 50,000 rows each one is a large allocation).
    const edited = list.slice()
    for (let at = gone.length - 1; at >= 0; at--) edited.splice(gone[at] as number, 1)
    for (const item of incoming) edited.splice(lowerBound(edited, item, compare), 0, item)
    return edited
  }
  // Where each incoming item goes in `list` (the removed items still in place: they keep the order consistent).
  const places = incoming.map((item) => lowerBound(list, item, compare))
  const pieces: T[][] = []
  let from = 0
  let nextGone = 0
  let nextIn = 0
  while (nextGone < gone.length || nextIn < incoming.length) {
    const goneAt = gone[nextGone] ?? Infinity
    const inAt = places[nextIn] ?? Infinity
    if (inAt <= goneAt) {
      pieces.push(list.slice(from, inAt), [incoming[nextIn] as T])
      from = inAt
      nextIn += 1
    } else {
      pieces.push(list.slice(from, goneAt))
      from = goneAt + 1
      nextGone += 1
    }
  }
  pieces.push(list.slice(from))
  return ([] as T[]).concat(...pieces)
}
