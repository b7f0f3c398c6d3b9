import { screen, within } from '@testing-library/svelte'
import type { GroupDetails, Group } from '@shared/types'
import { makeAccount, makeDetails, makeGroup } from '../../harness/builders'
import { prepareGroups, type GroupRow } from '../lib/group-rows'
import { NOW, renderWithApp } from '../test-support'
import GroupItem from './GroupItem.svelte'

const acme = makeAccount({ host: 'acme.bitrix24.com' })
const HOUR = 3_600_000

function rowFor(group: Group, details?: GroupDetails): GroupRow {
  const prepared = prepareGroups({
    accounts: [acme],
    groups: { [acme.id]: [group] },
    details: details ? { [acme.id]: { [group.id]: details } } : {},
    pinnedGroups: {},
    unseen: new Set(),
    language: 'en',
  })
  const row = prepared.accounts[0]?.groups[0]
  if (!row) throw new Error('no row')
  return row
}

const project = makeDetails({
  type: 'project',
  memberCount: 12,
  activityAt: new Date(NOW.getTime() - 2 * HOUR).toISOString(),
  projectFinish: '2025-03-13T00:00:00+03:00',
  pendingRequests: 3,
})

describe('a group row with details', () => {
  it('says the kind, the members, the activity and when the project ends, in one muted line', () => {
    renderWithApp(GroupItem, { row: rowFor(makeGroup({ id: '7', name: 'Roadmap' }), project), active: false })
    const line = screen.getByTestId('group-details')
    expect(screen.getByTestId('group-details-spoken')).toHaveTextContent(
      'Project, ends in 3 days, 12 members, active 2 hr. ago',
    )
    expect(within(line).getByTitle('Project')).toBeInTheDocument()
    expect(
      [...line.querySelectorAll(':scope > [aria-hidden="true"]:not(.type)')].map((part) => part.textContent),
    ).toEqual(['ends in 3 days', '·', '12 members', '·', 'active 2 hr. ago'])
  })

  it('shows the pending join requests to an owner, and not to a member', () => {
    const { unmount } = renderWithApp(GroupItem, {
      row: rowFor(makeGroup({ id: '7', roleCode: 'A' }), project),
      active: false,
    })
    expect(screen.getByTestId('pending-requests')).toHaveTextContent('3 requests to join')
    unmount()
    renderWithApp(GroupItem, { row: rowFor(makeGroup({ id: '7', roleCode: 'K' }), project), active: false })
    expect(screen.queryByTestId('pending-requests')).not.toBeInTheDocument()
  })

  it('marks an archived group with a badge', () => {
    const archived = makeDetails({ archived: true, memberCount: 4 })
    renderWithApp(GroupItem, { row: rowFor(makeGroup({ id: '7' }), archived), active: false })
    expect(screen.getByText('Archived')).toHaveClass('badge')
  })

  it('names the kind in words when there is nothing else to say, and no kind when the portal sends none', () => {
    const { unmount } = renderWithApp(GroupItem, {
      row: rowFor(makeGroup({ id: '7' }), makeDetails({ type: 'collab' })),
      active: false,
    })
    expect(screen.getByTestId('group-details-spoken')).toHaveTextContent(/^Collab$/)
    expect(screen.getByTestId('group-details')).toHaveTextContent(/^Collab\s*Collab$/)
    unmount()
    renderWithApp(GroupItem, {
      row: rowFor(makeGroup({ id: '7' }), makeDetails({ type: null, memberCount: 4 })),
      active: false,
    })
    expect(screen.getByTestId('group-details-spoken')).toHaveTextContent(/^4 members$/)
  })

  it('says in Russian how many members, with the plural form the number needs', () => {
    renderWithApp(
      GroupItem,
      { row: rowFor(makeGroup({ id: '7' }), makeDetails({ memberCount: 3 })), active: false },
      { language: 'ru' },
    )
    expect(screen.getByTestId('group-details')).toHaveTextContent('3 участника')
  })

  it('shows a group without details as a one-line row, as before', () => {
    renderWithApp(GroupItem, { row: rowFor(makeGroup({ id: '7', name: 'Plain' })), active: false })
    expect(screen.queryByTestId('group-details')).not.toBeInTheDocument()
    expect(screen.getByText('Plain')).toBeInTheDocument()
  })

  it('shows the portal’s name as text in its own direction, never as markup', () => {
    const name = '<img src=x onerror=alert(1)> צוות'
    renderWithApp(GroupItem, { row: rowFor(makeGroup({ id: '7', name }), project), active: false })
    const shown = screen.getByTitle(name)
    expect(shown).toHaveTextContent(name)
    expect(shown).toHaveAttribute('dir', 'auto')
    expect(document.querySelector('img[src="x"]')).toBeNull()
  })
})
