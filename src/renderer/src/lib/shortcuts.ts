// The window's keyboard shortcuts as a pure mapping, so the rules (which modifier, when Ctrl+C copies a link
// instead of text, what Escape does next) are tested without a DOM.
import { GROUP_PAGE_TABLE, GROUP_PAGES, type AppState, type GroupPage } from '@shared/types'

export type Platform = AppState['platform']
export type View = 'groups' | 'changes' | 'settings'

export type ShortcutAction =
  'refresh' | 'showGroups' | 'showChanges' | 'showSettings' | 'copyLink' | 'togglePin' | 'focusSearch' | 'escape'

type KeyInput = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>

export interface ShortcutContext {
  platform: Platform
  /** Text is selected in a field: Ctrl+C must copy that text, not the group link. */
  textSelected: boolean
}

/** The action a key press asks for, or null to let the key do what it normally does. */
export function shortcutFor(event: KeyInput, context: ShortcutContext): ShortcutAction | null {
  if (event.key === 'Escape' && !event.altKey && !event.ctrlKey && !event.metaKey) return 'escape'
  if (event.key === 'F5') return 'refresh'
  const mod = context.platform === 'darwin' ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  if (!mod || event.altKey) return null
  const key = event.key.toLowerCase()
  if (event.shiftKey) return key === 'c' ? 'copyLink' : null
  switch (key) {
    case 'r':
      return 'refresh'
    case ',':
      return 'showSettings'
    case '1':
      return 'showGroups'
    case '2':
      return 'showChanges'
    case '3':
      return 'showSettings'
    case 'p':
      return 'togglePin'
    case 'f':
      return 'focusSearch'
    case 'c':
      return context.textSelected ? null : 'copyLink'
    default:
      return null
  }
}

export type EscapeStep = 'showGroups' | 'clearSearch' | 'hideWindow'

/**
 * Escape undoes one thing at a time: another view, then the search, and only then hides the window.
 * (A control with something of its own to cancel, such as a confirmation, handles Escape before this.)
 */
export function escapeStep(state: { view: View; query: string }): EscapeStep {
  if (state.view !== 'groups') return 'showGroups'
  if (state.query !== '') return 'clearSearch'
  return 'hideWindow'
}

/** How a shortcut is written for this platform, e.g. "Ctrl+R" or "⌘R". */
export function shortcutLabel(key: string, platform: Platform, shift = false): string {
  if (platform === 'darwin') return `${shift ? '⇧' : ''}⌘${key.toUpperCase()}`
  return `Ctrl+${shift ? 'Shift+' : ''}${key.toUpperCase()}`
}

/**
 * Escape inside a form or an inline editor cancels it, when there is something to cancel; the key is then taken so
 * that it does not also reach the window (which would clear the search or hide the window).
 */
export function cancelOnEscape(event: Pick<KeyboardEvent, 'key' | 'preventDefault'>, cancel?: () => void): void {
  if (event.key !== 'Escape' || !cancel) return
  event.preventDefault()
  cancel()
}

/**
 * The group sub-page an Alt+letter press asks for (the letters of GROUP_PAGE_TABLE: Alt+T tasks, Alt+C calendar, …),
 * or null. Alt, not Ctrl: Ctrl+C, Ctrl+D and Ctrl+U already mean something, and a plain letter types into the search.
 * The physical key decides (`code`), since Option+T on a Mac types "†" and a Russian layout types "е".
 */
export function pageForKey(event: KeyInput & Pick<KeyboardEvent, 'code'>): GroupPage | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null
  for (const page of GROUP_PAGES) {
    const key = GROUP_PAGE_TABLE[page].key
    if (event.code === `Key${key.toUpperCase()}` || event.key.toLowerCase() === key) return page
  }
  return null
}

/** How a sub-page's shortcut is written for this platform: "Alt+T", or "⌥T" on a Mac. */
export function pageShortcutLabel(page: GroupPage, platform: Platform): string {
  const key = GROUP_PAGE_TABLE[page].key.toUpperCase()
  return platform === 'darwin' ? `⌥${key}` : `Alt+${key}`
}

/** The same shortcut as `aria-keyshortcuts` writes it, whatever the platform ("Alt+T"). */
export const pageKeyShortcut = (page: GroupPage): string => `Alt+${GROUP_PAGE_TABLE[page].key.toUpperCase()}`

/** The key that opens the highlighted row's menu, as the platform's own lists do: the Menu key or Shift+F10. */
export function opensRowMenu(event: KeyInput): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false
  return event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)
}
