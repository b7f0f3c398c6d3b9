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
  it('lists changes under their day, the group first, then the change and from → to', () => {
    renderWithApp(ChangesView, { appState: appState() })
    const days = screen.getAllByRole('heading', { level: 2 })
    expect(days[0]).toHaveTextContent('Today')
    const first = screen.getAllByTestId('change')[0]
    if (!first) throw new Error('no change listed')
    const text = first.textContent?.replace(/\s+/g, ' ') ?? ''
    expect(text).toContain('Role changed·Member → Moderator')
    expect(text.indexOf('Design')).toBeLessThan(text.indexOf('Role changed'))
  })

  it('marks an unseen change once: a dot, and "New" for screen readers only', () => {
    renderWithApp(ChangesView, { appState: appState() })
    const [unseen, seen] = screen.getAllByTestId('change')
    expect(unseen?.querySelectorAll('.dot')).toHaveLength(1)
    expect(within(unseen!).getByText('New')).toHaveClass('sr-only')
    expect(seen?.querySelector('.dot')).toBeNull()
    expect(screen.queryByText(/\d+ new/)).toBeNull()
  })

  it('does not offer a group the user has left as a link', () => {
    renderWithApp(ChangesView, { appState: appState() })
    const left = screen.getAllByTestId('change')[1]
    expect(within(left!).queryByRole('button')).toBeNull()
    expect(left).toHaveTextContent('Old project')
  })

  it('marks an unseen "left" entry seen from its own button, by keyboard, without opening the group', async () => {
    const state = appState()
    const unseenLeft = { ...state, changes: state.changes.map((change) => ({ ...change, seen: false })) }
    const { user, api } = renderWithApp(ChangesView, { appState: unseenLeft }, { state: unseenLeft })
    const left = screen.getAllByTestId('change')[1]!
    const markSeen = within(left).getByRole('button', { name: 'Mark “Old project” as seen' })
    expect(within(left).getAllByRole('button')).toEqual([markSeen])
    markSeen.focus()
    await user.keyboard('{Enter}')
    expect(requestsOn(api, 'changes:markSeen')).toEqual([{ ids: ['b'] }])
    expect(requestsOn(api, 'groups:open')).toEqual([])
  })

  it('falls back to all accounts when the filtered account is removed', async () => {
    const state = appState()
    const beta = makeAccount({ host: 'beta.bitrix24.de', userId: '7', label: 'Beta' })
    const gamma = makeAccount({ host: 'gamma.bitrix24.de', userId: '9', label: 'Gamma' })
    const withBeta = {
      ...state,
      accounts: [account, beta, gamma],
      changes: [
        ...state.changes,
        makeChange({ id: 'c', accountId: beta.id, group: design, kind: 'joined', at: hoursAgo(1) }),
      ],
    }
    const { user, rerender } = renderWithApp(ChangesView, { appState: withBeta })
    await user.selectOptions(screen.getByLabelText('Account'), 'Beta')
    expect(screen.getAllByTestId('change')).toHaveLength(1)
    await rerender({
      appState: { ...withBeta, accounts: [account, gamma], changes: state.changes },
    })
    expect(screen.getAllByTestId('change')).toHaveLength(2)
    expect(screen.getByLabelText('Account')).toHaveDisplayValue('All accounts')
  })

  it('filters by kind of change, and by account when there are several', async () => {
    const state = appState()
    const beta = makeAccount({ host: 'beta.bitrix24.de', userId: '7', label: 'Beta' })
    const withBeta = {
      ...state,
      accounts: [account, beta],
      changes: [
        ...state.changes,
        makeChange({ id: 'c', accountId: beta.id, group: design, kind: 'joined', at: hoursAgo(1) }),
      ],
    }
    const { user } = renderWithApp(ChangesView, { appState: withBeta })
    expect(screen.getAllByTestId('change')).toHaveLength(3)
    await user.selectOptions(screen.getByLabelText('Account'), 'Beta')
    expect(screen.getAllByTestId('change')).toHaveLength(1)
    await user.selectOptions(screen.getByLabelText('Account'), 'All accounts')
    await user.selectOptions(screen.getByLabelText('Kind of change'), 'Left')
    expect(screen.getAllByTestId('change').map((entry) => entry.textContent)).toEqual([
      expect.stringContaining('Old project'),
    ])
    await user.selectOptions(screen.getByLabelText('Account'), 'Beta')
    expect(screen.getByText('No changes match these filters.')).toBeInTheDocument()
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

  it('offers no "mark all as seen" when everything is seen', () => {
    const state = appState()
    renderWithApp(ChangesView, { appState: { ...state, changes: state.changes.map((c) => ({ ...c, seen: true })) } })
    expect(screen.queryByRole('button', { name: 'Mark all as seen' })).toBeNull()
  })

  it('opens a group from its change and marks that change seen', async () => {
    const state = appState()
    const { user, api } = renderWithApp(ChangesView, { appState: state }, { state })
    await user.click(screen.getByRole('button', { name: /^Design/ }))
    expect(requestsOn(api, 'groups:open')).toEqual([{ accountId: account.id, groupId: '7' }])
    expect(requestsOn(api, 'changes:markSeen')).toEqual([{ ids: ['a'] }])
  })

  it('says so when there is no history yet', () => {
    renderWithApp(ChangesView, { appState: makeState({ accounts: [account] }) })
    expect(screen.getByText('No changes yet')).toBeInTheDocument()
  })
})
