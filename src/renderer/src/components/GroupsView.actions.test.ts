import { fireEvent, screen, within } from '@testing-library/svelte'
import { makeAccount, makeDetails, makeGroup, makeState, makeStatus } from '../../harness/builders'
import { renderApp, requestsOn } from '../test-support'

const acme = makeAccount({ host: 'acme.bitrix24.com' })
const groups = [
  makeGroup({ id: '1', name: 'Alpha' }),
  makeGroup({ id: '2', name: 'Bravo' }),
  makeGroup({ id: '3', name: 'Charlie' }),
]
const state = makeState({
  accounts: [acme],
  groups: { [acme.id]: groups },
  groupDetails: { [acme.id]: { '2': makeDetails({ type: 'collab' }), '3': makeDetails({ type: 'project' }) } },
  statuses: [makeStatus(acme.id, { groupCount: groups.length })],
})
const target = (groupId: string, page?: string) => ({ accountId: acme.id, groupId, ...(page ? { page } : {}) })

describe('quick actions on a group', () => {
  it('opens each sub-page of the highlighted group with Alt and the page’s letter', async () => {
    const { api, user } = await renderApp(state)
    await user.keyboard('{Alt>}t{/Alt}{Alt>}c{/Alt}{Alt>}d{/Alt}{Alt>}m{/Alt}{Alt>}u{/Alt}')
    expect(requestsOn(api, 'groups:open')).toEqual([
      target('1', 'tasks'),
      target('1', 'calendar'),
      target('1', 'drive'),
      target('1', 'chat'),
      target('1', 'members'),
    ])
    expect(screen.getByRole('combobox')).toHaveValue('')
  })

  it('names the shortcuts on every option for screen readers', async () => {
    await renderApp(state)
    expect(screen.getAllByRole('option')[0]).toHaveAttribute(
      'aria-keyshortcuts',
      'Alt+T Alt+C Alt+D Alt+M Alt+U Shift+F10',
    )
  })

  it('leaves the shortcuts alone outside the groups view', async () => {
    const { api, user } = await renderApp(state)
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    await user.keyboard('{Alt>}t{/Alt}')
    expect(requestsOn(api, 'groups:open')).toEqual([])
  })

  it('opens a collab’s chat with Enter and with a click, and any other group’s page', async () => {
    const { api, user } = await renderApp(state)
    await user.keyboard('{ArrowDown}{Enter}')
    await user.click(screen.getAllByRole('option')[2]?.querySelector('.name') as Element)
    expect(requestsOn(api, 'groups:open')).toEqual([target('2', 'chat'), target('3')])
  })

  it('shows the sub-pages as icons on the highlighted row, each with its name and key, the chat first for a collab', async () => {
    const { api, user } = await renderApp(state)
    const first = screen.getAllByRole('option')[0] as HTMLElement
    const titles = [...first.querySelectorAll('[data-page]')].map((action) => action.getAttribute('title'))
    expect(titles).toEqual(['Tasks (Alt+T)', 'Calendar (Alt+C)', 'Drive (Alt+D)', 'Chat (Alt+M)', 'Members (Alt+U)'])
    await user.click(within(first).getByTitle('Drive (Alt+D)'))
    expect(requestsOn(api, 'groups:open')).toEqual([target('1', 'drive')])
    const collab = screen.getAllByRole('option')[1] as HTMLElement
    await user.hover(collab)
    expect(collab.querySelector('[data-page]')?.getAttribute('title')).toBe('Chat (Alt+M)')
    expect(screen.getAllByTestId('quick-actions')).toHaveLength(1)
  })
})

describe('the row’s context menu', () => {
  it('opens on a right click with the group page, the sub-pages, the link and the pin', async () => {
    const { api, user } = await renderApp(state)
    await user.pointer({ keys: '[MouseRight]', target: screen.getAllByRole('option')[2] as Element })
    const menu = screen.getByRole('menu', { name: 'Actions for Charlie' })
    const items = within(menu).getAllByRole('menuitem')
    expect(items.map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Open group page Enter',
      'Tasks Alt+T',
      'Calendar Alt+C',
      'Drive Alt+D',
      'Chat Alt+M',
      'Members Alt+U',
      'Copy link Ctrl+Shift+C',
      'Pin Ctrl+P',
    ])
    expect(items[0]).toHaveFocus()
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
    expect(requestsOn(api, 'groups:open')).toEqual([target('3', 'calendar')])
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
    expect(screen.getByRole('combobox')).toHaveFocus()
  })

  it('opens from the keyboard with Shift+F10 for the highlighted row, a collab’s chat marked as what Enter opens', async () => {
    const { user } = await renderApp(state)
    await user.keyboard('{ArrowDown}{Shift>}{F10}{/Shift}')
    const menu = screen.getByRole('menu', { name: 'Actions for Bravo' })
    expect(within(menu).getByRole('menuitem', { name: /^Chat/ })).toHaveTextContent('Enter')
    expect(within(menu).getAllByRole('menuitem')[0]).toHaveTextContent(/^Chat/)
    expect(within(menu).queryByRole('menuitem', { name: /^Open group page/ })).not.toBeInTheDocument()
  })

  it('closes on Escape without also hiding the window, and on a click outside', async () => {
    const { api, user } = await renderApp(state)
    await user.keyboard('{Shift>}{F10}{/Shift}')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
    expect(requestsOn(api, 'window:hide')).toEqual([])
    await user.keyboard('{Shift>}{F10}{/Shift}')
    await fireEvent.pointerDown(document.querySelector('.backdrop') as Element)
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
  })

  it('copies the link and pins from the menu', async () => {
    const { api, user } = await renderApp(state)
    await user.keyboard('{Shift>}{F10}{/Shift}')
    await user.click(screen.getByRole('menuitem', { name: /^Copy link/ }))
    await user.keyboard('{Shift>}{F10}{/Shift}')
    await user.click(screen.getByRole('menuitem', { name: /^Pin/ }))
    expect(requestsOn(api, 'groups:copyLink')).toEqual([target('1')])
    expect(requestsOn(api, 'groups:setPinned')).toEqual([{ ...target('1'), pinned: true }])
  })
})

describe('the shortcuts help', () => {
  it('lists the sub-page shortcuts and the row menu', async () => {
    const { user } = await renderApp(state)
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    const help = screen.getByRole('region', { name: 'Keyboard shortcuts' })
    expect(within(help).getByText('Alt+T C D M U').closest('.row')).toHaveTextContent(
      'Open tasks, calendar, drive, chat, members',
    )
    expect(within(help).getByText('Shift+F10').closest('.row')).toHaveTextContent('Actions for the group')
  })
})
