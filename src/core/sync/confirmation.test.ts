import { diffGroups } from './diff'
import { judgeConfirmation, needsConfirmation } from './confirmation'
import { groups } from './test-support/groups'

const known = (count: number) => groups(count)
/** The drafts of an answer that keeps only the first `kept` of `count` known groups. */
const keeping = (count: number, kept: number) => diffGroups(known(count), known(count).slice(0, kept))

describe('which answers need a confirming fetch', () => {
  it.each([
    [10, 10, false, 'nothing removed'],
    [10, 5, false, 'exactly half removed'],
    [10, 4, true, 'more than half removed'],
    [10, 0, true, 'all removed'],
    [3, 0, true, 'all 3 removed'],
    [3, 1, true, '2 of 3 removed'],
    [3, 2, false, '1 of 3 removed'],
    [2, 1, false, '1 of 2 removed'],
    [2, 0, true, 'both of 2 removed'],
    [1, 0, true, 'the only group removed'],
    [0, 0, false, 'nothing known'],
  ])('%i known, %i kept: %s', (count, kept, expected) => {
    expect(needsConfirmation(count, keeping(count, kept))).toBe(expected)
  })

  it('does not count joined groups against removals', () => {
    const previous = known(4)
    const next = [...known(6).slice(4), ...previous.slice(0, 1)]
    expect(needsConfirmation(4, diffGroups(previous, next))).toBe(true)
    expect(needsConfirmation(4, diffGroups(previous, [...groups(10).slice(4), ...previous.slice(0, 2)]))).toBe(false)
  })
})

describe('what the confirming fetch decides', () => {
  it('confirms when it removes the very same groups', () => {
    expect(judgeConfirmation(10, keeping(10, 0), keeping(10, 0))).toBe('confirmed')
  })

  it('withdraws the removals when the groups are back', () => {
    expect(judgeConfirmation(10, keeping(10, 0), keeping(10, 10))).toBe('withdrawn')
  })

  it('withdraws them when only some are gone, which is then an ordinary answer', () => {
    expect(judgeConfirmation(10, keeping(10, 0), keeping(10, 8))).toBe('withdrawn')
  })

  it('disputes a different mass removal', () => {
    expect(judgeConfirmation(10, keeping(10, 0), keeping(10, 2))).toBe('disputed')
  })
})
