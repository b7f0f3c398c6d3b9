import { moveActive, moveForKey } from './list-navigation'

// h = header (not selectable), g = group
const rows = (pattern: string) => [...pattern].map((char) => char === 'g')

describe('moveActive', () => {
  it('moves down and up one row, skipping headers', () => {
    const list = rows('hgghg')
    expect(moveActive(list, 2, 'down', 5)).toBe(4)
    expect(moveActive(list, 4, 'up', 5)).toBe(2)
  })

  it('stays on the last row at the bottom and on the first at the top', () => {
    const list = rows('hggg')
    expect(moveActive(list, 3, 'down', 5)).toBe(3)
    expect(moveActive(list, 1, 'up', 5)).toBe(1)
  })

  it('jumps to the first and last selectable rows with Home and End', () => {
    const list = rows('hgghggh')
    expect(moveActive(list, 4, 'home', 5)).toBe(1)
    expect(moveActive(list, 1, 'end', 5)).toBe(5)
  })

  it('pages by one screen less one row, so the last visible row stays in view', () => {
    const list = rows('g'.repeat(50))
    expect(moveActive(list, 0, 'pageDown', 10)).toBe(9)
    expect(moveActive(list, 20, 'pageUp', 10)).toBe(11)
  })

  it('stops paging at the ends of the list', () => {
    const list = rows('hgggg')
    expect(moveActive(list, 3, 'pageDown', 10)).toBe(4)
    expect(moveActive(list, 2, 'pageUp', 10)).toBe(1)
  })

  it('lands on a group, not a header, after a page move', () => {
    const list = rows('gggghggg')
    expect(moveActive(list, 0, 'pageDown', 5)).toBe(5)
    expect(moveActive(list, 7, 'pageUp', 4)).toBe(3)
  })

  it('starts from the first row (or the last, going up) when nothing is active', () => {
    const list = rows('hggg')
    expect(moveActive(list, -1, 'down', 5)).toBe(1)
    expect(moveActive(list, -1, 'up', 5)).toBe(3)
  })

  it('gives -1 when nothing can be active', () => {
    expect(moveActive(rows('hh'), -1, 'down', 5)).toBe(-1)
    expect(moveActive([], 0, 'end', 5)).toBe(-1)
  })
})

describe('moveForKey', () => {
  const key = (name: string, modifiers: Partial<KeyboardEvent> = {}) =>
    moveForKey({ key: name, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers })

  it('maps the navigation keys', () => {
    expect(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'].map((name) => key(name))).toEqual([
      'up',
      'down',
      'pageUp',
      'pageDown',
      'home',
      'end',
    ])
  })

  it('leaves other keys and modified arrows alone', () => {
    expect(key('a')).toBeNull()
    expect(key('ArrowDown', { shiftKey: true })).toBeNull()
    expect(key('ArrowDown', { ctrlKey: true })).toBeNull()
  })

  it('accepts Ctrl+Home and Ctrl+End', () => {
    expect(key('Home', { ctrlKey: true })).toBe('home')
    expect(key('End', { ctrlKey: true })).toBe('end')
  })
})
