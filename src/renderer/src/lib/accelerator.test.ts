import { formatAccelerator, recordAccelerator } from './accelerator'

const press = (key: string, code: string, modifiers: Partial<KeyboardEvent> = {}) => ({
  key,
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
})

describe('recordAccelerator', () => {
  it('records Ctrl+Alt+G as CommandOrControl+Alt+G on Linux', () => {
    expect(recordAccelerator(press('g', 'KeyG', { ctrlKey: true, altKey: true }), 'linux')).toEqual({
      accelerator: 'CommandOrControl+Alt+G',
    })
  })

  it('records Cmd+Shift+G as CommandOrControl+Shift+G on macOS', () => {
    expect(recordAccelerator(press('G', 'KeyG', { metaKey: true, shiftKey: true }), 'darwin')).toEqual({
      accelerator: 'CommandOrControl+Shift+G',
    })
  })

  it('uses the physical key, so a Russian layout records the Latin letter', () => {
    expect(recordAccelerator(press('п', 'KeyG', { ctrlKey: true }), 'linux')).toEqual({
      accelerator: 'CommandOrControl+G',
    })
  })

  it('waits while only modifiers are held', () => {
    expect(recordAccelerator(press('Control', 'ControlLeft', { ctrlKey: true }), 'linux')).toBeNull()
  })

  it('refuses a plain letter or Shift+letter, which would steal typing from other apps', () => {
    expect(recordAccelerator(press('g', 'KeyG'), 'linux')).toEqual({ error: 'needsModifier' })
    expect(recordAccelerator(press('G', 'KeyG', { shiftKey: true }), 'linux')).toEqual({ error: 'needsModifier' })
  })

  it('accepts a function key alone', () => {
    expect(recordAccelerator(press('F9', 'F9'), 'win32')).toEqual({ accelerator: 'F9' })
  })

  it('names arrows, space and digits the way Electron does', () => {
    expect(recordAccelerator(press('ArrowUp', 'ArrowUp', { altKey: true }), 'linux')).toEqual({ accelerator: 'Alt+Up' })
    expect(recordAccelerator(press(' ', 'Space', { ctrlKey: true }), 'linux')).toEqual({
      accelerator: 'CommandOrControl+Space',
    })
    expect(recordAccelerator(press('1', 'Digit1', { ctrlKey: true }), 'linux')).toEqual({
      accelerator: 'CommandOrControl+1',
    })
  })

  it('ignores keys Electron has no name for', () => {
    expect(recordAccelerator(press('Unidentified', 'IntlRo', { ctrlKey: true }), 'linux')).toBeNull()
  })
})

describe('formatAccelerator', () => {
  it('writes Ctrl on Linux and Windows', () => {
    expect(formatAccelerator('CommandOrControl+Alt+G', 'linux')).toBe('Ctrl+Alt+G')
  })

  it('writes symbols on macOS', () => {
    expect(formatAccelerator('CommandOrControl+Alt+G', 'darwin')).toBe('⌘⌥G')
  })
})
