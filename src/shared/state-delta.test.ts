import { DEFAULT_SETTINGS } from './model'
import type { AccountView, AppState, Group, SyncStatus } from './types'
import { applyStateDelta, createDeltaFeed, diffState, isStateDelta, type StateDelta } from './state-delta'

// Small builders of its own: shared code (and its tests) imports no shell, the harness's builders included.
const makeAccount = (id: string) => ({ id, portal: 'https://acme.bitrix24.com', label: 'Acme' }) as AccountView
const makeGroup = ({ id, ...rest }: Partial<Group> & { id: string }): Group => ({
  id,
  name: `Group ${id}`,
  roleCode: 'K',
  role: 'member',
  extranet: false,
  imageUrl: null,
  url: `https://acme.bitrix24.com/workgroups/group/${id}/`,
  ...rest,
})
const makeStatus = (accountId: string, rest: Partial<SyncStatus> = {}): SyncStatus => ({
  accountId,
  state: 'ok',
  lastSyncAt: '2025-03-01T10:00:00.000Z',
  nextSyncAt: '2025-03-01T10:01:00.000Z',
  groupCount: 5_000,
  error: null,
  ...rest,
})
const makeState = (rest: Partial<AppState>): AppState => ({
  accounts: [],
  statuses: [],
  groups: {},
  changes: [],
  settings: structuredClone(DEFAULT_SETTINGS),
  online: true,
  platform: 'linux',
  notice: null,
  stateProblem: null,
  ...rest,
})

const account = makeAccount('acme.bitrix24.com/1')
const groups = Array.from({ length: 5_000 }, (_, index) => makeGroup({ id: String(1000 + index) }))

function base(): AppState {
  return makeState({
    accounts: [account],
    statuses: [makeStatus(account.id, { state: 'ok' })],
    groups: { [account.id]: groups },
  })
}

/** What the window ends up with after main sends `states` in turn, starting from nothing. */
function replay(states: AppState[]): { copy: AppState | null; sent: StateDelta[] } {
  const sent: StateDelta[] = []
  const feed = createDeltaFeed((delta) => sent.push(structuredClone(delta)))
  let copy: AppState | null = null
  for (const state of states) {
    feed(state)
    const delta = sent.at(-1)
    if (!delta || delta.seq !== sent.length) continue
    copy = copy === null ? (applyStateDelta({} as AppState, delta) as AppState) : applyStateDelta(copy, delta)
  }
  return { copy, sent }
}

describe('the state delta', () => {
  it('sends only the status when a poll found nothing new, in well under 2 KB at 5,000 groups', () => {
    const before = base()
    const after = { ...before, statuses: [makeStatus(account.id, { state: 'syncing' })], groups: { ...before.groups } }
    const changes = diffState(before, after)
    expect(Object.keys(changes ?? {})).toEqual(['statuses'])
    expect(new TextEncoder().encode(JSON.stringify({ seq: 2, changes })).length).toBeLessThan(2048)
  })

  it('sends nothing at all when nothing changed, even in new objects', () => {
    const before = base()
    expect(diffState(before, structuredClone(before))).toBeNull()
  })

  it('sends one renamed group as that group and its place, and the window keeps every other group object', () => {
    const before = base()
    const renamed = groups.map((group, index) => (index === 42 ? { ...group, name: 'Renamed' } : group))
    const after = { ...before, groups: { [account.id]: renamed } }
    const changes = diffState(before, after)
    expect(changes).toEqual({
      groups: { entries: { [account.id]: { patch: { length: 5_000, at: [42], items: [renamed[42]] } } } },
    })
    const copy = applyStateDelta(before, { seq: 1, changes: changes! })!
    expect(copy.groups[account.id]?.[42]?.name).toBe('Renamed')
    expect(copy.groups[account.id]?.[41]).toBe(groups[41])
    expect(copy.accounts).toBe(before.accounts)
  })

  it('sends a list whole once its length changes or many of its items changed', () => {
    const before = base()
    const joined = { ...before, groups: { [account.id]: [...groups, makeGroup({ id: '9' })] } }
    expect(diffState(before, joined)?.groups).toEqual({ entries: { [account.id]: { set: joined.groups[account.id] } } })
    const allRenamed = groups.map((group) => ({ ...group, name: `${group.name}!` }))
    expect(diffState(before, { ...before, groups: { [account.id]: allRenamed } })?.groups).toEqual({
      entries: { [account.id]: { set: allRenamed } },
    })
  })

  it('tells a removed account’s entry as null, and the window drops it', () => {
    const before = base()
    const after = { ...before, accounts: [], statuses: [], groups: {} }
    const changes = diffState(before, after)!
    expect(changes.groups).toEqual({ entries: { [account.id]: null } })
    expect(applyStateDelta(before, { seq: 1, changes })?.groups).toEqual({})
  })

  it('carries a top-level key it has never heard of, per entry when it is a map', () => {
    const before = { ...base(), groupDetails: { [account.id]: { '1000': { members: 3 } } } } as AppState
    const after = { ...before, groupDetails: { [account.id]: { '1000': { members: 4 } } } } as AppState
    const changes = diffState(before, after)!
    expect(changes).toEqual({ groupDetails: { entries: { [account.id]: { set: { '1000': { members: 4 } } } } } })
    expect(applyStateDelta(before, { seq: 1, changes })).toEqual(after)
  })

  it('lets the window rebuild every state main went through from the deltas alone', () => {
    const first = base()
    const syncing = { ...first, statuses: [makeStatus(account.id, { state: 'syncing' })] }
    const renamed = {
      ...syncing,
      statuses: [makeStatus(account.id, { state: 'ok', groupCount: 4_999 })],
      groups: { [account.id]: groups.slice(1) },
      settings: { ...first.settings, theme: 'dark' as const },
    }
    const { copy, sent } = replay([first, syncing, syncing, renamed])
    expect(sent.map((delta) => delta.seq)).toEqual([1, 2, 3])
    expect(copy).toEqual(renamed)
  })

  it('does not fit a copy whose list has another length: the window must fetch the state again', () => {
    const before = base()
    const delta: StateDelta = {
      seq: 1,
      changes: { statuses: { patch: { length: 2, at: [1], items: [makeStatus(account.id)] } } },
    }
    expect(applyStateDelta(before, delta)).toBeNull()
  })
})

describe('a delta payload from IPC', () => {
  it('is accepted in the shapes main builds', () => {
    const before = base()
    const after = { ...before, statuses: [makeStatus(account.id, { state: 'syncing' })], groups: {} }
    expect(isStateDelta({ seq: 1, changes: diffState(before, after) })).toBe(true)
    expect(isStateDelta({ seq: 1, changes: diffState(null, after) })).toBe(true)
  })

  it.each([
    ['no sequence number', { changes: {} }],
    ['a sequence number below 1', { seq: 0, changes: {} }],
    ['changes that are a list', { seq: 1, changes: [] }],
    ['a change of no known kind', { seq: 1, changes: { statuses: { replace: [] } } }],
    ['a change of two kinds at once', { seq: 1, changes: { statuses: { set: [], patch: {} } } }],
    ['a place outside its list', { seq: 1, changes: { statuses: { patch: { length: 1, at: [1], items: [{}] } } } }],
    [
      'places and items that do not pair up',
      { seq: 1, changes: { statuses: { patch: { length: 2, at: [0], items: [] } } } },
    ],
    ['an entry that is neither a change nor null', { seq: 1, changes: { groups: { entries: { a: 5 } } } }],
    ['a key that reaches the prototype', { seq: 1, changes: JSON.parse('{"__proto__": {"set": 1}}') as unknown }],
    [
      'an entry that reaches the prototype',
      { seq: 1, changes: { groups: { entries: JSON.parse('{"__proto__": null}') } } },
    ],
  ])('is refused with %s', (_why, payload) => {
    expect(isStateDelta(payload)).toBe(false)
  })
})
