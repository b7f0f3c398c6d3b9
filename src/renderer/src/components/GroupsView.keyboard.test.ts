import { screen, waitFor } from '@testing-library/svelte'
import { makeAccount, makeGroup, makeState, makeStatus } from '../../harness/builders'
import { renderApp, requestsOn } from '../test-support'

const acme = makeAccount({ host: 'acme.bitrix24.com' })
const beta = makeAccount({ host: 'beta.bitrix24.de', userId: '7' })
// Zero-padded so that name order is index order.
const groups = Array.from({ length: 60 }, (_, index) =>
  makeGroup({ id: String(index + 1), name: `Group ${String(index + 1).padStart(2, '0')}` }),
)
const state = makeState({
  accounts: [acme],
  groups: { [acme.id]: groups },
  statuses: [makeStatus(acme.id, { groupCount: groups.length })],
})

/** The name of the option the search field points at (aria-activedescendant). */
function activeName(): string | null | undefined {
  const id = screen.getByRole('combobox').getAttribute('aria-activedescendant')
  const option = id ? document.getElementById(id) : null
  return option?.querySelector('[title]')?.textContent
}

describe('keyboard navigation in the group list', () => {
  it('highlights the first group at the start, as the option the search field points at', async () => {
    await renderApp(state)
    expect(activeName()).toBe('Group 01')
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('Group 01')
  })

  it('moves down and up with the arrow keys', async () => {
    const { user } = await renderApp(state)
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}')
    expect(activeName()).toBe('Group 03')
  })

  it('jumps to the end and back to the start with End and Home', async () => {
    const { user } = await renderApp(state)
    await user.keyboard('{End}')
    await waitFor(() => expect(activeName()).toBe('Group 60'))
    await user.keyboard('{Home}')
    await waitFor(() => expect(activeName()).toBe('Group 01'))
  })

  it('pages by what fits in the window with Page Down and Page Up', async () => {
    const { user } = await renderApp(state)
    // 560 px of 38 px rows: 14 fit, so a page moves 13 and keeps the last row in view.
    await user.keyboard('{PageDown}')
    await waitFor(() => expect(activeName()).toBe('Group 14'))
    await user.keyboard('{PageUp}')
    await waitFor(() => expect(activeName()).toBe('Group 01'))
  })

  it('opens the highlighted group with Enter', async () => {
    const { api, user } = await renderApp(state)
    await user.keyboard('{ArrowDown}{Enter}')
    expect(requestsOn(api, 'groups:open')).toEqual([{ accountId: acme.id, groupId: '2' }])
  })

  it('moves the one highlight with the pointer, and Enter opens the group the pointer is on', async () => {
    const { api, user } = await renderApp(state)
    const fourth = screen.getAllByRole('option')[3]
    if (!fourth) throw new Error('no fourth option')
    await user.hover(fourth)
    expect(activeName()).toBe('Group 04')
    expect(screen.getAllByRole('option', { selected: true })).toEqual([fourth])
    await user.keyboard('{Enter}')
    expect(requestsOn(api, 'groups:open')).toEqual([{ accountId: acme.id, groupId: '4' }])
  })

  it('moves on from the hovered group with the arrow keys, never showing two highlights', async () => {
    const { user } = await renderApp(state)
    const fourth = screen.getAllByRole('option')[3]
    if (!fourth) throw new Error('no fourth option')
    await user.hover(fourth)
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(activeName()).toBe('Group 06')
    const selected = screen.getAllByRole('option', { selected: true })
    expect(selected).toHaveLength(1)
    expect(selected[0]).toHaveTextContent('Group 06')
    expect(screen.getAllByRole('option').filter((option) => option.querySelector('.row.active'))).toEqual(selected)
  })

  it('opens the first match of a search with Enter', async () => {
    const { api, user } = await renderApp(state)
    await user.type(screen.getByRole('combobox'), 'group 42{Enter}')
    expect(requestsOn(api, 'groups:open')).toEqual([{ accountId: acme.id, groupId: '42' }])
  })

  it('copies the link of the highlighted group with Ctrl+C when no text is selected', async () => {
    const { api, user } = await renderApp(state)
    await user.keyboard('{ArrowDown}{Control>}c{/Control}')
    expect(requestsOn(api, 'groups:copyLink')).toEqual([{ accountId: acme.id, groupId: '2' }])
    expect(await screen.findByTestId('toast')).toHaveTextContent('Link copied')
  })

  it('lets Ctrl+C copy selected search text instead of the link', async () => {
    const { api, user } = await renderApp(state)
    const search = screen.getByRole('combobox') as HTMLInputElement
    await user.type(search, 'group')
    search.setSelectionRange(0, 5)
    await user.keyboard('{Control>}c{/Control}')
    expect(requestsOn(api, 'groups:copyLink')).toEqual([])
  })

  it('pins and unpins the highlighted group with Ctrl+P, and the pinned group moves to the top', async () => {
    const { api, user } = await renderApp(state)
    await user.keyboard('{ArrowDown}{ArrowDown}{Control>}p{/Control}')
    expect(requestsOn(api, 'groups:setPinned')).toEqual([{ accountId: acme.id, groupId: '3', pinned: true }])
    await waitFor(() => expect(screen.getAllByRole('option')[0]).toHaveTextContent('Group 03'))
    expect(activeName()).toBe('Group 03')
    await user.keyboard('{Control>}p{/Control}')
    expect(requestsOn(api, 'groups:setPinned')).toContainEqual({ accountId: acme.id, groupId: '3', pinned: false })
  })

  it('refreshes with Ctrl+R and opens settings with Ctrl+comma', async () => {
    const { api, user } = await renderApp(state)
    await user.keyboard('{Control>}r{/Control}')
    expect(requestsOn(api, 'sync:refresh')).toEqual([{}])
    await user.keyboard('{Control>},{/Control}')
    expect(screen.getByRole('heading', { name: 'Accounts' })).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(screen.getByRole('combobox')).toHaveFocus()
  })

  it('skips account headers when moving through several accounts', async () => {
    const { user } = await renderApp(
      makeState({
        accounts: [acme, beta],
        groups: {
          [acme.id]: [makeGroup({ id: '1', name: 'Alpha' })],
          [beta.id]: [makeGroup({ id: '2', name: 'Beta' })],
        },
      }),
    )
    expect(activeName()).toBe('Alpha')
    await user.keyboard('{ArrowDown}')
    expect(activeName()).toBe('Beta')
    await user.keyboard('{ArrowUp}')
    expect(activeName()).toBe('Alpha')
  })

  it('opens a group on click and pins it from its pin mark', async () => {
    const { api, user } = await renderApp(state)
    const option = screen.getAllByRole('option')[4]
    if (!option) throw new Error('no fifth option')
    await user.click(option)
    expect(requestsOn(api, 'groups:open')).toEqual([{ accountId: acme.id, groupId: '5' }])
    const pin = option.querySelector('[data-action="pin"]')
    if (!pin) throw new Error('no pin mark')
    await user.click(pin)
    expect(requestsOn(api, 'groups:setPinned')).toEqual([{ accountId: acme.id, groupId: '5', pinned: true }])
    expect(requestsOn(api, 'groups:open')).toHaveLength(1)
  })

  it("tells screen readers each option's place among the groups, headers not counted", async () => {
    const { user } = await renderApp(
      makeState({
        accounts: [acme, { ...beta, label: 'Beta GmbH' }],
        groups: {
          [acme.id]: [makeGroup({ id: '1', name: 'Alpha' })],
          [beta.id]: [makeGroup({ id: '2', name: 'Beta' })],
        },
      }),
    )
    await user.keyboard('{ArrowDown}')
    const active = screen.getByRole('option', { selected: true })
    expect(active).toHaveAttribute('aria-posinset', '2')
    expect(active).toHaveAttribute('aria-setsize', '2')
    expect(active).toHaveAccessibleName(/Beta GmbH/)
  })

  it('keeps the highlighted option in the page while the list scrolls away from it', async () => {
    await renderApp(state)
    const list = screen.getByRole('listbox')
    list.scrollTop = 38 * 40
    list.dispatchEvent(new Event('scroll'))
    await waitFor(() => expect(screen.queryByText('Group 45')).toBeInTheDocument())
    expect(
      document.getElementById(screen.getByRole('combobox').getAttribute('aria-activedescendant') ?? ''),
    ).not.toBeNull()
  })
})
