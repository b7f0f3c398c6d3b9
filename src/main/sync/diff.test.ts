import type { Group } from '@shared/types'
import type { ChangeDraft } from './diff'
import { compareGroupIds, diffGroups, reuseUnchanged, sameGroupLists } from './diff'
import { group, groups } from './test-support/groups'

/** The changes as `kind id from->to`, which is what each table row states. */
const summary = (changes: ChangeDraft[]) =>
  changes.map((change) => `${change.kind} ${change.group.id} ${String(change.from)}->${String(change.to)}`)

describe('diffGroups', () => {
  const base = group('7', { name: 'Design', roleCode: 'K', imageUrl: 'https://acme.bitrix24.com/a.png' })

  it.each<[string, Group[], Group[], string[]]>([
    ['nothing for identical lists', [base], [{ ...base }], []],
    ['nothing for two empty lists', [], [], []],
    ['a joined group with its role', [], [base], ['joined 7 null->K']],
    ['a left group with its last role', [base], [], ['left 7 K->null']],
    [
      'a role change from member to moderator',
      [base],
      [{ ...base, roleCode: 'E', role: 'moderator' }],
      ['role_changed 7 K->E'],
    ],
    [
      'a role change to an unknown code',
      [base],
      [{ ...base, roleCode: 'Q', role: 'unknown' }],
      ['role_changed 7 K->Q'],
    ],
    ['a rename with the old and new name', [base], [{ ...base, name: 'Design 2' }], ['renamed 7 Design->Design 2']],
    [
      'an image change',
      [base],
      [{ ...base, imageUrl: 'https://acme.bitrix24.com/b.png' }],
      ['image_changed 7 https://acme.bitrix24.com/a.png->https://acme.bitrix24.com/b.png'],
    ],
    [
      'an image removed',
      [base],
      [{ ...base, imageUrl: null }],
      ['image_changed 7 https://acme.bitrix24.com/a.png->null'],
    ],
    ['an extranet flag set', [base], [{ ...base, extranet: true }], ['extranet_changed 7 false->true']],
    ['an extranet flag cleared', [{ ...base, extranet: true }], [base], ['extranet_changed 7 true->false']],
    [
      'every in-place kind at once for one group, in kind order',
      [base],
      [{ ...base, roleCode: 'A', role: 'owner', name: 'D', imageUrl: null, extranet: true }],
      [
        'role_changed 7 K->A',
        'renamed 7 Design->D',
        'image_changed 7 https://acme.bitrix24.com/a.png->null',
        'extranet_changed 7 false->true',
      ],
    ],
    [
      'joined, left and changed groups together',
      [group('1'), group('2'), group('3', { name: 'Old' })],
      [group('3', { name: 'New', roleCode: 'E' }), group('4')],
      ['joined 4 null->K', 'left 1 K->null', 'left 2 K->null', 'role_changed 3 K->E', 'renamed 3 Old->New'],
    ],
    [
      'a group that left and one that joined with the same name',
      [group('1', { name: 'X' })],
      [group('2', { name: 'X' })],
      ['joined 2 null->K', 'left 1 K->null'],
    ],
    ['nothing when only the page URL differs', [base], [{ ...base, url: 'https://other/workgroups/group/7/' }], []],
    ['nothing when only the order differs', [group('1'), group('2')], [group('2'), group('1')], []],
  ])('reports %s', (_name, previous, next, expected) => {
    expect(summary(diffGroups(previous, next))).toEqual(expected)
  })

  it('carries the group as it is now, and for a left group as it was last seen', () => {
    const renamed = { ...base, name: 'Now' }
    const [change] = diffGroups([base], [renamed])
    expect(change?.group).toBe(renamed)
    const [left] = diffGroups([base], [])
    expect(left?.group).toBe(base)
  })

  it('orders by kind, then by numeric group id, whatever the input order', () => {
    const previous = [group('10'), group('9'), group('100', { name: 'a' }), group('2', { name: 'a' })]
    const next = [group('100', { name: 'b' }), group('3'), group('2', { name: 'b' }), group('20')]
    expect(summary(diffGroups(previous, next))).toEqual([
      'joined 3 null->K',
      'joined 20 null->K',
      'left 9 K->null',
      'left 10 K->null',
      'renamed 2 a->b',
      'renamed 100 a->b',
    ])
    expect(summary(diffGroups([...previous].reverse(), [...next].reverse()))).toEqual(
      summary(diffGroups(previous, next)),
    )
  })

  it('keeps the first of duplicated ids, as the client does', () => {
    expect(summary(diffGroups([base], [base, { ...base, name: 'Dup' }]))).toEqual([])
    expect(summary(diffGroups([], [base, { ...base }]))).toEqual(['joined 7 null->K'])
  })

  it('replaying the changes onto the previous list gives the next list', () => {
    const previous = groups(50)
    const next = groups(60)
      .filter((item) => Number(item.id) % 7 !== 0)
      .map((item) =>
        Number(item.id) % 5 === 0 ? { ...item, name: `${item.name}!`, roleCode: 'A', role: 'owner' as const } : item,
      )
    const replayed = new Map(previous.map((item) => [item.id, item]))
    for (const change of diffGroups(previous, next)) {
      if (change.kind === 'left') replayed.delete(change.group.id)
      else replayed.set(change.group.id, change.group)
    }
    expect([...replayed.values()].sort((a, b) => compareGroupIds(a.id, b.id))).toEqual(next)
  })
})

describe('compareGroupIds', () => {
  it.each([
    ['2', '10', -1],
    ['10', '2', 1],
    ['7', '7', 0],
    ['abc', 'abd', -1],
    ['9', 'a', -1],
  ])('%s vs %s is %i', (a, b, sign) => {
    expect(Math.sign(compareGroupIds(a, b))).toBe(sign)
  })
})

describe('sameGroupLists', () => {
  it.each([
    ['equal lists', [group('1'), group('2')], [group('1'), group('2')], true],
    ['another order', [group('1'), group('2')], [group('2'), group('1')], false],
    ['another URL', [group('1')], [group('1', { url: 'https://x/' })], false],
    ['another role word', [group('1')], [group('1', { role: 'unknown' })], false],
    ['another length', [group('1')], [], false],
  ])('%s: %s', (_name, a, b, expected) => {
    expect(sameGroupLists(a, b)).toBe(expected)
  })

  it('knows a list is the same as itself without comparing its groups', () => {
    const list = groups(3)
    const read = vi.fn(() => '1')
    Object.defineProperty(list[0], 'id', { get: read })
    expect(sameGroupLists(list, list)).toBe(true)
    expect(read).not.toHaveBeenCalled()
  })
})

describe('reuseUnchanged', () => {
  it('keeps the previous object for every group that did not change, in the new order', () => {
    const previous = [group('1'), group('2'), group('3')]
    const next = [group('3'), group('2', { name: 'Renamed' }), group('4'), group('1')]
    const reused = reuseUnchanged(previous, next)
    expect(reused).toEqual(next)
    expect(reused[0]).toBe(previous[2])
    expect(reused[1]).toBe(next[1])
    expect(reused[2]).toBe(next[2])
    expect(reused[3]).toBe(previous[0])
  })

  it.each<[string, Partial<Group>]>([
    ['role word', { role: 'unknown' }],
    ['page URL', { url: 'https://x/1' }],
    ['avatar', { imageUrl: 'https://x/a.png' }],
    ['extranet flag', { extranet: true }],
  ])('takes the new object when only the %s differs', (_, change) => {
    const fresh = group('1', change)
    expect(reuseUnchanged([group('1')], [fresh])[0]).toBe(fresh)
  })

  it('matches a duplicated previous id with its first occurrence, as the diff does', () => {
    const first = group('1')
    expect(reuseUnchanged([first, group('1', { name: 'second' })], [group('1')])[0]).toBe(first)
  })
})
