import type { GroupDetails } from '@shared/types'
import { makeAccount, makeDetails, makeGroup } from '../../harness/builders'
import { activeFilterCount, filterChoices, NO_FILTERS, toggleInFilter, type GroupFilters } from './group-order'
import { createGroupPreparer, filterRows, prepareGroups, type PrepareInput, type Row } from './group-rows'

const acme = makeAccount({ host: 'acme.bitrix24.com' })
const HOUR = 3_600_000
const at = (hoursAgo: number) => new Date(Date.UTC(2025, 2, 10, 12) - hoursAgo * HOUR).toISOString()

const groups = [
  makeGroup({ id: '1', name: 'Alpha', roleCode: 'K' }),
  makeGroup({ id: '2', name: 'Beta', roleCode: 'A' }),
  makeGroup({ id: '3', name: 'Gamma', roleCode: 'E', extranet: true }),
  makeGroup({ id: '4', name: 'Delta', roleCode: 'K' }),
  makeGroup({ id: '5', name: 'Epsilon', roleCode: 'A' }),
]
const details: Record<string, GroupDetails> = {
  '1': makeDetails({ type: 'project', activityAt: at(5) }),
  '2': makeDetails({ type: 'group', activityAt: at(1), archived: true }),
  '3': makeDetails({ type: 'scrum', activityAt: at(30) }),
  '4': makeDetails({ type: 'collab', activityAt: null }),
  // 5 has no details: the portal did not send them.
}

function input(overrides: Partial<PrepareInput> = {}): PrepareInput {
  return {
    accounts: [acme],
    groups: { [acme.id]: groups },
    details: { [acme.id]: details },
    pinnedGroups: {},
    unseen: new Set(),
    language: 'en',
    ...overrides,
  }
}

const names = (rows: Row[]) => rows.flatMap((row) => (row.type === 'group' ? [row.group.name] : []))
const listed = (overrides: Partial<PrepareInput> = {}, query = '', filters: GroupFilters = NO_FILTERS) =>
  names(filterRows(prepareGroups(input(overrides)), query, filters).rows)

describe('sorting the group list', () => {
  it('sorts by name with archived groups last', () => {
    expect(listed()).toEqual(['Alpha', 'Delta', 'Epsilon', 'Gamma', 'Beta'])
  })

  it('sorts by recent activity, groups without an activity time after the dated ones, archived still last', () => {
    expect(listed({ sort: 'activity' })).toEqual(['Alpha', 'Gamma', 'Delta', 'Epsilon', 'Beta'])
  })

  it('sorts by role: owners, moderators, members, each by name, archived still last', () => {
    expect(listed({ sort: 'role' })).toEqual(['Epsilon', 'Gamma', 'Alpha', 'Delta', 'Beta'])
  })

  it('keeps archived groups last within the pinned section too', () => {
    const rows = filterRows(prepareGroups(input({ pinnedGroups: { [acme.id]: ['2', '4'] } })), '').rows
    expect(rows.map((row) => (row.type === 'group' ? row.group.name : `# ${row.type}`))).toEqual([
      '# pinned',
      'Delta',
      'Beta',
      '# account',
      'Alpha',
      'Epsilon',
      'Gamma',
    ])
  })

  it('leaves archived groups out of the list and its total when they are not to be shown', () => {
    const prepared = prepareGroups(input({ showArchived: false }))
    expect(names(filterRows(prepared, '').rows)).toEqual(['Alpha', 'Delta', 'Epsilon', 'Gamma'])
    expect(prepared.total).toBe(4)
  })

  it('sorts again when the sort or the details change, and reuses the rows when neither does', () => {
    const prepare = createGroupPreparer()
    const first = prepare(input())
    expect(prepare(input({ details: { [acme.id]: { ...details } } })).accounts[0]?.groups).toBe(
      first.accounts[0]?.groups,
    )
    expect(names(filterRows(prepare(input({ sort: 'activity' })), '').rows)[0]).toBe('Alpha')
    const restored = { ...details, '2': makeDetails({ type: 'group', activityAt: at(1), archived: false }) }
    expect(names(filterRows(prepare(input({ sort: 'activity', details: { [acme.id]: restored } })), '').rows)).toEqual([
      'Beta',
      'Alpha',
      'Gamma',
      'Delta',
      'Epsilon',
    ])
  })
})

describe('filtering the group list', () => {
  it('keeps the groups of any chosen role', () => {
    expect(listed({}, '', { ...NO_FILTERS, roles: ['owner', 'moderator'] })).toEqual(['Epsilon', 'Gamma', 'Beta'])
  })

  it('keeps the groups of any chosen type; a group without details has no type to match', () => {
    expect(listed({}, '', { ...NO_FILTERS, types: ['project', 'collab'] })).toEqual(['Alpha', 'Delta'])
  })

  it('keeps extranet groups, or archived ones, when those chips are on', () => {
    expect(listed({}, '', { ...NO_FILTERS, extranet: true })).toEqual(['Gamma'])
    expect(listed({}, '', { ...NO_FILTERS, archived: true })).toEqual(['Beta'])
  })

  it('combines the kinds of chips and the search: every one must hold', () => {
    const filters = { ...NO_FILTERS, roles: ['owner' as const], types: ['group' as const] }
    expect(listed({}, '', filters)).toEqual(['Beta'])
    expect(listed({}, 'eps', { ...NO_FILTERS, roles: ['owner'] })).toEqual(['Epsilon'])
    expect(listed({}, 'alpha', { ...NO_FILTERS, roles: ['owner'] })).toEqual([])
  })

  it('reports what matched out of the whole list', () => {
    const result = filterRows(prepareGroups(input()), '', { ...NO_FILTERS, roles: ['member'] })
    expect([result.matched, result.total]).toEqual([2, 5])
  })
})

describe('the filter chips', () => {
  it('offers only the values the groups differ in, and the flags some group has', () => {
    const rows = prepareGroups(input()).accounts.flatMap((account) => account.groups)
    expect(filterChoices(rows)).toEqual({
      roles: ['owner', 'moderator', 'member'],
      types: ['group', 'project', 'scrum', 'collab'],
      extranet: true,
      archived: true,
    })
  })

  it('offers no type chips without details and no role chips when every group has one role', () => {
    const plain = [makeGroup({ id: '1' }), makeGroup({ id: '2' })]
    const rows = prepareGroups(input({ groups: { [acme.id]: plain }, details: {} })).accounts[0]?.groups ?? []
    expect(filterChoices(rows)).toEqual({ roles: [], types: [], extranet: false, archived: false })
  })

  it('keeps offering a chip that is on, so that it can be switched off', () => {
    expect(filterChoices([], { ...NO_FILTERS, types: ['scrum'], archived: true })).toMatchObject({
      types: ['scrum'],
      archived: true,
    })
  })

  it('switches one chip at a time and counts the chips that are on', () => {
    const once = toggleInFilter(NO_FILTERS, 'roles', 'owner')
    expect(once.roles).toEqual(['owner'])
    expect(activeFilterCount({ ...once, extranet: true })).toBe(2)
    expect(toggleInFilter(once, 'roles', 'owner').roles).toEqual([])
  })
})
