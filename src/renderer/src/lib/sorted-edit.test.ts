import { applyEdit, lowerBound } from './sorted-edit'

const byNumber = (a: number, b: number) => a - b

/** Numbers boxed, so that two equal values are still two items (the edit finds items by identity). */
const box = (value: number) => ({ value })
const byValue = (a: { value: number }, b: { value: number }) => a.value - b.value

describe('lowerBound', () => {
  it('finds where an item is or would go', () => {
    expect(lowerBound([1, 3, 5], 0, byNumber)).toBe(0)
    expect(lowerBound([1, 3, 5], 3, byNumber)).toBe(1)
    expect(lowerBound([1, 3, 5], 4, byNumber)).toBe(2)
    expect(lowerBound([1, 3, 5], 9, byNumber)).toBe(3)
    expect(lowerBound([], 1, byNumber)).toBe(0)
  })
})

describe('applyEdit', () => {
  it('takes items out and puts new ones where the order puts them, leaving the list alone', () => {
    const list = [1, 3, 5, 7, 9].map(box)
    const edited = applyEdit(list, [list[1]!, list[4]!], [box(0), box(6), box(10), box(4)], byValue)
    expect(edited?.map((item) => item.value)).toEqual([0, 1, 4, 5, 6, 7, 10])
    expect(list.map((item) => item.value)).toEqual([1, 3, 5, 7, 9])
  })

  it('puts an item back at the place of the one it replaces', () => {
    const list = [1, 3, 5].map(box)
    const again = box(3)
    expect(applyEdit(list, [list[1]!], [again], byValue)).toEqual([list[0], again, list[2]])
  })

  it('gives null when a removed item is not in the list (the list was not in this order)', () => {
    const list = [5, 1, 3].map(box)
    expect(applyEdit(list, [list[0]!], [], byValue)).toBeNull()
    expect(applyEdit(list, [box(1)], [], byValue)).toBeNull()
  })

  it('equals sorting afresh, for random lists and edits', () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let trial = 0; trial < 300; trial++) {
      // Distinct values: a strict order, as the group list's comparator is.
      // Short and long lists: an edit of a few items moves them within one copy, a larger one joins slices.
      const length = Math.floor(random() * (trial % 2 === 0 ? 40 : 400))
      const values = [...new Set(Array.from({ length }, () => Math.floor(random() * 1000)))]
      const list = values.map(box).sort(byValue)
      const removed = list.filter(() => random() < 0.2)
      const left = new Set(list.filter((item) => !removed.includes(item)).map((item) => item.value))
      const added = [
        ...new Set(Array.from({ length: Math.floor(random() * 30) }, () => 1000 + Math.floor(random() * 500))),
      ]
        .concat(removed.filter(() => random() < 0.5).map((item) => item.value))
        .filter((value) => !left.has(value))
        .map(box)
      const expected = [...list.filter((item) => !removed.includes(item)), ...added].sort(byValue)
      expect(applyEdit(list, removed, added, byValue)).toEqual(expected)
    }
  })
})
