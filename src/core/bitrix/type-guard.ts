// A zod schema of plain types as one predicate that builds nothing: true exactly when the schema accepts the value.
// zod makes a copy of every object it checks, with a context and an issue list, and on a first poll of 5,000 groups
// that was 2-17 ms, most of it the garbage collector moving what the launch had just read. The predicate is derived
// from the schema, so the schema stays the one statement of the types; zod is still asked about what the predicate
// refuses, for its issue.
import type * as core from 'zod/v4/core'
import { isPlainObject } from '@shared/plain-object'

export type TypeGuard = (value: unknown) => boolean

// The primitive kinds a value may be, as bits (a finite number is a NUMBER; NaN and the infinities are none).
const STRING = 1
const NUMBER = 2
const BOOLEAN = 4
const NULL = 8
const UNDEFINED = 16

/**
 * The kinds a plain type of primitives accepts, as a mask of those bits; 0 for an object, or a union or wrapper of one.
 * Called only on schemas `typeGuardOf` took, so every type here is plain.
 */
function kindsOf(schema: core.$ZodType): number {
  const def = (schema as core.$ZodTypes)._zod.def
  switch (def.type) {
    case 'string':
      return STRING
    case 'number':
      return NUMBER
    case 'boolean':
      return BOOLEAN
    case 'null':
      return NULL
    case 'optional':
    case 'nullable': {
      const inner = kindsOf(def.innerType)
      return inner === 0 ? 0 : inner | (def.type === 'optional' ? UNDEFINED : NULL)
    }
    case 'union': {
      const masks = def.options.map(kindsOf)
      return masks.includes(0) ? 0 : masks.reduce((all, mask) => all | mask, 0)
    }
    default:
      return 0
  }
}

/** What the definition of a plain type may hold: its kind, its parts, and no check or coercion. */
const PLAIN_SETTINGS = new Set(['type', 'checks', 'coerce', 'innerType', 'options', 'shape', 'catchall', 'error'])

/**
 * The predicate of `schema`: objects (zod's default, unknown keys stripped), strings, numbers (finite, as zod's),
 * booleans, null, unions, optional and nullable. Anything else, or any check, coercion or catch-all, has no plain
 * predicate and throws here, when the module loads, not at the first odd value.
 */
export function typeGuardOf(schema: core.$ZodType): TypeGuard {
  const def = (schema as core.$ZodTypes)._zod.def
  const unsupported = (what: string) => new Error(`typeGuardOf: ${def.type} ${what}`)
  if (def.checks?.length) throw unsupported('with checks')
  if ('coerce' in def && def.coerce) throw unsupported('with coercion')
  // A string format (an email, an ISO time) or an integer is a check of its own, kept outside `checks`: only the
  // settings a plain type has are taken.
  const settings = Object.keys(def).filter((key) => !PLAIN_SETTINGS.has(key))
  if (settings.length > 0) throw unsupported(`with ${settings.join(', ')}`)
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string'
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return (value) => typeof value === 'boolean'
    case 'null':
      return (value) => value === null
    case 'optional': {
      const inner = typeGuardOf(def.innerType)
      return (value) => value === undefined || inner(value)
    }
    case 'nullable': {
      const inner = typeGuardOf(def.innerType)
      return (value) => value === null || inner(value)
    }
    case 'union': {
      const options = def.options.map(typeGuardOf)
      // Plain loops: a callback or an iterator per call would be garbage per item, which is what this avoids.
      return (value) => {
        for (let index = 0; index < options.length; index++) if ((options[index] as TypeGuard)(value)) return true
        return false
      }
    }
    case 'object': {
      if (def.catchall !== undefined) throw unsupported('with a catch-all (strict or passthrough)')
      const keys = Object.keys(def.shape)
      const guards = Object.values(def.shape).map(typeGuardOf)
      const kinds = Object.values(def.shape).map(kindsOf)
      if (kinds.every((mask) => mask !== 0)) {
        // Fields of primitive types only (an item of a list, as a rule): each field's kind is looked up in its mask,
        // one loop without a call per field, where the guards' calls were a dozen per item.
        return (value) => {
          if (!isPlainObject(value)) return false
          for (let index = 0; index < keys.length; index++) {
            const field = value[keys[index] as string]
            const kind =
              typeof field === 'string'
                ? STRING
                : typeof field === 'number'
                  ? Number.isFinite(field)
                    ? NUMBER
                    : 0
                  : typeof field === 'boolean'
                    ? BOOLEAN
                    : field === null
                      ? NULL
                      : field === undefined
                        ? UNDEFINED
                        : 0
            if (((kinds[index] as number) & kind) === 0) return false
          }
          return true
        }
      }
      return (value) => {
        if (!isPlainObject(value)) return false
        for (let index = 0; index < keys.length; index++) {
          if (!(guards[index] as TypeGuard)(value[keys[index] as string])) return false
        }
        return true
      }
    }
    default:
      throw unsupported('has no plain predicate')
  }
}
