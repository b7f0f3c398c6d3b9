// What a JSON object is, as every reader of untrusted input asks it: an object, not null, not an array.

/** Whether `value` is an object with keys (not null, not an array), as JSON.parse makes one for `{...}`. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
