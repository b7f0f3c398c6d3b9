import { screen, waitFor, within } from '@testing-library/svelte'
import type { AppState } from '@shared/types'
import { makeAccount, makeDetails, makeGroup, makeSettings, makeState, makeStatus } from '../../harness/builders'
import { renderApp, requestsOn } from '../test-support'

const acme = makeAccount({ host: 'acme.bitrix24.com' })
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString()
const groups = [
  makeGroup({ id: '1', name: 'Alpha', roleCode: 'K' }),
  makeGroup({ id: '2', name: 'Beta', roleCode: 'A' }),
  makeGroup({ id: '3', name: 'Gamma', roleCode: 'E', extranet: true }),
  makeGroup({ id: '4', name: 'Delta', roleCode: 'K' }),
]

function state(settings: Partial<AppState['settings']> = {}): AppState {
  return makeState({
    accounts: [acme],
    groups: { [acme.id]: groups },
    groupDetails: {
      [acme.id]: {
        '1': makeDetails({ type: 'project', activityAt: hoursAgo(5) }),
        '2': makeDetails({ type: 'group', activityAt: hoursAgo(1), archived: true }),
        '3': makeDetails({ type: 'scrum', activityAt: hoursAgo(30) }),
        '4': makeDetails({ type: 'project', activityAt: hoursAgo(2) }),
      },
    },
    statuses: [makeStatus(acme.id, { groupCount: groups.length })],
    settings: makeSettings(settings),
  })
}

const listed = () => screen.getAllByRole('option').map((option) => option.querySelector('[title]')?.textContent)

describe('sorting and filtering the group list', () => {
  it('lists archived groups last', async () => {
    await renderApp(state())
    expect(listed()).toEqual(['Alpha', 'Delta', 'Gamma', 'Beta'])
  })

  it('leaves archived groups out when the setting says not to show them', async () => {
    await renderApp(state({ showArchived: false }))
    expect(listed()).toEqual(['Alpha', 'Delta', 'Gamma'])
  })

  it('sorts by the remembered order, and a new choice is saved and applied', async () => {
    const { api, user } = await renderApp(state({ groupSort: 'role' }))
    expect(listed()).toEqual(['Gamma', 'Alpha', 'Delta', 'Beta'])
    await user.click(screen.getByRole('button', { name: 'Filter and sort' }))
    const sort = screen.getByRole('radiogroup', { name: 'Sort by' })
    expect(within(sort).getByRole('radio', { name: 'Role' })).toBeChecked()
    await user.click(within(sort).getByRole('radio', { name: 'Recent activity' }))
    expect(requestsOn(api, 'settings:update')).toEqual([{ groupSort: 'activity' }])
    await waitFor(() => expect(listed()).toEqual(['Delta', 'Alpha', 'Gamma', 'Beta']))
  })

  it('narrows the list with chips, combined with the search, and says how many match', async () => {
    const { user } = await renderApp(state())
    await user.click(screen.getByRole('button', { name: 'Filter and sort' }))
    const chips = screen.getByRole('group', { name: 'Show only' })
    await user.click(within(chips).getByRole('button', { name: 'Project' }))
    expect(listed()).toEqual(['Alpha', 'Delta'])
    expect(screen.getByTestId('match-count')).toHaveTextContent('2 of 4')
    await user.type(screen.getByRole('combobox'), 'del')
    expect(listed()).toEqual(['Delta'])
    await user.click(within(chips).getByRole('button', { name: 'Scrum' }))
    expect(within(chips).getByRole('button', { name: 'Scrum' })).toHaveAttribute('aria-pressed', 'true')
    expect(listed()).toEqual(['Delta'])
    expect(screen.getByRole('button', { name: /^Filter and sort: 2 filters on$/ })).toBeInTheDocument()
  })

  it('offers the role, extranet and archived chips the groups call for', async () => {
    const { user } = await renderApp(state())
    await user.click(screen.getByRole('button', { name: 'Filter and sort' }))
    const chips = within(screen.getByRole('group', { name: 'Show only' }))
      .getAllByRole('button')
      .map((chip) => chip.textContent?.trim())
    expect(chips).toEqual(['Owner', 'Moderator', 'Member', 'Group', 'Project', 'Scrum', 'Extranet', 'Archived'])
  })

  it('says when the filters match nothing, and clearing them brings the groups back', async () => {
    const { user } = await renderApp(state())
    await user.click(screen.getByRole('button', { name: 'Filter and sort' }))
    const chips = screen.getByRole('group', { name: 'Show only' })
    await user.click(within(chips).getByRole('button', { name: 'Owner' }))
    await user.click(within(chips).getByRole('button', { name: 'Extranet' }))
    expect(screen.getByTestId('filters-empty')).toHaveTextContent('No group matches these filters.')
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(listed()).toEqual(['Alpha', 'Delta', 'Gamma', 'Beta'])
    expect(screen.getByRole('button', { name: 'Filter and sort' })).toBeInTheDocument()
  })

  it('keeps the filters while another view is shown', async () => {
    const { user } = await renderApp(state())
    await user.click(screen.getByRole('button', { name: 'Filter and sort' }))
    await user.click(within(screen.getByRole('group', { name: 'Show only' })).getByRole('button', { name: 'Member' }))
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    await user.click(screen.getByRole('button', { name: 'Groups' }))
    await screen.findAllByRole('option')
    expect(listed()).toEqual(['Alpha', 'Delta'])
  })
})
