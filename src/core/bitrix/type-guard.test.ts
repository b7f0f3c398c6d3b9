import fc from 'fast-check'
import { z } from 'zod'
import { GROUP_ITEM_TYPES } from './groups'
import { typeGuardOf } from './type-guard'

/** Values zod tells apart by type, the edges of each type among them. */
const anyValue = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -0, 1.5, NaN, Infinity, -Infinity, '', 'K', 'Y', '12'),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 2 }),
)

describe('a zod schema of plain types as a predicate', () => {
  const schemas = {
    'the group item': GROUP_ITEM_TYPES,
    'a nested object': z.object({ a: z.object({ b: z.number().nullable() }), c: z.union([z.null(), z.boolean()]) }),
    'optional fields': z.object({ a: z.string().optional(), b: z.boolean().nullish() }),
  }

  it.each(Object.entries(schemas))('accepts exactly what zod accepts: %s', (_name, schema) => {
    const keys = [...Object.keys(schema.shape), 'extra']
    // Each key present with any value or absent; and values that are not objects at all.
    const record = fc.dictionary(fc.constantFrom(...keys), fc.oneof(anyValue, fc.object({ maxDepth: 1 })))
    const guard = typeGuardOf(schema)
    fc.assert(
      fc.property(fc.oneof(record, anyValue), (value) => guard(value) === schema.safeParse(value).success),
      { numRuns: 2000 },
    )
  })

  it('accepts items as a portal sends them, and refuses each wrong type zod refuses', () => {
    const guard = typeGuardOf(GROUP_ITEM_TYPES)
    const item = { GROUP_ID: '7', GROUP_NAME: 'Team', ROLE: 'K', GROUP_IMAGE_ID: null, GROUP_IMAGE: '' }
    expect(guard(item)).toBe(true)
    expect(guard({ ...item, GROUP_ID: 7, IS_EXTRANET: 'Y', extra: [1] })).toBe(true)
    for (const wrong of [{ GROUP_ID: NaN }, { GROUP_ID: Infinity }, { ROLE: undefined }, { IS_EXTRANET: 1 }]) {
      expect(guard({ ...item, ...wrong })).toBe(GROUP_ITEM_TYPES.safeParse({ ...item, ...wrong }).success)
      expect(guard({ ...item, ...wrong })).toBe(false)
    }
    expect(guard([item])).toBe(false)
  })

  it('refuses, when it is made, a schema whose checks it cannot take over', () => {
    for (const schema of [
      z.string().min(1),
      z.coerce.number(),
      z.object({ a: z.string() }).strict(),
      z.object({ a: z.string() }).passthrough(),
      z.array(z.string()),
      z.string().transform((text) => text.length),
      z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') })]),
      z.object({ when: z.iso.datetime() }),
      z.email(),
      z.int(),
      z.union([z.string(), z.literal(1)]),
    ]) {
      expect(() => typeGuardOf(schema)).toThrow(/typeGuardOf/)
    }
  })
})
