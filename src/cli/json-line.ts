// `--json` output keeps the exact text from a portal or a file (the terminal's human output shows it through the shared
// inertText rule instead). JSON.stringify escapes C0 controls but leaves C1 controls, DEL, the line separators and the
// bidi controls raw, which a terminal showing the JSON would still act on: they are written as `\uXXXX`, which only
// ever occurs inside JSON strings and parses back to the same text.
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/
const RAW_IN_JSON_ALL = new RegExp(RAW_IN_JSON.source, 'g')

/** One JSON document on one line whose text, once parsed, is exactly the value's; nothing in it acts on a terminal. */
export function jsonLine(value: unknown): string {
  const text = JSON.stringify(value)
  if (!RAW_IN_JSON.test(text)) return text
  return text.replace(RAW_IN_JSON_ALL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
