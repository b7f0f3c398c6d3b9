// Text from a portal or a file is data on every surface. This is the one rule that makes such text inert before a
// terminal, a tray menu or a notification shows it; each surface adds only its own escaping on top (markup for
// Linux notification servers, `&` for Electron menu labels) and `--json` keeps the exact text, escaped by JSON.

/**
 * What a shown string may not contain, because a terminal, a menu or a notification server would act on it instead of
 * showing it:
 * - C0 controls (including tab, line feed and carriage return), DEL and C1 controls: ESC starts terminal sequences
 *   (clear screen, retitle the window, OSC 8 links, and C1 CSI/OSC do the same in one byte), a line break forges a
 *   line of its own;
 * - U+2028 and U+2029, which some renderers break lines on;
 * - the bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which reorder the text around
 *   them ("Trojan Source") or close an isolate the surface put around the name;
 * - a lone surrogate, which is no character at all.
 * Zero-width joiners, combining marks and the implicit direction marks (LRM, RLM, ALM) stay: emoji sequences and
 * right-to-left names need them, and they cannot reorder text beyond themselves.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const NOT_INERT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu

function visibleEscape(character: string): string {
  const code = character.codePointAt(0) ?? 0
  if (code >= 0xd800 && code <= 0xdfff) return '\ufffd'
  const hex = code.toString(16).toUpperCase()
  return code <= 0xff ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`
}

/**
 * The text with every character a surface would act on shown as a visible escape (`\x1B`, `\x0A`, `\u202E`; a lone
 * surrogate becomes U+FFFD), so the result is always one line that reads the same in every order it could be laid out
 * in. Everything else, markup and quotes included, is left exactly as it was: escaping for a particular surface comes
 * after this.
 */
export function inertText(text: string): string {
  return text.replace(NOT_INERT, visibleEscape)
}
