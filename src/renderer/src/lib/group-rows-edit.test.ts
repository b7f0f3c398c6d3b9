// The incremental group list (createGroupPreparer + createRowFilter, which edit the last rows) against the reference
// (prepareGroups + filterRows, which sort and filter everything afresh), over random sequences of states as main's
// deltas bring them: renames, new roles, details, archiving, pins, unseen marks, joins, leaves, lists sent whole,
// accounts added and removed, for every sort, with and without archived groups, filters and queries.
import { GROUP_SORTS, type AccountView, type Group, type GroupDetails, type GroupSort } from '@shared/types'
import { makeAccount, makeDetails, makeGroup } from '../../harness/builders'
import { NO_FILTERS, type GroupFilters } from './group-order'
import {
  createGroupPreparer,
  createRowFilter,
  filterRows,
  groupKey,
  prepareGroups,
  type FilteredRows,
  type PrepareInput,
} from './group-rows'

/** A small seeded generator (mulberry32): the same sequence on every run, a failure can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
  const int = (below: number) => Math.floor(next() * below)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T
  return { next, int, pick, chance: (p: number) => next() < p }
}
type Random = ReturnType<typeof generator>

// Names that tie under the collator (case, marks, "ё"/"е", numbers), so the id must break the tie.
const NAMES = ['Alpha', 'alpha', 'Álpha', 'Beta', 'beta 2', 'Beta 10', 'Ёлка', 'елка', 'Zürich', 'zurich', 'Nord']
const NAMES_MORE = ['Projekt Nord 1', 'Projekt Nord 12', 'Проект Nord', 'Straße', 'strasse', 'Omega']
const ROLE_CODES = ['A', 'E', 'K', 'K', 'K']
const TIMES = [null, '2025-03-10T12:00:00.000Z', '2025-03-10T11:00:00.000Z', '2025-03-09T08:30:00.000Z']
const QUERIES = ['', '', 'a', 'al', 'alp', 'be', 'nord', 'projekt', 'projekt nord', 'ё', 'е', 'zu', 'zü', 'ss', 'x']
const FILTERS: GroupFilters[] = [
  NO_FILTERS,
  { ...NO_FILTERS, roles: ['owner'] },
  { ...NO_FILTERS, roles: ['member', 'moderator'] },
  { ...NO_FILTERS, types: ['project'] },
  { ...NO_FILTERS, archived: true },
  { ...NO_FILTERS, extranet: true },
]

const acme = makeAccount({ host: 'acme.bitrix24.com' })
const beta = makeAccount({ host: 'beta.bitrix24.de', userId: '7' })

interface World {
  accounts: AccountView[]
  groups: Record<string, Group[]>
  details: Record<string, Record<string, GroupDetails>>
  pinned: Record<string, string[]>
  unseen: Set<string>
  sort: GroupSort
  showArchived: boolean
  query: string
  filters: GroupFilters
  nextId: number
}

function randomGroup(random: Random, id: string): Group {
  return makeGroup({
    id,
    name: `${random.pick(random.chance(0.7) ? NAMES : NAMES_MORE)}${random.chance(0.3) ? ` ${random.int(20)}` : ''}`,
    roleCode: random.pick(ROLE_CODES),
    extranet: random.chance(0.15),
  })
}

function randomDetails(random: Random): GroupDetails {
  return makeDetails({
    type: random.pick(['group', 'project', 'scrum', 'collab'] as const),
    archived: random.chance(0.2),
    activityAt: random.pick(TIMES),
  })
}

/** Ids that collate alike ("7", "07") as well as plain ones. */
const newId = (world: World, random: Random) => (random.chance(0.1) ? `0${world.nextId++}` : String(world.nextId++))

function world(random: Random, size: number): World {
  const state: World = {
    accounts: [acme],
    groups: {},
    details: {},
    pinned: {},
    unseen: new Set(),
    sort: 'name',
    showArchived: true,
    query: '',
    filters: NO_FILTERS,
    nextId: 1,
  }
  for (const account of [acme, beta]) {
    const groups = Array.from({ length: size }, () => randomGroup(random, newId(state, random)))
    state.groups[account.id] = groups
    state.details[account.id] = Object.fromEntries(
      groups.filter(() => random.chance(0.8)).map((group) => [group.id, randomDetails(random)]),
    )
  }
  return state
}

/** One step of what a state can bring; unchanged groups keep their objects, as applied deltas keep them. */
function step(state: World, random: Random): World {
  const next = { ...state, groups: { ...state.groups }, details: { ...state.details }, pinned: { ...state.pinned } }
  const account = random.pick(state.accounts)
  const groups = [...(state.groups[account.id] ?? [])]
  const at = random.int(Math.max(1, groups.length))
  const group = groups[at]
  const kind = random.int(16)
  if (kind === 0 && group) groups[at] = { ...group, name: randomGroup(random, group.id).name }
  else if (kind === 1 && group)
    groups[at] = { ...group, ...makeGroup({ id: group.id, roleCode: random.pick(ROLE_CODES) }), name: group.name }
  else if (kind === 2) groups.splice(at, 0, randomGroup(random, newId(next, random)))
  else if (kind === 3 && group) groups.splice(at, 1)
  else if (kind === 4 && group) {
    next.details[account.id] = { ...state.details[account.id], [group.id]: randomDetails(random) }
  } else if (kind === 5) {
    // The details sent whole: equal objects, all new.
    next.details[account.id] = structuredClone(state.details[account.id] ?? {})
  } else if (kind === 6) {
    // The list sent whole (as after a join): every object new, most of them equal.
    next.groups[account.id] = structuredClone(groups)
    return next
  } else if (kind === 7 && group) {
    const pins = state.pinned[account.id] ?? []
    next.pinned[account.id] = pins.includes(group.id) ? pins.filter((id) => id !== group.id) : [...pins, group.id]
  } else if (kind === 8 && group) {
    next.unseen = new Set(state.unseen)
    const key = groupKey(account.id, group.id)
    if (!next.unseen.delete(key)) next.unseen.add(key)
  } else if (kind === 9) next.query = random.pick(QUERIES)
  else if (kind === 10) next.query = state.query.slice(0, -1)
  else if (kind === 11) next.filters = random.pick(FILTERS)
  else if (kind === 12 && random.chance(0.3)) next.sort = random.pick(GROUP_SORTS)
  else if (kind === 13 && random.chance(0.3)) next.showArchived = !state.showArchived
  else if (kind === 14 && random.chance(0.2)) next.accounts = state.accounts.length === 1 ? [acme, beta] : [beta]
  else if (kind === 15 && group) {
    // Several renames at once, as one poll may bring.
    for (let count = 0; count < 5; count++) {
      const place = random.int(groups.length)
      const target = groups[place] as Group
      groups[place] = { ...target, name: randomGroup(random, target.id).name }
    }
  }
  next.groups[account.id] = groups
  return next
}

const inputOf = (state: World): PrepareInput => ({
  accounts: state.accounts,
  groups: state.groups,
  details: state.details,
  pinnedGroups: state.pinned,
  unseen: state.unseen,
  language: 'de',
  sort: state.sort,
  showArchived: state.showArchived,
})

/** What a row shows and where: the comparison of the two ways. */
const shown = (filtered: FilteredRows) => ({
  matched: filtered.matched,
  total: filtered.total,
  headings: filtered.headings,
  rows: filtered.rows.map((row) =>
    row.type === 'group'
      ? [row.key, row.group.name, row.group.role, row.pinned, row.unseen, row.archived, row.activityAt, row.folded]
      : [row.key, row.matched],
  ),
})

describe('the incremental group list', () => {
  it.each([1, 2, 3, 4, 5, 6])('equals sorting and filtering afresh over 400 random states (seed %i)', (seed) => {
    const random = generator(seed)
    let state = world(random, 40)
    const prepare = createGroupPreparer()
    const filter = createRowFilter()
    for (let round = 0; round < 400; round++) {
      state = step(state, random)
      const ours = filter(prepare(inputOf(state)), state.query, state.filters)
      const fresh = filterRows(prepareGroups(inputOf(state)), state.query, state.filters)
      expect(shown(ours), `seed ${seed}, round ${round}`).toEqual(shown(fresh))
      expect(fresh.headings).toEqual(fresh.rows.flatMap((row, at) => (row.type === 'group' ? [] : [at])))
    }
  })

  describe.each(GROUP_SORTS)('a rename at 4,000 groups, sorted by %s, searching and filtering', (sort) => {
    const random = generator(11)
    const state = world(random, 4_000)
    const input = { ...inputOf(state), accounts: [acme], sort, pinnedGroups: { [acme.id]: ['5', '9'] } }
    const groups = state.groups[acme.id] ?? []
    const renamed = (name: string) => ({
      ...input,
      groups: { ...input.groups, [acme.id]: groups.map((group, at) => (at === 100 ? { ...group, name } : group)) },
    })

    /** How many times the collator compared two strings while `run` ran. */
    function comparisons(run: () => void): number {
      const original = Object.getOwnPropertyDescriptor(Intl.Collator.prototype, 'compare')?.get
      if (!original) throw new Error('Intl.Collator.prototype.compare is not a getter here')
      let count = 0
      const spy = vi.spyOn(Intl.Collator.prototype, 'compare', 'get').mockImplementation(function (
        this: Intl.Collator,
      ) {
        const compare = original.call(this) as Intl.Collator['compare']
        return (a: string, b: string) => {
          count += 1
          return compare(a, b)
        }
      })
      try {
        run()
      } finally {
        spy.mockRestore()
      }
      return count
    }

    it('moves the one row with O(log n) comparisons and keeps every other row object', () => {
      const prepare = createGroupPreparer()
      const filter = createRowFilter()
      const filters: GroupFilters = { ...NO_FILTERS, roles: ['member', 'owner'] }
      let before: FilteredRows | undefined
      const fresh = comparisons(() => (before = filter(prepare(input), 'a', filters)))
      let after: FilteredRows | undefined
      const edited = comparisons(() => (after = filter(prepare(renamed('Aardvark')), 'a', filters)))
      // A sort of 4,000 rows makes some 40,000 comparisons; the edit a few dozen (log2 4,000 = 12 per search).
      expect(fresh).toBeGreaterThan(20_000)
      expect(edited).toBeLessThan(300)
      expect(shown(after!)).toEqual(shown(filterRows(prepareGroups(renamed('Aardvark')), 'a', filters)))
      const kept = new Set(before!.rows)
      const renamedKey = groupKey(acme.id, groups[100]!.id)
      for (const row of after!.rows)
        if (row.type === 'group' && row.key !== renamedKey) expect(kept.has(row)).toBe(true)
    })
  })

  it('filters what the last query matched when the query grows, and finds it again when it shrinks', () => {
    const random = generator(3)
    const state = world(random, 2_000)
    const prepared = createGroupPreparer()(inputOf(state))
    const filter = createRowFilter()
    const typed = ['n', 'no', 'nor', 'nord', 'nor', 'no', 'n', '']
    const results = typed.map((query) => filter(prepared, query))
    typed.forEach((query, at) => expect(shown(results[at]!)).toEqual(shown(filterRows(prepared, query))))
    // The way back returns the very rows found on the way there.
    expect(results[4]!.rows.filter((row) => row.type === 'group')).toEqual(
      results[2]!.rows.filter((row) => row.type === 'group'),
    )
  })
})
