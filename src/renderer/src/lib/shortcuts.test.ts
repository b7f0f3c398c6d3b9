import {
  cancelOnEscape,
  escapeStep,
  opensRowMenu,
  pageForKey,
  pageShortcutLabel,
  shortcutFor,
  shortcutLabel,
  type ShortcutContext,
} from './shortcuts'

const linux: ShortcutContext = { platform: 'linux', textSelected: false }
const mac: ShortcutContext = { platform: 'darwin', textSelected: false }
const press = (key: string, modifiers: Partial<KeyboardEvent> = {}) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
})

describe('shortcutFor', () => {
  it('refreshes with Ctrl+R on Linux and Windows, Cmd+R on macOS, and F5 everywhere', () => {
    expect(shortcutFor(press('r', { ctrlKey: true }), linux)).toBe('refresh')
    expect(shortcutFor(press('r', { metaKey: true }), mac)).toBe('refresh')
    expect(shortcutFor(press('F5'), linux)).toBe('refresh')
  })

  it('does not take the other platform modifier', () => {
    expect(shortcutFor(press('r', { metaKey: true }), linux)).toBeNull()
    expect(shortcutFor(press('r', { ctrlKey: true }), mac)).toBeNull()
  })

  it('opens settings with Ctrl+comma and switches views with Ctrl+1, 2, 3', () => {
    expect(shortcutFor(press(',', { ctrlKey: true }), linux)).toBe('showSettings')
    expect(shortcutFor(press('1', { ctrlKey: true }), linux)).toBe('showGroups')
    expect(shortcutFor(press('2', { ctrlKey: true }), linux)).toBe('showChanges')
    expect(shortcutFor(press('3', { ctrlKey: true }), linux)).toBe('showSettings')
  })

  it('copies the link with Ctrl+C only when no text is selected, and with Ctrl+Shift+C always', () => {
    expect(shortcutFor(press('c', { ctrlKey: true }), linux)).toBe('copyLink')
    expect(shortcutFor(press('c', { ctrlKey: true }), { ...linux, textSelected: true })).toBeNull()
    expect(shortcutFor(press('C', { ctrlKey: true, shiftKey: true }), { ...linux, textSelected: true })).toBe(
      'copyLink',
    )
  })

  it('reads letters case-insensitively (Caps Lock on)', () => {
    expect(shortcutFor(press('R', { ctrlKey: true }), linux)).toBe('refresh')
  })

  it('pins with Ctrl+P and focuses the search with Ctrl+F', () => {
    expect(shortcutFor(press('p', { ctrlKey: true }), linux)).toBe('togglePin')
    expect(shortcutFor(press('f', { ctrlKey: true }), linux)).toBe('focusSearch')
  })

  it('reports Escape, and leaves plain typing and Alt combinations alone', () => {
    expect(shortcutFor(press('Escape'), linux)).toBe('escape')
    expect(shortcutFor(press('r'), linux)).toBeNull()
    expect(shortcutFor(press('r', { ctrlKey: true, altKey: true }), linux)).toBeNull()
  })
})

describe('escapeStep', () => {
  it('returns from another view to the groups', () => {
    expect(escapeStep({ view: 'changes', query: 'x' })).toBe('showGroups')
  })

  it('clears the search before hiding the window', () => {
    expect(escapeStep({ view: 'groups', query: 'sales' })).toBe('clearSearch')
    expect(escapeStep({ view: 'groups', query: '' })).toBe('hideWindow')
  })
})

describe('shortcutLabel', () => {
  it('writes shortcuts the way each platform does', () => {
    expect(shortcutLabel('r', 'win32')).toBe('Ctrl+R')
    expect(shortcutLabel('c', 'linux', true)).toBe('Ctrl+Shift+C')
    expect(shortcutLabel('r', 'darwin')).toBe('⌘R')
  })
})

describe('cancelOnEscape', () => {
  const key = (name: string) => ({ key: name, preventDefault: vi.fn() })

  it('cancels on Escape and takes the key from the window', () => {
    const cancel = vi.fn()
    const event = key('Escape')
    cancelOnEscape(event, cancel)
    expect(cancel).toHaveBeenCalledOnce()
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })

  it('leaves any other key, and Escape when there is nothing to cancel, to the window', () => {
    const cancel = vi.fn()
    const enter = key('Enter')
    cancelOnEscape(enter, cancel)
    const escape = key('Escape')
    cancelOnEscape(escape, undefined)
    expect(cancel).not.toHaveBeenCalled()
    expect([enter.preventDefault, escape.preventDefault].map((spy) => spy.mock.calls.length)).toEqual([0, 0])
  })
})

describe('the group page shortcuts', () => {
  const press = (key: string, code: string, modifiers: Partial<KeyboardEvent> = {}) => ({
    key,
    code,
    altKey: true,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...modifiers,
  })

  it('opens each sub-page with Alt and its letter from the one table', () => {
    expect(pageForKey(press('t', 'KeyT'))).toBe('tasks')
    expect(pageForKey(press('c', 'KeyC'))).toBe('calendar')
    expect(pageForKey(press('d', 'KeyD'))).toBe('drive')
    expect(pageForKey(press('m', 'KeyM'))).toBe('chat')
    expect(pageForKey(press('u', 'KeyU'))).toBe('members')
  })

  it('goes by the physical key, so Option+T on a Mac and a Russian layout work too', () => {
    expect(pageForKey(press('†', 'KeyT'))).toBe('tasks')
    expect(pageForKey(press('е', 'KeyT'))).toBe('tasks')
  })

  it('leaves the letter alone without Alt, or with another modifier (AltGr is Ctrl+Alt on Windows)', () => {
    expect(pageForKey(press('t', 'KeyT', { altKey: false }))).toBeNull()
    expect(pageForKey(press('t', 'KeyT', { ctrlKey: true }))).toBeNull()
    expect(pageForKey(press('T', 'KeyT', { shiftKey: true }))).toBeNull()
    expect(pageForKey(press('x', 'KeyX'))).toBeNull()
  })

  it('writes the shortcut the platform’s way', () => {
    expect(pageShortcutLabel('tasks', 'linux')).toBe('Alt+T')
    expect(pageShortcutLabel('chat', 'darwin')).toBe('⌥M')
  })

  it('opens the row menu with the Menu key or Shift+F10', () => {
    const key = (name: string, shiftKey = false) => ({
      key: name,
      altKey: false,
      ctrlKey: false,
      metaKey: false,
      shiftKey,
    })
    expect(opensRowMenu(key('ContextMenu'))).toBe(true)
    expect(opensRowMenu(key('F10', true))).toBe(true)
    expect(opensRowMenu(key('F10'))).toBe(false)
  })
})
