import { createShortcutManager } from './shortcut'

/** A fake registry: `taken` accelerators belong to another app, `malformed` ones make Electron throw. */
function fakeGlobalShortcut(taken: string[] = [], malformed: string[] = []) {
  const registered = new Map<string, () => void>()
  return {
    registered,
    register(accelerator: string, callback: () => void) {
      if (malformed.includes(accelerator)) throw new Error(`Error processing argument: ${accelerator}`)
      if (taken.includes(accelerator) || registered.has(accelerator)) return false
      registered.set(accelerator, callback)
      return true
    },
    unregister(accelerator: string) {
      registered.delete(accelerator)
    },
  }
}

describe('global shortcut', () => {
  it('registers a shortcut that triggers the toggle', () => {
    const registry = fakeGlobalShortcut()
    let toggles = 0
    const manager = createShortcutManager(registry, () => toggles++)
    expect(manager.apply('CommandOrControl+Alt+G')).toEqual({ ok: true, active: 'CommandOrControl+Alt+G' })
    registry.registered.get('CommandOrControl+Alt+G')?.()
    expect(toggles).toBe(1)
  })

  it('moves from the old shortcut to the new one', () => {
    const registry = fakeGlobalShortcut()
    const manager = createShortcutManager(registry, () => {})
    manager.apply('Alt+G')
    expect(manager.apply('Alt+H')).toEqual({ ok: true, active: 'Alt+H' })
    expect([...registry.registered.keys()]).toEqual(['Alt+H'])
  })

  it('rolls back to the previous shortcut when the new one is taken', () => {
    const registry = fakeGlobalShortcut(['Alt+Tab'])
    const manager = createShortcutManager(registry, () => {})
    manager.apply('Alt+G')
    expect(manager.apply('Alt+Tab')).toEqual({ ok: false, active: 'Alt+G', rejected: 'Alt+Tab' })
    expect([...registry.registered.keys()]).toEqual(['Alt+G'])
    expect(manager.active()).toBe('Alt+G')
  })

  it('rolls back when Electron rejects a malformed accelerator', () => {
    const registry = fakeGlobalShortcut([], ['Ctrl+'])
    const manager = createShortcutManager(registry, () => {})
    manager.apply('Alt+G')
    expect(manager.apply('Ctrl+')).toEqual({ ok: false, active: 'Alt+G', rejected: 'Ctrl+' })
  })

  it('reports no active shortcut when there was none to roll back to', () => {
    const manager = createShortcutManager(fakeGlobalShortcut(['Alt+Tab']), () => {})
    expect(manager.apply('Alt+Tab')).toEqual({ ok: false, active: null, rejected: 'Alt+Tab' })
  })

  it('removes the shortcut on null and on dispose', () => {
    const registry = fakeGlobalShortcut()
    const manager = createShortcutManager(registry, () => {})
    manager.apply('Alt+G')
    expect(manager.apply(null)).toEqual({ ok: true, active: null })
    manager.apply('Alt+H')
    manager.dispose()
    expect(registry.registered.size).toBe(0)
  })

  it('does not re-register an unchanged shortcut', () => {
    const registry = fakeGlobalShortcut()
    const manager = createShortcutManager(registry, () => {})
    manager.apply('Alt+G')
    expect(manager.apply('Alt+G')).toEqual({ ok: true, active: 'Alt+G' })
    expect(registry.registered.size).toBe(1)
  })
})
