import { makeAccount, makeChange, makeGroup } from '../../harness/builders'
import {
  activeIndexFor,
  createGroupPreparer,
  filterRows,
  groupKey,
  groupPosition,
  headingIndexAt,
  prepareGroups,
  unseenGroupKeys,
  type PrepareInput,
  type Row,
} from './group-rows'

const acme = makeAccount({ host: 'acme.bitrix24.com' })
const beta = makeAccount({ host: 'beta.bitrix24.de', userId: '7' })

function input(overrides: Partial<PrepareInput> = {}): PrepareInput {
  return { accounts: [acme], groups: {}, pinnedGroups: {}, unseen: new Set(), language: 'en', ...overrides }
}

const names = (rows: Row[]) =>
  rows.map((row) =>
    row.type === 'group' ? row.group.name : row.type === 'pinned' ? '# Pinned' : `# ${row.account.host}`,
  )

describe('prepareGroups and filterRows', () => {
  it('puts pinned groups first under their own heading, then sorts by name with locale-aware collation', () => {
    const groups = [
      makeGroup({ id: '1', name: 'zeta' }),
      makeGroup({ id: '2', name: 'Alpha' }),
      makeGroup({ id: '3', name: 'Ärger' }),
      makeGroup({ id: '4', name: 'Project 10' }),
      makeGroup({ id: '5', name: 'Project 9' }),
      makeGroup({ id: '6', name: 'Mid' }),
    ]
    const prepared = prepareGroups(
      input({ groups: { [acme.id]: groups }, pinnedGroups: { [acme.id]: ['6'] }, language: 'de' }),
    )
    expect(names(filterRows(prepared, '').rows)).toEqual([
      '# Pinned',
      'Mid',
      '# acme.bitrix24.com',
      'Alpha',
      'Ärger',
      'Project 9',
      'Project 10',
      'zeta',
    ])
  })

  it('sorts Russian names by the Russian alphabet', () => {
    const groups = ['Юристы', 'Бухгалтерия', 'Ёлка', 'Архив'].map((name, index) =>
      makeGroup({ id: String(index), name }),
    )
    const prepared = prepareGroups(input({ groups: { [acme.id]: groups }, language: 'ru' }))
    expect(names(filterRows(prepared, '').rows)).toEqual(['Архив', 'Бухгалтерия', 'Ёлка', 'Юристы'])
  })

  it('marks groups with unseen changes', () => {
    const group = makeGroup({ id: '5' })
    const unseen = unseenGroupKeys([
      makeChange({ id: 'c1', accountId: acme.id, group, seen: false }),
      makeChange({ id: 'c2', accountId: acme.id, group: makeGroup({ id: '6' }), seen: true }),
    ])
    expect([...unseen]).toEqual([groupKey(acme.id, '5')])
    const prepared = prepareGroups(input({ groups: { [acme.id]: [group, makeGroup({ id: '6' })] }, unseen }))
    const flags = filterRows(prepared, '').rows.map((row) => row.type === 'group' && row.unseen)
    expect(flags).toEqual([true, false])
  })

  it('shows no account headers for a single account', () => {
    const prepared = prepareGroups(input({ groups: { [acme.id]: [makeGroup({ id: '1' })] } }))
    expect(filterRows(prepared, '').rows.map((row) => row.type)).toEqual(['group'])
  })

  it('groups rows under account headers when there are several accounts', () => {
    const prepared = prepareGroups(
      input({
        accounts: [acme, beta],
        groups: {
          [acme.id]: [makeGroup({ id: '1', name: 'Design' })],
          [beta.id]: [makeGroup({ id: '1', name: 'Vertrieb' }), makeGroup({ id: '2', name: 'Einkauf' })],
        },
      }),
    )
    const { rows, matched, total } = filterRows(prepared, '')
    expect(names(rows)).toEqual(['# acme.bitrix24.com', 'Design', '# beta.bitrix24.de', 'Einkauf', 'Vertrieb'])
    expect([matched, total]).toEqual([3, 3])
  })

  it('gathers the pinned groups of every account under one heading before the accounts', () => {
    const prepared = prepareGroups(
      input({
        accounts: [acme, beta],
        groups: {
          [acme.id]: [makeGroup({ id: '1', name: 'Design' }), makeGroup({ id: '2', name: 'Sales' })],
          [beta.id]: [makeGroup({ id: '3', name: 'Vertrieb' }), makeGroup({ id: '4', name: 'Einkauf' })],
        },
        pinnedGroups: { [acme.id]: ['2'], [beta.id]: ['3'] },
      }),
    )
    const { rows, matched } = filterRows(prepared, '')
    expect(names(rows)).toEqual([
      '# Pinned',
      'Sales',
      'Vertrieb',
      '# acme.bitrix24.com',
      'Design',
      '# beta.bitrix24.de',
      'Einkauf',
    ])
    expect(rows[0]).toMatchObject({ type: 'pinned', matched: 2 })
    expect(matched).toBe(4)
    expect(names(filterRows(prepared, 'vertr').rows)).toEqual(['# Pinned', 'Vertrieb'])
  })

  it('keeps a group id that exists on two portals apart', () => {
    const prepared = prepareGroups(
      input({
        accounts: [acme, beta],
        groups: { [acme.id]: [makeGroup({ id: '1' })], [beta.id]: [makeGroup({ id: '1' })] },
      }),
    )
    const keys = filterRows(prepared, '').rows.map((row) => row.key)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('filters by a case- and diacritic-insensitive query and counts the matches', () => {
    const groups = [makeGroup({ id: '1', name: 'Büro Zürich' }), makeGroup({ id: '2', name: 'Office Paris' })]
    const prepared = prepareGroups(input({ groups: { [acme.id]: groups } }))
    const result = filterRows(prepared, 'ZURICH')
    expect(names(result.rows)).toEqual(['Büro Zürich'])
    expect([result.matched, result.total]).toEqual([1, 2])
  })

  it('drops the header of an account without matches while searching', () => {
    const prepared = prepareGroups(
      input({
        accounts: [acme, beta],
        groups: {
          [acme.id]: [makeGroup({ id: '1', name: 'Design' })],
          [beta.id]: [makeGroup({ id: '2', name: 'Vertrieb' })],
        },
      }),
    )
    const { rows } = filterRows(prepared, 'vertr')
    expect(names(rows)).toEqual(['# beta.bitrix24.de', 'Vertrieb'])
    expect(rows[0]).toMatchObject({ type: 'account', matched: 1 })
  })

  it('ignores groups of an account that is not in the account list', () => {
    const prepared = prepareGroups(input({ groups: { 'gone.example/1': [makeGroup({ id: '1' })] } }))
    expect(filterRows(prepared, '')).toEqual({ rows: [], matched: 0, total: 0, headings: [] })
  })
})

describe('headingIndexAt', () => {
  const prepared = prepareGroups(
    input({
      accounts: [acme, beta],
      groups: {
        [acme.id]: [makeGroup({ id: '1', name: 'A' }), makeGroup({ id: '2', name: 'B' })],
        [beta.id]: [makeGroup({ id: '3', name: 'C' })],
      },
      pinnedGroups: { [acme.id]: ['2'] },
    }),
  )
  const { rows } = filterRows(prepared, '')

  it('finds the heading of the section a row is in', () => {
    expect(names(rows)).toEqual(['# Pinned', 'B', '# acme.bitrix24.com', 'A', '# beta.bitrix24.de', 'C'])
    expect([0, 1, 2, 3, 4, 5].map((index) => headingIndexAt(rows, index))).toEqual([0, 0, 2, 2, 4, 4])
  })

  it('gives -1 when the list has no headings', () => {
    const single = filterRows(prepareGroups(input({ groups: { [acme.id]: [makeGroup({ id: '1' })] } })), '')
    expect(headingIndexAt(single.rows, 0)).toBe(-1)
  })
})

describe('groupPosition', () => {
  it('counts the place of a group row among the groups, headings left out', () => {
    const groups = [makeGroup({ id: '1', name: 'A' }), makeGroup({ id: '2', name: 'B' }), makeGroup({ id: '3' })]
    const filtered = filterRows(
      prepareGroups(input({ groups: { [acme.id]: groups }, pinnedGroups: { [acme.id]: ['3'] } })),
      '',
    )
    expect(names(filtered.rows)).toEqual(['# Pinned', 'Group 3', '# acme.bitrix24.com', 'A', 'B'])
    expect([1, 3, 4].map((index) => groupPosition(filtered, index))).toEqual([1, 2, 3])
  })
})

describe('activeIndexFor', () => {
  const prepared = prepareGroups(
    input({
      accounts: [acme, beta],
      groups: { [acme.id]: [makeGroup({ id: '1', name: 'A' })], [beta.id]: [makeGroup({ id: '2', name: 'B' })] },
    }),
  )
  const { rows } = filterRows(prepared, '')

  it('keeps the active group when it is still listed (a sync must not move the highlight)', () => {
    expect(activeIndexFor(rows, groupKey(beta.id, '2'))).toBe(3)
  })

  it('falls back to the first group, not a header, when the active one is gone or none was chosen', () => {
    expect(activeIndexFor(rows, groupKey(beta.id, 'gone'))).toBe(1)
    expect(activeIndexFor(rows, null)).toBe(1)
  })

  it('gives -1 for an empty list', () => {
    expect(activeIndexFor([], null)).toBe(-1)
  })
})

describe('createGroupPreparer', () => {
  const groups = [makeGroup({ id: '1', name: 'Beta' }), makeGroup({ id: '2', name: 'Alpha' })]
  const base = () => input({ groups: { [acme.id]: structuredClone(groups) } })

  it('reuses the sorted rows when a push brings the same groups again (a copy, as IPC delivers it)', () => {
    const prepare = createGroupPreparer()
    const first = prepare(base()).accounts[0]?.groups
    const second = prepare(base()).accounts[0]?.groups
    expect(second).toBe(first)
  })

  it('sorts again when a group is renamed', () => {
    const prepare = createGroupPreparer()
    prepare(base())
    const renamed = input({ groups: { [acme.id]: [makeGroup({ id: '1', name: 'Aardvark' }), groups[1]!] } })
    expect(names(filterRows(prepare(renamed), '').rows)).toEqual(['Aardvark', 'Alpha'])
  })

  it('sorts again when the pins or the language change', () => {
    const prepare = createGroupPreparer()
    prepare(base())
    expect(names(filterRows(prepare({ ...base(), pinnedGroups: { [acme.id]: ['1'] } }), '').rows)).toEqual([
      '# Pinned',
      'Beta',
      '# acme.bitrix24.com',
      'Alpha',
    ])
    const german = prepare({ ...base(), language: 'de' })
    expect(names(filterRows(german, '').rows)).toEqual(['Alpha', 'Beta'])
  })

  it('updates the unseen marks without sorting again', () => {
    const prepare = createGroupPreparer()
    const before = prepare(base()).accounts[0]?.groups ?? []
    const after = prepare({ ...base(), unseen: new Set([groupKey(acme.id, '1')]) }).accounts[0]?.groups ?? []
    expect(after.map((row) => [row.group.name, row.unseen])).toEqual([
      ['Alpha', false],
      ['Beta', true],
    ])
    expect(after[0]).toBe(before[0])
  })

  it('forgets an account that was removed', () => {
    const prepare = createGroupPreparer()
    prepare(base())
    expect(prepare(input({ accounts: [] })).total).toBe(0)
    expect(prepare(base()).total).toBe(2)
  })
})
