import fc from 'fast-check'
import type { Group } from '@shared/types'
import { GROUP_FIELDS } from '@shared/model'
import seed from './fixtures/seed-user-groups.json' with { type: 'json' }
import {
  createGroupListNormaliser,
  GROUP_ITEM_TYPES,
  groupIdOf,
  normaliseGroups,
  parseGroupItems,
  withoutBadIds,
} from './groups'
import { createGroupUrlBuilder, resolvePortalUrl } from './portal-urls'
import { failureOf } from './test-support/client'
import { seedGroupsAt } from './test-support/seed'

const ORIGIN = 'https://acme.bitrix24.com'
const urls = createGroupUrlBuilder('/workgroups/group/{id}/', ORIGIN)

function normalise(items: unknown) {
  return normaliseGroups(parseGroupItems(items), ORIGIN, urls)
}

describe('normalising sonet_group.user.groups', () => {
  it("turns the seed document's example into the expected groups", () => {
    expect(normalise(seed.result)).toEqual(seedGroupsAt('https://acme.bitrix24.com'))
  })

  it('reads a numeric GROUP_ID as a string', () => {
    expect(normalise([{ GROUP_ID: 12, GROUP_NAME: 'A', ROLE: 'K' }])[0]?.id).toBe('12')
  })

  it.each([
    ['A', 'owner'],
    ['E', 'moderator'],
    ['K', 'member'],
    ['T', 'banned'],
    ['Z', 'requested'],
    ['Q', 'unknown'],
    ['', 'unknown'],
  ])('maps ROLE %j to %s and keeps the raw code', (code, role) => {
    expect(normalise([{ GROUP_ID: '1', GROUP_NAME: 'A', ROLE: code }])[0]).toMatchObject({ roleCode: code, role })
  })

  it("marks IS_EXTRANET 'Y' as extranet, and absent or anything else as not", () => {
    const groups = normalise([
      { GROUP_ID: '1', GROUP_NAME: 'x', ROLE: 'K', IS_EXTRANET: 'Y' },
      { GROUP_ID: '2', GROUP_NAME: 'y', ROLE: 'K' },
      { GROUP_ID: '3', GROUP_NAME: 'z', ROLE: 'K', IS_EXTRANET: 'N' },
    ])
    expect(groups.map((group) => group.extranet)).toEqual([true, false, false])
  })

  it('resolves a relative GROUP_IMAGE against the portal and reads "" as no image', () => {
    const groups = normalise([
      { GROUP_ID: '1', GROUP_NAME: 'x', ROLE: 'K', GROUP_IMAGE: '/upload/resize_cache/a b.png' },
      { GROUP_ID: '2', GROUP_NAME: 'y', ROLE: 'K', GROUP_IMAGE: '' },
      { GROUP_ID: '3', GROUP_NAME: 'z', ROLE: 'K', GROUP_IMAGE: 'https://cdn.bitrix24.com/b1/x.png' },
    ])
    expect(groups.map((group) => group.imageUrl)).toEqual([
      'https://acme.bitrix24.com/upload/resize_cache/a%20b.png',
      null,
      'https://cdn.bitrix24.com/b1/x.png',
    ])
  })

  it('never lets a non-web image URL through', () => {
    expect(resolvePortalUrl('javascript:alert(1)', ORIGIN)).toBeNull()
    expect(resolvePortalUrl('data:image/png;base64,AAAA', ORIGIN)).toBeNull()
  })

  it('takes an https image from any host, and a plain-http one only from the portal itself', () => {
    expect(resolvePortalUrl('https://cdn.example.net/a.png', ORIGIN)).toBe('https://cdn.example.net/a.png')
    expect(resolvePortalUrl('http://cdn.example.net/a.png', ORIGIN)).toBeNull()
    expect(resolvePortalUrl('http://acme.bitrix24.com/a.png', ORIGIN)).toBeNull()
    const loopback = 'http://127.0.0.1:4000'
    expect(resolvePortalUrl('/upload/a.png', loopback)).toBe('http://127.0.0.1:4000/upload/a.png')
    expect(resolvePortalUrl('http://127.0.0.1:4000/upload/a.png', loopback)).toBe('http://127.0.0.1:4000/upload/a.png')
    expect(resolvePortalUrl('http://127.0.0.1:4001/a.png', loopback)).toBeNull()
    expect(resolvePortalUrl('http://evil.example/a.png', loopback)).toBeNull()
    expect(resolvePortalUrl('//evil.example/a.png', loopback)).toBeNull()
    expect(resolvePortalUrl('https://evil.example/a.png', loopback)).toBe('https://evil.example/a.png')
  })

  it('keeps the first of two items with the same id', () => {
    const groups = normalise([
      { GROUP_ID: '5', GROUP_NAME: 'first', ROLE: 'K' },
      { GROUP_ID: 5, GROUP_NAME: 'second', ROLE: 'A' },
    ])
    expect(groups).toHaveLength(1)
    expect(groups[0]?.name).toBe('first')
  })

  it('keeps names exactly as sent, markup and all', () => {
    expect(normalise([{ GROUP_ID: '1', GROUP_NAME: 'Ideas <b>&"', ROLE: 'K' }])[0]?.name).toBe('Ideas <b>&"')
  })

  it.each([
    ['a missing name', [{ GROUP_ID: '1', ROLE: 'K' }], 'result.0.GROUP_NAME'],
    ['an empty id', [{ GROUP_ID: '', GROUP_NAME: 'x', ROLE: 'K' }], 'result.0.GROUP_ID'],
    ['a negative id', [{ GROUP_ID: -1, GROUP_NAME: 'x', ROLE: 'K' }], 'result.0.GROUP_ID'],
    ['a role that is not text', [{ GROUP_ID: '1', GROUP_NAME: 'x', ROLE: 1 }], 'result.0.ROLE'],
    ['an object instead of a list', { GROUP_ID: '1' }, 'result'],
  ])('fails the whole answer for %s, naming the field', (_, items, where) => {
    const good = { GROUP_ID: '9', GROUP_NAME: 'fine', ROLE: 'K' }
    const error = failureOf(() => normalise(Array.isArray(items) ? [...items, good] : items))
    expect(error.code).toBe('BAD_RESPONSE')
    expect(error.reason).toBe('shape')
    expect(error.message).toContain(where)
  })
})

describe('the limits an item is held to', () => {
  const item = (fields: Record<string, unknown>) => ({ GROUP_ID: '1', GROUP_NAME: 'x', ROLE: 'K', ...fields })

  it.each([
    ['an id with a space inside', { GROUP_ID: '1 2' }, 'result.0.GROUP_ID'],
    ['an id with a slash', { GROUP_ID: '1/2' }, 'result.0.GROUP_ID'],
    ['an id with a query mark', { GROUP_ID: '1?x' }, 'result.0.GROUP_ID'],
    ['an id of only spaces', { GROUP_ID: '   ' }, 'result.0.GROUP_ID'],
    ['an id of 65 characters', { GROUP_ID: '9'.repeat(65) }, 'result.0.GROUP_ID'],
    ['a fractional numeric id', { GROUP_ID: 1.5 }, 'result.0.GROUP_ID'],
    ['a numeric id beyond safe integers', { GROUP_ID: 2 ** 60 }, 'result.0.GROUP_ID'],
    ['an id that is neither text nor number', { GROUP_ID: true }, 'result.0.GROUP_ID'],
    ['a name of 10,001 characters', { GROUP_NAME: 'n'.repeat(10_001) }, 'result.0.GROUP_NAME'],
    ['a role of 33 characters', { ROLE: 'K'.repeat(33) }, 'result.0.ROLE'],
    ['an image URL of 4,097 characters', { GROUP_IMAGE: `/${'a'.repeat(4096)}` }, 'result.0.GROUP_IMAGE'],
    ['an image id that is an object', { GROUP_IMAGE_ID: {} }, 'result.0.GROUP_IMAGE_ID'],
    ['an extranet flag that is a number', { IS_EXTRANET: 1 }, 'result.0.IS_EXTRANET'],
  ])('refuses %s, naming the field but not its value', (_, fields, where) => {
    const error = failureOf(() => parseGroupItems([item(fields)]))
    expect([error.code, error.reason]).toEqual(['BAD_RESPONSE', 'shape'])
    expect(error.message).toContain(where)
    expect(error.message).not.toContain('9'.repeat(65))
  })

  it('names the bad item by its position in the page', () => {
    const error = failureOf(() => parseGroupItems([item({}), item({}), item({ ROLE: 'K'.repeat(33) })]))
    expect(error.message).toContain('result.2.ROLE')
  })

  it('accepts every field at its limit and trims a padded id', () => {
    const [parsed] = parseGroupItems([
      item({
        GROUP_ID: ` ${'7'.repeat(64)} `,
        GROUP_NAME: 'n'.repeat(10_000),
        ROLE: 'K'.repeat(32),
        GROUP_IMAGE: `/${'a'.repeat(4095)}`,
        GROUP_IMAGE_ID: '12',
        IS_EXTRANET: null,
      }),
    ])
    expect(parsed?.GROUP_ID).toBe('7'.repeat(64))
    expect(parsed?.GROUP_NAME).toHaveLength(10_000)
  })

  it('reads the largest safe integer id as its decimal text', () => {
    expect(parseGroupItems([item({ GROUP_ID: Number.MAX_SAFE_INTEGER })])[0]?.GROUP_ID).toBe('9007199254740991')
  })

  it('accepts null and absent optional fields alike', () => {
    const parsed = parseGroupItems([
      item({ GROUP_IMAGE_ID: null, GROUP_IMAGE: null, IS_EXTRANET: null }),
      item({ GROUP_IMAGE_ID: 3, GROUP_IMAGE: '', IS_EXTRANET: false }),
      item({}),
    ])
    expect(parsed).toHaveLength(3)
  })
})

describe('normalising list after list', () => {
  type Item = Record<string, unknown>
  const base: Item[] = [
    { GROUP_ID: '1', GROUP_NAME: 'One', ROLE: 'K', GROUP_IMAGE: '/upload/1.png', GROUP_IMAGE_ID: 1 },
    { GROUP_ID: 2, GROUP_NAME: 'Two', ROLE: 'A', GROUP_IMAGE: '' },
    { GROUP_ID: '3', GROUP_NAME: 'Three', ROLE: 'E', IS_EXTRANET: 'Y' },
  ]
  const edit = (items: Item[], index: number, fields: Item) =>
    items.map((item, at) => (at === index ? { ...item, ...fields } : item))
  const [one, two, three] = base as [Item, Item, Item]
  const LISTS: Item[][] = [
    base,
    base,
    // As many items as last time, each sent as before, and yet not the same list:
    [one, two, one],
    base,
    [three, one, two],
    [one, two, { GROUP_ID: '4', GROUP_NAME: 'Four', ROLE: 'K' }],
    base,
    edit(base, 0, { GROUP_NAME: 'One renamed' }),
    edit(base, 1, { ROLE: 'K' }),
    edit(base, 0, { GROUP_IMAGE: 'https://cdn.example.com/new.png' }),
    edit(base, 2, { IS_EXTRANET: undefined }),
    edit(base, 2, { IS_EXTRANET: 'N' }),
    [...base, { GROUP_ID: '4', GROUP_NAME: 'Four', ROLE: 'K' }, { GROUP_ID: '1', GROUP_NAME: 'dup', ROLE: 'A' }],
    base.slice(1),
    [],
    base,
  ]

  /** What normalising the list afresh gives: the groups, or the error's message. */
  function afresh(list: unknown): unknown {
    try {
      return normaliseGroups(parseGroupItems(list), ORIGIN, urls)
    } catch (error) {
      return (error as Error).message
    }
  }

  function remembering(normalise: ReturnType<typeof createGroupListNormaliser>, list: unknown[]): unknown {
    try {
      return normalise(list)
    } catch (error) {
      return (error as Error).message
    }
  }

  it('gives exactly what normalising each list afresh gives', () => {
    const normalise = createGroupListNormaliser(ORIGIN, urls)
    for (const list of LISTS) expect(remembering(normalise, list)).toEqual(afresh(list))
  })

  it('neither validates nor compares an item again that it is handed as the very object it kept', () => {
    let reads = 0
    const counted = (item: Item) =>
      new Proxy(item, {
        // Validating it or comparing it with the last one reads its name; lining lists up reads only ids.
        get(target, key) {
          if (key === 'GROUP_NAME') reads++
          return Reflect.get(target, key)
        },
      })
    const items = [
      counted({ GROUP_ID: '1', GROUP_NAME: 'One', ROLE: 'K' }),
      counted({ GROUP_ID: 2, GROUP_NAME: 'Two, its id a number', ROLE: 'K' }),
      counted({ GROUP_ID: '3', GROUP_NAME: 'Three', ROLE: 'A', IS_EXTRANET: 'Y' }),
    ]
    const normalise = createGroupListNormaliser(ORIGIN, urls)
    const first = normalise(items)
    reads = 0
    const again = normalise(items)
    expect(again).toEqual(afresh(items))
    again.forEach((group, index) => expect(group).toBe(first[index]))
    // The item with a number id was kept as made anew (its id made text): that one is compared field by field.
    expect(reads).toBeGreaterThan(0)
    const plain = [items[0], items[2]]
    normalise(plain)
    reads = 0
    normalise(plain)
    expect(reads).toBe(0)
  })

  it('gives what normalising afresh gives over 3,000 random lists: reordered, repeated, renumbered, broken', () => {
    // A seeded generator (mulberry32), so that a failure can be replayed.
    let seed = 20261127
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T
    const variants = (id: number): Item[] => [
      { GROUP_ID: String(id), GROUP_NAME: `G${id}`, ROLE: 'K' },
      { GROUP_ID: id, GROUP_NAME: `G${id}`, ROLE: 'K' },
      { GROUP_ID: ` ${id} `, GROUP_NAME: `G${id}`, ROLE: 'K' },
      { GROUP_ID: String(id), GROUP_NAME: `G${id} renamed`, ROLE: 'K' },
      { GROUP_ID: String(id), GROUP_NAME: `G${id}`, ROLE: 'A', IS_EXTRANET: 'Y' },
      { GROUP_ID: String(id), GROUP_NAME: `G${id}`, ROLE: 'K', GROUP_IMAGE: `/upload/${id}.png`, GROUP_IMAGE_ID: id },
      { GROUP_ID: String(id), GROUP_NAME: `G${id}`, ROLE: 'K', GROUP_IMAGE_ID: 7 },
    ]
    const broken: unknown[] = [
      null,
      'text',
      { GROUP_ID: '1', GROUP_NAME: 'G1', ROLE: 'K', GROUP_IMAGE_ID: {} },
      { GROUP_ID: '1', GROUP_NAME: 'G1', ROLE: 1 },
      { GROUP_ID: '1 1', GROUP_NAME: 'G1', ROLE: 'K' },
    ]
    const normalise = createGroupListNormaliser(ORIGIN, urls)
    let last: unknown[] = []
    let failures = 0
    for (let round = 0; round < 3_000; round++) {
      const list = random() < 0.5 ? [...last] : []
      if (list.length === 0) for (let n = Math.floor(random() * 8); n > 0; n--) list.push(pick(variants(n % 5)))
      const edits = Math.floor(random() * 3)
      for (let edit = 0; edit < edits; edit++) {
        const at = Math.floor(random() * (list.length + 1))
        const roll = random()
        if (roll < 0.35) list.splice(at, 0, pick(variants(Math.floor(random() * 6))))
        else if (roll < 0.6) list.splice(at, 1)
        else if (roll < 0.93) list[at] = pick(variants(Math.floor(random() * 6)))
        else list.splice(at, 0, pick(broken))
      }
      const expected = afresh(list)
      expect(remembering(normalise, list), `round ${round}: ${JSON.stringify(list)}`).toEqual(expected)
      if (typeof expected === 'string') failures++
      else last = list
    }
    // The mix holds both kinds of list in numbers.
    expect(failures).toBeGreaterThan(100)
    expect(failures).toBeLessThan(2_000)
  })

  it("hands back last list's group for an item sent exactly as before, and a new one for any difference", () => {
    const normalise = createGroupListNormaliser(ORIGIN, urls)
    const first = normalise(base)
    const same = normalise(base.map((item) => ({ ...item })))
    expect(same.every((group, index) => group === first[index])).toBe(true)
    for (const fields of [
      { GROUP_NAME: 'Other' },
      { ROLE: 'E' },
      { GROUP_IMAGE: '/upload/other.png' },
      { IS_EXTRANET: 'Y' },
    ]) {
      const before = normalise(base)
      const after = normalise(edit(base, 0, fields))
      expect([after[0] === before[0], after[1] === before[1]]).toEqual([false, true])
    }
  })

  it('keeps the groups of items that moved up or down when one joined in front or left', () => {
    const normalise = createGroupListNormaliser(ORIGIN, urls)
    const first = normalise(base)
    const joined = normalise([{ GROUP_ID: '9', GROUP_NAME: 'Nine', ROLE: 'K' }, ...base])
    expect(joined.slice(1).every((group, index) => group === first[index])).toBe(true)
    const left = normalise(base.slice(1))
    expect(left.every((group, index) => group === first[index + 1])).toBe(true)
  })

  it('refuses a bad item where last time a good one stood, and still remembers the last good list', () => {
    const normalise = createGroupListNormaliser(ORIGIN, urls)
    const first = normalise(base)
    // Equal to the item before in every field a group is made of, but its image id is not an id.
    expect(failureOf(() => normalise(edit(base, 0, { GROUP_IMAGE_ID: { id: 1 } }))).message).toContain(
      'result.0.GROUP_IMAGE_ID',
    )
    expect(failureOf(() => normalise([...base.slice(0, 2), null])).message).toContain('result.2')
    expect(normalise(base).every((group, index) => group === first[index])).toBe(true)
  })

  it('hands a first list the stored groups that its items make, and makes the others, as normalising afresh does', () => {
    const stored = afresh(base) as Group[]
    const copies = () => stored.map((group) => ({ ...group }))
    for (const list of LISTS) {
      const known = copies()
      const groups = createGroupListNormaliser(ORIGIN, urls)(list, known)
      expect(groups).toEqual(afresh(list))
      // The same object exactly where an equal group is stored under that id.
      const byId = new Map(known.map((group) => [group.id, group]))
      const equal = (group: Group) => JSON.stringify(group) === JSON.stringify(byId.get(group.id))
      expect(groups.map((group) => group === byId.get(group.id))).toEqual(groups.map(equal))
    }
  })

  it('makes nothing for a first list that stored groups make: no zod copy, no link built to compare', () => {
    const stored = afresh(base) as Group[]
    let built = 0
    const counting = Object.assign(
      (id: string) => {
        built++
        return urls(id)
      },
      { is: urls.is },
    )
    const zod = vi.spyOn(GROUP_ITEM_TYPES, 'safeParse')
    try {
      const groups = createGroupListNormaliser(ORIGIN, counting)(base, stored)
      expect(groups.every((group, index) => group === stored[index])).toBe(true)
      expect(built).toBe(0)
      expect(zod).not.toHaveBeenCalled()
      // An item of the wrong type is still refused in zod's words.
      expect(
        failureOf(() => createGroupListNormaliser(ORIGIN, counting)(edit(base, 1, { ROLE: 7 }), stored)).message,
      ).toContain('result.1.ROLE')
      expect(zod).toHaveBeenCalledTimes(1)
    } finally {
      zod.mockRestore()
    }
  })

  it('makes afresh a stored group that differs in any one field from what its item makes', () => {
    const made = afresh(base) as Group[]
    const other = (value: unknown) =>
      typeof value === 'boolean' ? !value : typeof value === 'string' ? `${value}x` : 'https://cdn.example.com/x.png'
    for (const field of GROUP_FIELDS) {
      const stored = made.map((group, index) => (index === 0 ? { ...group, [field]: other(group[field]) } : group))
      const groups = createGroupListNormaliser(ORIGIN, urls)(base, stored)
      expect(groups[0], field).not.toBe(stored[0])
      expect(groups[0], field).toEqual(made[0])
      expect(groups[1], field).toBe(stored[1])
    }
  })

  it('still validates every item of a first list that stored groups make', () => {
    const known = afresh(base) as Group[]
    const normalise = createGroupListNormaliser(ORIGIN, urls)
    expect(failureOf(() => normalise(edit(base, 0, { GROUP_IMAGE_ID: { id: 1 } }), known)).message).toContain(
      'result.0.GROUP_IMAGE_ID',
    )
  })

  it('goes by stored groups only for its first list, and by its last list after', () => {
    const normalise = createGroupListNormaliser(ORIGIN, urls)
    const first = normalise(base, afresh(base) as Group[])
    const again = normalise(base, afresh(base) as Group[])
    expect(again.every((group, index) => group === first[index])).toBe(true)
  })

  it('takes a stored https avatar as it is, and a plain-http one only as the portal resolves it', () => {
    const LOOPBACK = 'http://127.0.0.1:8080'
    const links = createGroupUrlBuilder('/workgroups/group/{id}/', LOOPBACK)
    const items = [
      { GROUP_ID: '1', GROUP_NAME: 'One', ROLE: 'K', GROUP_IMAGE: 'https://cdn.example.com/1.png' },
      { GROUP_ID: '2', GROUP_NAME: 'Two', ROLE: 'K', GROUP_IMAGE: 'http://elsewhere.example.com/2.png' },
    ]
    // A snapshot from before the portal moved (or one written by hand) may hold an address this origin refuses.
    const known: Group[] = normaliseGroups(parseGroupItems(items), LOOPBACK, links).map((group) => ({
      ...group,
      imageUrl: group.imageUrl ?? 'http://elsewhere.example.com/2.png',
    }))
    const groups = createGroupListNormaliser(LOOPBACK, links)(items, known)
    expect(groups[0]).toBe(known[0])
    expect(groups[1]).not.toBe(known[1])
    expect(groups[1]?.imageUrl).toBeNull()
  })

  it('remembers only the last list', () => {
    const normalise = createGroupListNormaliser(ORIGIN, urls)
    const first = normalise(base)
    normalise([])
    expect(normalise(base)[0]).not.toBe(first[0])
  })
})

describe('ids and role codes a portal should not send', () => {
  it('accepts only positive integers as ids, as digits or a safe integer number', () => {
    expect(['12', ' 12 ', 12].map(groupIdOf)).toEqual(['12', '12', '12'])
    expect(['..', '.', '0', '-3', '1e3', '12/../x', 'abc', '', 0, -1, 1.5, 2 ** 60].map(groupIdOf)).toEqual(
      Array.from({ length: 12 }, () => null),
    )
  })

  it('reads an id exactly as a positive integer in ASCII digits, trimmed, up to 64 of them', () => {
    const reference = (id: unknown) => {
      const text = typeof id === 'string' ? id.trim() : ''
      return text.length <= 64 && /^[1-9][0-9]*$/.test(text) ? text : null
    }
    const digitsOrNot = fc.string({
      unit: fc.constantFrom('0', '1', '9', ' ', '\n', '+', '-', '.', 'e', '٣', '１', 'a'),
      maxLength: 6,
    })
    const longDigits = fc.string({ unit: fc.constantFrom('1', '5', '0'), minLength: 60, maxLength: 70 })
    fc.assert(
      fc.property(fc.oneof(digitsOrNot, longDigits, fc.string()), (id) => groupIdOf(id) === reference(id)),
      { numRuns: 3000 },
    )
    expect(groupIdOf('1'.repeat(64))).toBe('1'.repeat(64))
    expect(groupIdOf('1'.repeat(65))).toBeNull()
    expect(groupIdOf(` ${'1'.repeat(64)} `)).toBe('1'.repeat(64))
  })

  it('leaves out the items with such ids, counting them, and keeps the list itself when none are', () => {
    const good = [{ GROUP_ID: '1' }, { GROUP_ID: 2 }]
    expect(withoutBadIds(good)).toEqual({ items: good, dropped: 0 })
    expect(withoutBadIds(good).items).toBe(good)
    expect(withoutBadIds([{ GROUP_ID: '..' }, ...good, { GROUP_ID: '.' }])).toEqual({ items: good, dropped: 2 })
  })

  it('reads a role code in any case, and padded, as the same code', () => {
    for (const ROLE of ['k', ' K ', 'K\t', 'K']) {
      const [group] = normalise([{ GROUP_ID: '5', GROUP_NAME: 'x', ROLE }])
      expect(group, ROLE).toMatchObject({ roleCode: 'K', role: 'member' })
    }
    const [long] = normalise([{ GROUP_ID: '5', GROUP_NAME: 'x', ROLE: 'kk' }])
    expect(long).toMatchObject({ roleCode: 'KK', role: 'unknown' })
  })
})
