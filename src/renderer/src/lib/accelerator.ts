// Recording the global shortcut: a key press in the settings field becomes an Electron accelerator string.
// Keys come from `event.code` (the physical key) so that a Russian layout records "G", not "П".
import type { Platform } from './shortcuts'

type KeyInput = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>

export type Recorded = { accelerator: string } | { error: 'needsModifier' } | null

const NAMED_CODES: Readonly<Record<string, string>> = {
  Space: 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
}

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'OS', 'AltGraph'])

function keyName(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code)
  if (letter) return letter[1] ?? null
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code)
  if (digit) return digit[1] ?? null
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code
  return NAMED_CODES[code] ?? null
}

/**
 * The accelerator for a key press; null while only modifiers are held (or for a key Electron cannot name).
 * A shortcut without a modifier would steal that key from every other app, so only F-keys may go without one.
 */
export function recordAccelerator(event: KeyInput, platform: Platform): Recorded {
  if (MODIFIER_KEYS.has(event.key)) return null
  const key = keyName(event.code)
  if (!key) return null
  const commandOrControl = platform === 'darwin' ? event.metaKey : event.ctrlKey
  const parts: string[] = []
  if (commandOrControl) parts.push('CommandOrControl')
  if (platform === 'darwin' && event.ctrlKey) parts.push('Control')
  if (platform !== 'darwin' && event.metaKey) parts.push('Super')
  if (event.altKey) parts.push('Alt')
  if (event.shiftKey) parts.push('Shift')
  const onlyShift = parts.length === 1 && parts[0] === 'Shift'
  if ((parts.length === 0 || onlyShift) && !/^F\d+$/.test(key)) return { error: 'needsModifier' }
  return { accelerator: [...parts, key].join('+') }
}

const MAC_SYMBOLS: Readonly<Record<string, string>> = {
  CommandOrControl: '⌘',
  Command: '⌘',
  Cmd: '⌘',
  Control: '⌃',
  Ctrl: '⌃',
  Alt: '⌥',
  Option: '⌥',
  Shift: '⇧',
}

/** An accelerator as people read it on this platform: "Ctrl+Alt+G", or "⌘⌥G" on macOS. */
export function formatAccelerator(accelerator: string, platform: Platform): string {
  const parts = accelerator.split('+')
  if (platform === 'darwin') return parts.map((part) => MAC_SYMBOLS[part] ?? part).join('')
  return parts
    .map((part) => (part === 'CommandOrControl' || part === 'CmdOrCtrl' || part === 'Control' ? 'Ctrl' : part))
    .join('+')
}
