import type { Group, MembershipChange } from '@shared/types'
import type { StateFile } from './store-schema'
import { STATE_FILE_VERSION } from './store-schema'
import { asciiJson, createStateSerialiser, recordJson } from './store-json'
import { change } from './test-support/changes'
import { group, groups } from './test-support/groups'

const T1 = '2025-01-01T09:00:00.000Z'

function state(overrides: Partial<StateFile> = {}): StateFile {
  return { version: STATE_FILE_VERSION, generation: 0, accounts: {}, history: [], ...overrides }
}

describe('the state file bytes', () => {
  const awkward = group('9', {
    name: 'Ideas <b>&"quoted"\\ \u2028 \n 製品 🚀',
    imageUrl: 'https://cdn/x.png?a=1&b="2"',
  })

  it.each<[string, StateFile]>([
    ['an empty state', state()],
    ['one account', state({ accounts: { 'acme.bitrix24.com/1': { groups: groups(3), lastSyncAt: T1 } } })],
    [
      'several accounts, an awkward id and name, and a history',
      state({
        accounts: {
          'acme.bitrix24.com/1': { groups: [...groups(2), awkward], lastSyncAt: T1 },
          'b"ad\\id': { groups: [], lastSyncAt: T1 },
        },
        history: [
          change('acme.bitrix24.com/1', { group: awkward, kind: 'renamed', from: 'old "name"', to: awkward.name }),
          change('acme.bitrix24.com/1', { kind: 'extranet_changed', from: false, to: true, seen: true }),
        ],
      }),
    ],
    [
      'an account with details',
      state({
        accounts: {
          'acme.bitrix24.com/1': {
            groups: groups(2),
            lastSyncAt: T1,
            details: {
              at: T1,
              groups: {
                '1': {
                  type: 'project',
                  archived: true,
                  memberCount: 4,
                  activityAt: '2025-01-01T08:00:00+03:00',
                  projectStart: null,
                  projectFinish: '2025-02-01T00:00:00+00:00',
                  pendingRequests: 2,
                },
              },
            },
          },
        },
        history: [change('acme.bitrix24.com/1', { kind: 'archived', from: false, to: true })],
      }),
    ],
  ])('are exactly asciiJson of %s: pure ASCII, read back as the same state', (_, value) => {
    const bytes = createStateSerialiser()(value)
    expect(bytes.toString('latin1')).toBe(asciiJson(value))
    expect(bytes.every((byte) => byte < 0x80)).toBe(true)
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(value)
  })

  it('escapes every character beyond ASCII, emoji and lone surrogates included, and nothing else', () => {
    const text = 'Ideas <b>&"q"\\ \u2028 \n 製品 🚀 Проект \ud800 ü'
    expect(asciiJson({ text })).toBe(
      '{"text":"Ideas <b>&\\"q\\"\\\\ \\u2028 \\n \\u88fd\\u54c1 \\ud83d\\ude80 \\u041f\\u0440\\u043e\\u0435\\u043a\\u0442 \\ud800 \\u00fc"}',
    )
    expect(JSON.parse(asciiJson({ text }))).toEqual({ text })
    expect(asciiJson({ text: 'plain ascii' })).toBe(JSON.stringify({ text: 'plain ascii' }))
  })

  it('stays exact over successive writes as groups and changes come and go', () => {
    const serialise = createStateSerialiser()
    const first = state({ accounts: { a: { groups: groups(5), lastSyncAt: T1 } }, history: [change('a')] })
    expect(serialise(first).toString('latin1')).toBe(asciiJson(first))
    const kept = first.accounts.a?.groups ?? []
    const second = state({
      accounts: { a: { groups: [group('0'), ...kept.slice(1)], lastSyncAt: '2025-01-01T09:01:00.000Z' } },
      history: [change('a', { kind: 'left' }), ...first.history.map((entry) => ({ ...entry, seen: true }))],
    })
    expect(serialise(second).toString('latin1')).toBe(asciiJson(second))
    expect(serialise(first).toString('latin1')).toBe(asciiJson(first))
  })

  it('stays exact when a list is reordered, shortened, spliced, repeats an object or changes account', () => {
    const serialise = createStateSerialiser()
    const [a, b, c, d, e] = groups(5) as [Group, Group, Group, Group, Group]
    const x = group('10', { name: 'new' })
    const history = [change('a'), change('a', { kind: 'left' })]
    const lists: Group[][] = [
      [a, b, c, d, e],
      [a, b, c, d, e],
      [a, x, c, d, e],
      [a, c, d, e],
      [x, a, c, d, e],
      [a, c, x, d, e, b],
      [e, d, c, b, a],
      [a, a, b, b],
      [b],
      [],
      [a, b, c, d, e],
    ]
    for (const [round, list] of lists.entries()) {
      const accounts: StateFile['accounts'] = { [round % 3 === 0 ? 'a' : 'b']: { groups: list, lastSyncAt: T1 } }
      if (round % 2 === 0) accounts.c = { groups: [...list].reverse(), lastSyncAt: T1 }
      const value = state({ accounts, history: history.slice(round % 2) })
      expect(serialise(value).toString('latin1')).toBe(asciiJson(value))
    }
  })

  it('writes a record entry by entry exactly as asciiJson does, whatever its keys', () => {
    const record = { '10': { a: 1 }, '2': 'два', b: null, 'a"b': [1, '🚀'], skipped: undefined, '-1': true }
    expect(recordJson(record)).toBe(asciiJson(record))
    expect(recordJson({})).toBe('{}')
  })

  it('takes two buffers in turn: one write stays intact through the next, and the one after reuses its buffer', () => {
    const serialise = createStateSerialiser()
    const values = [3, 4, 2].map((count) => state({ accounts: { a: { groups: groups(count), lastSyncAt: T1 } } }))
    const first = serialise(values[0]!)
    const firstText = first.toString('latin1')
    const second = serialise(values[1]!)
    expect(first.toString('latin1')).toBe(firstText)
    expect(second.buffer).not.toBe(first.buffer)
    const third = serialise(values[2]!)
    expect(third.buffer).toBe(first.buffer)
    expect(third.toString('latin1')).toBe(asciiJson(values[2]))
    expect(second.toString('latin1')).toBe(asciiJson(values[1]))
  })

  it('holds pieces for about what the state holds, however many groups and changes came and went', () => {
    const serialise = createStateSerialiser()
    let list = groups(50)
    let history: MembershipChange[] = []
    for (let round = 1; round <= 400; round++) {
      // Each write replaces five groups and puts five changes in front of a history kept to 20.
      list = list.map((entry, index) => (index % 10 === round % 10 ? { ...entry, name: `${entry.name}.` } : entry))
      history = [...Array.from({ length: 5 }, () => change('a')), ...history].slice(0, 20)
      const value = state({ accounts: { a: { groups: list, lastSyncAt: T1 } }, history })
      expect(serialise(value).toString('latin1')).toBe(asciiJson(value))
      expect(serialise.piecesHeld()).toBeLessThanOrEqual(2 * (50 + 20) + 64 + 10)
    }
  })

  it('serialises each stored group and change once, however often the state is written', () => {
    const serialise = createStateSerialiser()
    const value = state({
      accounts: { a: { groups: groups(100), lastSyncAt: T1 } },
      history: [change('a'), change('a')],
    })
    serialise(value)
    const stringify = vi.spyOn(JSON, 'stringify')
    try {
      const replaced = group('1', { name: 'renamed' })
      const next = state({
        accounts: { a: { groups: [replaced, ...(value.accounts.a?.groups ?? []).slice(1)], lastSyncAt: T1 } },
        history: value.history,
      })
      serialise(next)
      const objects = stringify.mock.calls.filter(([argument]) => typeof argument === 'object' && argument !== null)
      expect(objects.map(([argument]) => argument)).toEqual([replaced])
    } finally {
      stringify.mockRestore()
    }
  })
})
