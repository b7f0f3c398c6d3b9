// Group names come from the portal and may hold anything: markup, ampersands, right-to-left text, 300 characters.
// These helpers make such a name safe to show in a menu label or a notification.
import { inertText } from '@shared/inert-text'

const ELLIPSIS = '…'
const FIRST_STRONG_ISOLATE = '\u2068'
const POP_DIRECTIONAL_ISOLATE = '\u2069'
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Shortens to at most `max` user-perceived characters, never cutting an emoji or a combining mark in half. */
export function truncate(text: string, max: number): string {
  const parts = Array.from(graphemes.segment(text), (segment) => segment.segment)
  if (parts.length <= max) return text
  return (
    parts
      .slice(0, Math.max(0, max - 1))
      .join('')
      .trimEnd() + ELLIPSIS
  )
}

/**
 * Wraps a name in Unicode bidi isolates so an Arabic or Hebrew name does not reorder the text around it
 * ("name · Owner" would otherwise render with the role on the wrong side).
 */
export function isolate(text: string): string {
  return FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE
}

/**
 * One line with nothing a menu or a notification server would act on: the shared inert-text rule (the terminal's
 * too), so a name can neither forge a line nor reorder or close the bidi isolate put around it.
 */
export function singleLine(text: string): string {
  return inertText(text).trim()
}

/**
 * Escapes the three characters that notification servers reading body markup (GNOME Shell, KDE Plasma, dunst with
 * markup on) would otherwise interpret: a group named `<b>x</b>` must show those characters, not bold text.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Electron reads a single `&` in a menu label as a mnemonic marker on every platform and hides it; `&&` shows one. */
export function escapeMenuLabel(text: string): string {
  return text.replace(/&/g, '&&')
}

/** A portal-supplied name prepared for display: one line, bounded length, bidi-isolated. */
export function displayName(name: string, max: number): string {
  return isolate(truncate(singleLine(name), max))
}
