// The global shortcut that toggles the tray window. Registration fails when another app holds the accelerator,
// when the string is not a valid accelerator (Electron throws), and on Wayland without the GlobalShortcuts portal
// (register returns false). In every case the previous shortcut is put back, so the user never ends up with none
// because of a typo.
import type { GlobalShortcut } from 'electron'

export type ShortcutResult =
  { ok: true; active: string | null } | { ok: false; active: string | null; rejected: string }

export interface ShortcutManager {
  /** Switches to `accelerator` (null: none); on failure the previous one stays active. */
  apply(accelerator: string | null): ShortcutResult
  active(): string | null
  /** Releases the shortcut (on quit). */
  dispose(): void
}

function tryRegister(globalShortcut: Pick<GlobalShortcut, 'register'>, accelerator: string, onTrigger: () => void) {
  try {
    return globalShortcut.register(accelerator, onTrigger)
  } catch {
    // Electron throws on a malformed accelerator ("Ctrl+"), which for the user is the same as "not available".
    return false
  }
}

export function createShortcutManager(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
  onTrigger: () => void,
): ShortcutManager {
  let current: string | null = null
  return {
    apply(accelerator) {
      if (accelerator === current) return { ok: true, active: current }
      const previous = current
      if (previous) globalShortcut.unregister(previous)
      current = null
      if (accelerator === null) return { ok: true, active: null }
      if (tryRegister(globalShortcut, accelerator, onTrigger)) {
        current = accelerator
        return { ok: true, active: current }
      }
      if (previous && tryRegister(globalShortcut, previous, onTrigger)) current = previous
      return { ok: false, active: current, rejected: accelerator }
    },
    active: () => current,
    dispose() {
      if (current) globalShortcut.unregister(current)
      current = null
    },
  }
}
