import { screen, within } from '@testing-library/svelte'
import { makeAccount, makeChange, makeGroup, makeState } from '../../harness/builders'
import { NOW, renderWithApp, requestsOn } from '../test-support'
import ChangesView from './ChangesView.svelte'

const account = makeAccount({ host: 'acme.bitrix24.com' })
const design = makeGroup({ id: '7', name: 'Design' })
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString()

function appState() {
  return makeState({
    accounts: [account],
    groups: { [account.id]: [design] },
    changes: [
      makeChange({
        id: 'a',
        accountId: account.id,
        group: design,
        kind: 'role_changed',
        from: 'K',
        to: 'E',
        at: hoursAgo(0.5),
      }),
      makeChange({
        id: 'b',
        accountId: account.id,
        group: makeGroup({ id: '8', name: 'Old project' }),
        kind: 'left',
        whileAway: true,
        at: hoursAgo(24 * 3),
        seen: true,
      }),
    ],
  })
}

describe('the changes view', () => {
  it('lists changes under their day with kind, group and from → to', () => {
    renderWithApp(ChangesView, { appState: appState() })
    const days = screen.getAllByRole('heading', { level: 2 })
    expect(days[0]).toHaveTextContent('Today')
    const first = screen.getAllByTestId('change')[0]
    if (!first) throw new Error('no change listed')
    expect(first).toHaveTextContent('Role changed')
    expect(first).toHaveTextContent('Design')
    expect(first).toHaveTextContent('Member → Moderator')
    expect(first).toHaveTextContent('New')
  })

  it('marks a change found after a restart as "while away"', () => {
    renderWithApp(ChangesView, { appState: appState() })
    const second = screen.getAllByTestId('change')[1]
    if (!second) throw new Error('no second change')
    expect(within(second).getByText('While away')).toHaveAttribute('title', 'Happened while the app was not running')
  })

  it('marks all as seen', async () => {
    const { user, api } = renderWithApp(ChangesView, { appState: appState() })
    await user.click(screen.getByRole('button', { name: 'Mark all as seen' }))
    expect(requestsOn(api, 'changes:markSeen')).toEqual([{}])
  })

  it('cannot mark as seen when everything is seen', () => {
    const state = appState()
    renderWithApp(ChangesView, { appState: { ...state, changes: state.changes.map((c) => ({ ...c, seen: true })) } })
    expect(screen.getByRole('button', { name: 'Mark all as seen' })).toBeDisabled()
  })

  it('opens a group from its change and marks that change seen', async () => {
    const state = appState()
    const { user, api } = renderWithApp(ChangesView, { appState: state }, { state })
    await user.click(screen.getByRole('button', { name: 'Open Design' }))
    expect(requestsOn(api, 'groups:open')).toEqual([{ accountId: account.id, groupId: '7' }])
    expect(requestsOn(api, 'changes:markSeen')).toEqual([{ ids: ['a'] }])
  })

  it('says so when there is no history yet', () => {
    renderWithApp(ChangesView, { appState: makeState({ accounts: [account] }) })
    expect(screen.getByText('No changes yet')).toBeInTheDocument()
  })
})
