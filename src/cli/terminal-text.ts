// Text from a portal or a file is data, never terminal commands. Group names, user names, labels and anything else
// that was not written by us may carry ESC/CSI/OSC sequences (clear the screen, retitle the window, plant links), a
// carriage return or newline (forge a whole line of output) or bidi controls (reorder what the user reads). Human
// output shows each such character as a visible escape; JSON output keeps the exact text, escaped by JSON.

/**
 * Every character a terminal may act on rather than print: C0 and C1 controls and DEL (ESC, CSI, OSC, CR, LF, tab
 * among them), the Unicode line and paragraph separators, and the bidi controls (embeddings, overrides, isolates,
 * marks, the Arabic letter mark).
 */
const UNSAFE = /[\p{Cc}\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu')

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function visibleEscape(character: string): string {
  const named = NAMED[character]
  if (named) return named
  const code = character.codePointAt(0) ?? 0
  const hex = code.toString(16).toUpperCase()
  return code < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`
}

/** The text with every control and bidi character shown as an escape such as `\x1B`, `\n` or `\u202E`. */
export function inert(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, visibleEscape) : text
}

/**
 * Characters JSON.stringify leaves raw but a terminal showing the JSON would still act on (C1 controls, DEL, bidi
 * controls, line separators). They only ever occur inside JSON strings, where `\uXXXX` is the same text.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/
const RAW_IN_JSON_ALL = new RegExp(RAW_IN_JSON.source, 'g')

/** One JSON document on one line whose text, once parsed, is exactly the value's; nothing in it acts on a terminal. */
export function jsonLine(value: unknown): string {
  const text = JSON.stringify(value)
  if (!RAW_IN_JSON.test(text)) return text
  return text.replace(RAW_IN_JSON_ALL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
