import type { Group } from '@shared/types'
import type { ChangeDraft } from './diff'
import { CHANGE_KIND_TABLE, CHANGE_KINDS, GROUP_FIELDS } from '@shared/model'
import { compareGroupIds, diffGroups, reuseUnchanged, sameGroup, sameGroupLists } from './diff'
import { group, groups } from './test-support/groups'

/** The changes as `kind id from->to`, which is what each table row states. */
const summary = (changes: ChangeDraft[]) =>
  changes.map((change) => `${change.kind} ${change.group.id} ${String(change.from)}->${String(change.to)}`)

describe('diffGroups', () => {
  it('reads role codes case-insensitively, so a lower-case code from an older snapshot is no change', () => {
    expect(diffGroups([{ ...group('1'), roleCode: 'k' }], [{ ...group('1'), roleCode: 'K' }])).toEqual([])
  })

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

  it('counts only the first of ids repeated in the same places of both lists', () => {
    const again = { ...base, name: 'Second copy' }
    expect(summary(diffGroups([base, again], [base, { ...again, name: 'Renamed copy' }]))).toEqual([])
    const renamed = { ...base, name: 'Renamed' }
    expect(summary(diffGroups([base, again], [renamed, again]))).toEqual(['renamed 7 Design->Renamed'])
  })

  it('gives what a plain reading of the rules gives, over 2,000 random pairs of lists sharing objects', () => {
    // The rules, read plainly: the first occurrence of an id in each list is the group; joined, left, and each field
    // that differs, sorted by kind and then id.
    const reference = (previous: readonly Group[], next: readonly Group[]): string[] => {
      const first = (list: readonly Group[]) => {
        const byId = new Map<string, Group>()
        for (const item of list) if (!byId.has(item.id)) byId.set(item.id, item)
        return byId
      }
      const before = first(previous)
      const after = first(next)
      const found: ChangeDraft[] = []
      for (const [id, item] of after) {
        const old = before.get(id)
        if (!old) found.push({ kind: 'joined', group: item, from: null, to: item.roleCode })
        else {
          if (old.roleCode !== item.roleCode)
            found.push({ kind: 'role_changed', group: item, from: old.roleCode, to: item.roleCode })
          if (old.name !== item.name) found.push({ kind: 'renamed', group: item, from: old.name, to: item.name })
          if (old.imageUrl !== item.imageUrl)
            found.push({ kind: 'image_changed', group: item, from: old.imageUrl, to: item.imageUrl })
          if (old.extranet !== item.extranet)
            found.push({ kind: 'extranet_changed', group: item, from: old.extranet, to: item.extranet })
        }
      }
      for (const [id, item] of before) {
        if (!after.has(id)) found.push({ kind: 'left', group: item, from: item.roleCode, to: null })
      }
      const rank = ['joined', 'left', 'role_changed', 'renamed', 'image_changed', 'extranet_changed']
      return summary(found).sort((a, b) => {
        const [kindA = '', idA = ''] = a.split(' ')
        const [kindB = '', idB = ''] = b.split(' ')
        return rank.indexOf(kindA) - rank.indexOf(kindB) || compareGroupIds(idA, idB)
      })
    }
    let seed = 7
    const random = () => {
      seed = (seed * 16807) % 2147483647
      return seed / 2147483647
    }
    const variant = (id: string): Group => {
      const roll = random()
      if (roll < 0.25) return group(id, { name: `Renamed ${id}` })
      if (roll < 0.5) return group(id, { roleCode: 'A', role: 'owner' })
      if (roll < 0.75) return group(id, { imageUrl: `https://acme.bitrix24.com/${id}.png` })
      return group(id, { extranet: true })
    }
    let previous: Group[] = groups(6)
    let aligned = 0
    for (let round = 0; round < 2_000; round++) {
      const next = [...previous]
      for (let edit = Math.floor(random() * 3); edit > 0; edit--) {
        const at = Math.floor(random() * Math.max(1, next.length))
        const roll = random()
        const id = String(1 + Math.floor(random() * 8))
        if (roll < 0.5 && next[at]) next[at] = variant(next[at].id)
        else if (roll < 0.65) next.splice(at, 0, group(id))
        else if (roll < 0.8) next.splice(at, 1)
        else if (roll < 0.9 && next[at])
          next.splice(at, 0, { ...next[at] }) // a repeated id
        else next[at] = group(id)
      }
      if (next.length === previous.length && next.every((item, index) => item.id === previous[index]?.id)) aligned++
      expect(summary(diffGroups(previous, next)), `round ${round}`).toEqual(reference(previous, next))
      const reused = reuseUnchanged(previous, next)
      expect(reused).toEqual(next)
      previous = random() < 0.8 ? [...reused] : next
    }
    // Both ways through the diff were taken many times.
    expect(aligned).toBeGreaterThan(300)
    expect(aligned).toBeLessThan(1_900)
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

  it('hands back the new list itself when it already holds every unchanged group', () => {
    const previous = groups(4)
    const next = [previous[0], group('2', { name: 'Renamed' }), previous[2], previous[3]] as Group[]
    expect(reuseUnchanged(previous, next)).toBe(next)
    const copies = previous.map((item) => ({ ...item }))
    const reused = reuseUnchanged(previous, copies)
    expect(reused.every((item, index) => item === previous[index])).toBe(true)
  })

  it('matches a duplicated previous id with its first occurrence, as the diff does', () => {
    const first = group('1')
    expect(reuseUnchanged([first, group('1', { name: 'second' })], [group('1')])[0]).toBe(first)
  })
})

describe('the fields the model watches', () => {
  /** A value of the field's type that differs from the group's. */
  const otherValue = (value: unknown) => (typeof value === 'boolean' ? !value : `${String(value)} (changed)`)

  it.each(CHANGE_KINDS.filter((kind) => CHANGE_KIND_TABLE[kind].field !== null))(
    'reports a change of the field of %s as that kind, with the old and new value',
    (kind) => {
      const field = CHANGE_KIND_TABLE[kind].field as keyof Group
      const before = group('7')
      const after = { ...before, [field]: otherValue(before[field]) }
      expect(diffGroups([before], [after])).toEqual([{ kind, group: after, from: before[field], to: after[field] }])
    },
  )

  it.each(GROUP_FIELDS)('counts a group whose %s differs as another group', (field) => {
    const before = group('7')
    expect(sameGroup(before, { ...before })).toBe(true)
    expect(sameGroup(before, { ...before, [field]: otherValue(before[field]) })).toBe(false)
  })
})
