// A zod schema as a check that takes a value as it is: true exactly when zod would accept the value and give back an
// equal copy of it (no key to drop, no default to fill in, no transform), so that the value itself can stand for
// zod's copy. The state file is read at every start; zod copied every group, detail and change of it (5,000 groups:
// 14 ms of a 22 ms read), the copy was the young garbage the first poll's collections then moved, and compiling zod's
// parsers for that much data kept the second core of a two-core machine busy through the first poll.
//
// Derived from the schema, which stays the one statement of the file's shape: types are checked here, and every
// check (a length, a format, an integer) is zod's own, run on the value as zod runs it. zod still parses whatever
// this refuses (an older version, a hand-edited file, a broken one), and names the fault.
import type * as core from 'zod/v4/core'
import { isPlainObject } from '@shared/plain-object'

/** Checks `value`, and adds to `frozen` each part that zod's copy would have frozen (`.readonly()`). */
type Node = (value: unknown, frozen: unknown[]) => boolean

/** One payload for every check: a check reads `value` and adds to `issues` only when it fails. */
const payload: { value: unknown; issues: unknown[] } = { value: undefined, issues: [] }

function unsupported(def: core.$ZodTypeDef, what: string): Error {
  return new Error(`asParsedCheckOf: ${def.type} ${what}`)
}

/** The checks of a schema (and the schema itself, when it is one: a format, an integer), run as zod runs them. */
function checksOf(schema: core.$ZodType): ((value: unknown) => boolean) | null {
  const def = schema._zod.def
  const checks: core.$ZodCheck[] = [...(def.checks ?? [])]
  if ('check' in def && def.check !== undefined) checks.push(schema as unknown as core.$ZodCheck)
  // A check that rewrites the value (`.trim()`, `.toLowerCase()`) makes zod's copy differ.
  if (checks.some((check) => check._zod.def.check === 'overwrite')) throw unsupported(def, 'with a check that rewrites')
  if (checks.length === 0) return null
  return (value) => {
    payload.value = value
    payload.issues.length = 0
    for (const check of checks) {
      const when = check._zod.def.when
      if (when && !when(payload as core.ParsePayload<never>)) continue
      if (check._zod.check(payload as core.ParsePayload<never>) instanceof Promise) return false
      if (payload.issues.length > 0 || payload.value !== value) return false
    }
    return true
  }
}

/** Whether a type is a primitive one (and so any option of a union of them gives its value back as it is). */
function isPrimitive(def: core.$ZodTypeDef): boolean {
  const inner = (def as { innerType?: core.$ZodType }).innerType
  if (def.type === 'optional' || def.type === 'nullable') return inner !== undefined && isPrimitive(inner._zod.def)
  return ['string', 'number', 'boolean', 'null', 'literal', 'enum'].includes(def.type)
}

function nodeOf(schema: core.$ZodType): Node {
  const def = (schema as core.$ZodTypes)._zod.def
  if ('coerce' in def && def.coerce) throw unsupported(def, 'with coercion')
  const checks = checksOf(schema)
  const checked = (node: (value: unknown, frozen: unknown[]) => boolean): Node =>
    checks ? (value, frozen) => node(value, frozen) && checks(value) : node
  switch (def.type) {
    case 'string':
      return checked((value) => typeof value === 'string')
    case 'number':
      return checked((value) => typeof value === 'number' && Number.isFinite(value))
    case 'boolean':
      return checked((value) => typeof value === 'boolean')
    case 'null':
      return checked((value) => value === null)
    case 'literal': {
      const values: readonly unknown[] = def.values
      return checked((value) => values.includes(value))
    }
    case 'enum': {
      const values = new Set<unknown>(Object.values(def.entries))
      return checked((value) => values.has(value))
    }
    case 'optional': {
      const inner = nodeOf(def.innerType)
      return checked((value, frozen) => value === undefined || inner(value, frozen))
    }
    case 'nullable': {
      const inner = nodeOf(def.innerType)
      return checked((value, frozen) => value === null || inner(value, frozen))
    }
    case 'default': {
      // zod fills in an absent value: a value given is taken as it is.
      const inner = nodeOf(def.innerType)
      return checked((value, frozen) => value !== undefined && inner(value, frozen))
    }
    case 'readonly': {
      const inner = nodeOf(def.innerType)
      return checked((value, frozen) => inner(value, frozen) && frozen.push(value) > 0)
    }
    case 'array': {
      const element = nodeOf(def.element)
      return checked((value, frozen) => {
        if (!Array.isArray(value)) return false
        for (let index = 0; index < value.length; index++) if (!element(value[index], frozen)) return false
        return true
      })
    }
    case 'union': {
      // zod gives the first option that takes the value; for primitives any one that takes it gives it back.
      if (!def.options.every((option) => isPrimitive(option._zod.def)))
        throw unsupported(def, 'of other than primitives')
      const options = def.options.map(nodeOf)
      return checked((value, frozen) => options.some((option) => option(value, frozen)))
    }
    case 'object': {
      if (def.catchall !== undefined) throw unsupported(def, 'with a catch-all (strict or passthrough)')
      const keys = Object.keys(def.shape)
      const fields = Object.values(def.shape).map(nodeOf)
      return checked((value, frozen) => {
        if (!isPlainObject(value)) return false
        let present = 0
        for (let index = 0; index < keys.length; index++) {
          const field = value[keys[index] as string]
          if (!(fields[index] as Node)(field, frozen)) return false
          if (field !== undefined) present++
        }
        // A key beyond the shape is one zod would drop: the copy would differ.
        let own = 0
        for (const key in value) if (Object.hasOwn(value, key)) own++
        return own === present
      })
    }
    case 'record': {
      const key = nodeOf(def.keyType)
      const entry = nodeOf(def.valueType)
      return checked((value, frozen) => {
        if (!isPlainObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return false
        for (const name in value) {
          // zod's copy would not hold `__proto__` as a key of its own.
          if (!Object.hasOwn(value, name) || name === '__proto__' || !key(name, frozen)) return false
          if (!entry(value[name], frozen)) return false
        }
        return true
      })
    }
    default:
      throw unsupported(def, 'is not taken as it is')
  }
}

/**
 * The check of `schema` that takes a value as it is: true when zod would accept `value` and give back an equal copy;
 * the parts zod would freeze are then frozen, so that `value` stands for zod's output in every way. Any type this
 * cannot tell that of throws here, when the module loads.
 */
export function asParsedCheckOf(schema: core.$ZodType): (value: unknown) => boolean {
  const node = nodeOf(schema)
  return (value) => {
    const frozen: unknown[] = []
    if (!node(value, frozen)) return false
    for (const part of frozen) Object.freeze(part)
    return true
  }
}
