// A zod schema of plain types as one predicate that builds nothing: true exactly when the schema accepts the value.
// zod makes a copy of every object it checks, with a context and an issue list, and on a first poll of 5,000 groups
// that was 2-17 ms, most of it the garbage collector moving what the launch had just read. The predicate is derived
// from the schema, so the schema stays the one statement of the types; zod is still asked about what the predicate
// refuses, for its issue.
import type * as core from 'zod/v4/core'

export type TypeGuard = (value: unknown) => boolean

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
      return (value) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
        const record = value as Record<string, unknown>
        for (let index = 0; index < keys.length; index++) {
          if (!(guards[index] as TypeGuard)(record[keys[index] as string])) return false
        }
        return true
      }
    }
    default:
      throw unsupported('has no plain predicate')
  }
}
