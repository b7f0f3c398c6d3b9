import { menuPosition, primaryPage, rowMenuEntries, rowPages } from './group-actions'

describe('a row’s actions', () => {
  it('opens a collab’s chat and any other group’s front page', () => {
    expect(primaryPage('collab')).toBe('chat')
    expect(primaryPage('project')).toBeUndefined()
    expect(primaryPage(null)).toBeUndefined()
  })

  it('lists the sub-pages in the table’s order, a collab’s chat first', () => {
    expect(rowPages('group')).toEqual(['tasks', 'calendar', 'drive', 'chat', 'members'])
    expect(rowPages('collab')).toEqual(['chat', 'tasks', 'calendar', 'drive', 'members'])
  })

  it('offers the group page, the sub-pages, the link and the pin in the menu, marking what Enter opens; a collab starts with its chat', () => {
    const entries = rowMenuEntries('project')
    expect(entries.map((entry) => entry.id)).toEqual([
      'open',
      'tasks',
      'calendar',
      'drive',
      'chat',
      'members',
      'copyLink',
      'togglePin',
    ])
    expect(entries.filter((entry) => entry.primary).map((entry) => entry.id)).toEqual(['open'])
    const collab = rowMenuEntries('collab')
    expect(collab.map((entry) => entry.id)).toEqual([
      'chat',
      'tasks',
      'calendar',
      'drive',
      'members',
      'copyLink',
      'togglePin',
    ])
    expect(collab.filter((entry) => entry.primary).map((entry) => entry.id)).toEqual(['chat'])
  })
})

describe('menuPosition', () => {
  const viewport = { width: 380, height: 560 }
  const menu = { width: 200, height: 240 }

  it('opens at the pointer where the menu fits', () => {
    expect(menuPosition({ x: 20, y: 100 }, menu, viewport)).toEqual({ x: 20, y: 100 })
  })

  it('flips to the left and above near the right and bottom edges', () => {
    expect(menuPosition({ x: 300, y: 500 }, menu, viewport)).toEqual({ x: 100, y: 260 })
  })

  it('stays inside the window when it fits neither way', () => {
    expect(menuPosition({ x: 150, y: 200 }, { width: 200, height: 500 }, viewport)).toEqual({ x: 150, y: 4 })
    expect(menuPosition({ x: 100, y: 10 }, { width: 500, height: 100 }, viewport)).toEqual({ x: 4, y: 10 })
  })
})
