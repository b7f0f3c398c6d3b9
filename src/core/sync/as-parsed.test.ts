import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { z } from 'zod'
import { asParsedCheckOf } from './as-parsed'
import { currentStateFileSchema, STATE_FILE_VERSION } from './store-schema'
import { change } from './test-support/changes'
import { details, group, groups } from './test-support/groups'

const ACCOUNT = 'acme.bitrix24.com/1'

/** A state file as this version writes it, parsed: two accounts, details, history. */
function stateFile(): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      version: STATE_FILE_VERSION,
      generation: 3,
      accounts: {
        [ACCOUNT]: {
          groups: [...groups(2), group('3', { imageUrl: 'https://cdn.example.com/3.png', extranet: true })],
          lastSyncAt: '2025-01-01T09:00:00.000Z',
          details: {
            at: '2025-01-01T09:00:00.000Z',
            groups: { '1': details(), '3': details({ activityAt: '2025-01-01T08:00:00+03:00', memberCount: 0 }) },
          },
        },
        'beta.bitrix24.com/5': { groups: [], lastSyncAt: '2025-01-02T09:00:00Z' },
      },
      history: [change(ACCOUNT), change(ACCOUNT, { kind: 'renamed', from: 'Old', to: 'New', seen: true })],
    }),
  ) as Record<string, unknown>
}

/** Every place in a parsed JSON value: the path to each object or array member. */
function placesIn(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at]
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value)
  return [at, ...keys.flatMap((key) => placesIn((value as Record<string, unknown>)[key], [...at, key]))]
}

/** What a hand, a bug or a disk may leave in the file in place of a value. */
const ODD_VALUES = [
  null,
  '',
  'x',
  0,
  -1,
  1.5,
  2 ** 60,
  true,
  [],
  {},
  'member',
  'group',
  '2025-01-01T09:00:00Z',
  '2025-13-01T09:00:00Z',
]

const edit = fc.record({
  place: fc.nat(),
  how: fc.constantFrom('replace', 'remove', 'add key', 'add __proto__'),
  value: fc.constantFrom(...ODD_VALUES),
})

function edited(file: Record<string, unknown>, edits: { place: number; how: string; value: unknown }[]) {
  for (const edit of edits) {
    const { place, how } = edit
    // A copy: the same `{}` or `[]` in two files would carry one check's freezing into the next.
    const value = structuredClone(edit.value)
    const places = placesIn(file).filter((path) => path.length > 0)
    const path = places[place % places.length] as (string | number)[]
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], file) as
      Record<string, unknown> | unknown[]
    const key = path.at(-1) as string | number
    const target = (parent as Record<string, unknown>)[key]
    if (how === 'replace') (parent as Record<string, unknown>)[key] = value
    else if (how === 'remove' && Array.isArray(parent)) parent.splice(key as number, 1)
    else if (how === 'remove') delete (parent as Record<string, unknown>)[key]
    else if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
      if (how === 'add key') (target as Record<string, unknown>).extra = value
      // As JSON.parse makes it: a key of the object's own, not its prototype.
      else Object.defineProperty(target, '__proto__', { value, enumerable: true, configurable: true, writable: true })
    }
  }
  return file
}

/** The parts of a value that are frozen, by path. */
function frozenPlaces(value: unknown): string[] {
  return placesIn(value)
    .filter((path) => {
      const node = path.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], value)
      return typeof node === 'object' && node !== null && Object.isFrozen(node)
    })
    .map((path) => path.join('.'))
}

describe('a state file taken as it is, where zod would give back an equal copy', () => {
  const check = asParsedCheckOf(currentStateFileSchema)

  it('takes a file this version wrote, frozen where zod freezes its copy', () => {
    const file = stateFile()
    const parsed = currentStateFileSchema.parse(structuredClone(file))
    expect(check(file)).toBe(true)
    expect(file).toEqual(parsed)
    expect(frozenPlaces(file)).toEqual(frozenPlaces(parsed))
    expect(frozenPlaces(file)).toContain(`accounts.${ACCOUNT}.groups`)
  })

  it('takes exactly the files zod accepts and gives back equal, over 3,000 edited files', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const file = edited(stateFile(), edits)
        const copy = structuredClone(file)
        const parsed = currentStateFileSchema.safeParse(copy)
        const same = parsed.success && isDeepStrictEqual({ ...parsed.data }, { ...copy })
        const taken = check(file)
        expect(taken, JSON.stringify(edits)).toBe(same)
        if (taken) expect(frozenPlaces(file)).toEqual(frozenPlaces(parsed.data))
      }),
      { numRuns: 3000 },
    )
  })

  it('refuses a file zod would fill in (no generation), and freezes nothing of one it refuses', () => {
    const file = stateFile()
    delete file.generation
    expect(check(file)).toBe(false)
    expect(frozenPlaces(file)).toEqual([])
  })

  it('refuses a value zod would fill in with a default, even where the field may be absent', () => {
    const schema = z.object({ a: z.string().optional().default('x') })
    const check = asParsedCheckOf(schema)
    expect(schema.parse({})).toEqual({ a: 'x' })
    expect(check({})).toBe(false)
    expect(check({ a: 'y' })).toBe(true)
  })

  it('refuses a value that a check of the schema rewrites', () => {
    const schema = z.object({
      code: z.string().check((payload) => {
        payload.value = payload.value.toUpperCase()
      }),
    })
    expect(schema.parse({ code: 'k' })).toEqual({ code: 'K' })
    expect(asParsedCheckOf(schema)({ code: 'k' })).toBe(false)
    expect(asParsedCheckOf(schema)({ code: 'K' })).toBe(true)
  })

  it('refuses, when it is made, a schema whose copy it cannot tell', () => {
    for (const schema of [
      z.string().transform((text) => text.length),
      z.coerce.number(),
      z.object({ a: z.string() }).passthrough(),
      z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]),
      z.string().pipe(z.string()),
      z.map(z.string(), z.string()),
      z.object({ name: z.string().trim() }),
      z.string().toLowerCase(),
    ]) {
      expect(() => asParsedCheckOf(schema)).toThrow(/asParsedCheckOf/)
    }
  })
})
