import type { Group, MembershipChange } from '@shared/types'
import type { StateFile } from './store-schema'
import { STATE_FILE_VERSION, stateFileSchema } from './store-schema'
import { adoptedLayout, asciiJson, createStateSerialiser, recordJson } from './store-json'
import { change } from './test-support/changes'
import { details, group, groups } from './test-support/groups'

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

describe('a first write after a start, from the bytes of the file just read', () => {
  const awkward = group('9', { name: 'Ideas },{"id":"10" ] 製品 🚀', imageUrl: 'https://cdn/x.png?a="2"' })
  const written = state({
    generation: 7,
    accounts: {
      'acme.bitrix24.com/1': {
        groups: [...groups(3), awkward],
        lastSyncAt: T1,
        details: {
          at: T1,
          groups: { '1': details({ type: 'project', memberCount: 4 }), '9': details({ type: null }) },
        },
      },
      'b"ad\\id': { groups: [], lastSyncAt: T1, details: { at: T1, groups: {} } },
      'beta.bitrix24.com/7': { groups: groups(2), lastSyncAt: T1 },
    },
    history: [change('acme.bitrix24.com/1', { group: awkward, kind: 'renamed' }), change('beta.bitrix24.com/7')],
  })

  /** The file as a store reads it back: its bytes and text, and the state its schema makes of them. */
  function readBack(bytes: Buffer) {
    const text = bytes.toString('latin1')
    return { file: { text, bytes }, state: stateFileSchema.parse(JSON.parse(text)) }
  }

  /** `read` with acme's group of the replacement's id replaced by it, at generation 8. */
  function withGroup(read: StateFile, replacement: Group): StateFile {
    const acme = read.accounts['acme.bitrix24.com/1']!
    const list = acme.groups.map((g) => (g.id === replacement.id ? replacement : g))
    return { ...read, generation: 8, accounts: { ...read.accounts, 'acme.bitrix24.com/1': { ...acme, groups: list } } }
  }

  function objectsStringified(body: () => void): unknown[] {
    const stringify = vi.spyOn(JSON, 'stringify')
    try {
      body()
      return stringify.mock.calls.map(([value]) => value).filter((value) => typeof value === 'object' && value !== null)
    } finally {
      stringify.mockRestore()
    }
  }

  it('encodes only what changed, and gives exactly asciiJson of the new state', () => {
    const { file, state: read } = readBack(createStateSerialiser()(written))
    const serialise = createStateSerialiser()
    expect(serialise.adopt(read, file)).toBe(true)
    const renamed = group('2', { name: 'renamed' })
    const next: StateFile = {
      ...withGroup(read, renamed),
      history: [change('acme.bitrix24.com/1', { group: renamed }), ...read.history],
    }
    let bytes: Buffer = Buffer.alloc(0)
    const encoded = objectsStringified(() => (bytes = serialise(next)))
    expect(bytes.toString('latin1')).toBe(asciiJson(next))
    expect(encoded).toEqual([renamed, next.history[0]])
    // And the write after it, from its own bytes.
    expect(serialise(read).toString('latin1')).toBe(asciiJson(read))
  })

  it('writes the first write into the buffer the file was read into, when given it, and every later one right', () => {
    const source = createStateSerialiser()(written)
    const room = Buffer.alloc(Math.ceil(source.length * 1.25))
    source.copy(room)
    const bytes = room.subarray(0, source.length)
    const text = bytes.toString('latin1')
    const read = stateFileSchema.parse(JSON.parse(text))
    const serialise = createStateSerialiser()
    const allocate = vi.spyOn(Buffer, 'allocUnsafeSlow')
    try {
      expect(serialise.adopt(read, { text, bytes, room })).toBe(true)
      const next = withGroup(read, group('2', { name: 'a much longer name than before, which shifts what follows it' }))
      const first = serialise(next)
      // Over the file's own bytes, the runs taken from its text (and its details record copied before).
      expect(first.buffer).toBe(room.buffer)
      expect(allocate).not.toHaveBeenCalled()
      expect(first.toString('latin1')).toBe(asciiJson(next))
      // The next writes copy their runs from that one, into buffers of their own.
      expect(serialise(read).toString('latin1')).toBe(asciiJson(read))
      expect(serialise(next).toString('latin1')).toBe(asciiJson(next))
    } finally {
      allocate.mockRestore()
    }
  })

  it('finds every list and record where the file has it, a name that looks like a separator or not', () => {
    const { file, state: read } = readBack(createStateSerialiser()(written))
    const layout = adoptedLayout(read, file.text)
    const acme = read.accounts['acme.bitrix24.com/1']!
    const list = layout?.lists.get('account:acme.bitrix24.com/1')
    expect(list?.starts.map((start, index) => file.text.slice(start, list.ends[index]))).toEqual(
      acme.groups.map((g) => asciiJson(g)),
    )
    const history = layout?.lists.get('history')
    expect(history?.starts.map((start, index) => file.text.slice(start, history.ends[index]))).toEqual(
      read.history.map((entry) => asciiJson(entry)),
    )
    expect(layout?.records.map(([, start, end]) => file.text.slice(start, end))).toEqual([
      recordJson(acme.details!.groups),
      '{}',
    ])
  })

  const spaced = (value: unknown) =>
    JSON.stringify(value, null, 2).replace(
      /[\u0080-\uffff]/g,
      (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
  it.each<[string, (file: StateFile) => string]>([
    ['laid out with spaces', (file) => spaced(file)],
    [
      'with its head in another order',
      ({ version, generation, ...rest }) => asciiJson({ generation, version, ...rest }),
    ],
    [
      "with an account's sync time before its groups",
      (file) =>
        asciiJson({
          ...file,
          accounts: Object.fromEntries(
            Object.entries(file.accounts).map(([id, { groups: list, ...rest }]) => [id, { ...rest, groups: list }]),
          ),
        }),
    ],
    [
      'with a group that does not open with its id',
      (file) => asciiJson(file).replace('{"id":"2","name":"Group 2"', '{"name":"Group 2","id":"2"'),
    ],
  ])('leaves a file %s alone, and then encodes everything', (_, edit) => {
    const text = edit(written)
    expect(text).not.toBe(asciiJson(written))
    const read = stateFileSchema.parse(JSON.parse(text))
    const serialise = createStateSerialiser()
    expect(serialise.adopt(read, { text, bytes: Buffer.from(text, 'latin1') })).toBe(false)
    expect(serialise(read).toString('latin1')).toBe(asciiJson(read))
  })

  it('leaves alone a file that is not ASCII (written before), whose text is not its bytes', () => {
    const bytes = Buffer.from(JSON.stringify(written), 'utf8')
    const text = bytes.toString('utf8')
    const serialise = createStateSerialiser()
    expect(serialise.adopt(stateFileSchema.parse(JSON.parse(text)), { text, bytes })).toBe(false)
  })

  it('leaves alone a list whose ids JSON escapes, as it cannot tell them by their bytes', () => {
    const value = state({ accounts: { a: { groups: [group('a"b'), group('c')], lastSyncAt: T1 } } })
    const { file, state: read } = readBack(createStateSerialiser()(value))
    expect(adoptedLayout(read, file.text)).toBeNull()
  })

  it('keeps a key the schema does not know, which the next read drops again', () => {
    const text = createStateSerialiser()(written).toString('latin1').replace('{"id":"1",', '{"id":"1","later":[1],')
    const read = stateFileSchema.parse(JSON.parse(text))
    const serialise = createStateSerialiser()
    expect(serialise.adopt(read, { text, bytes: Buffer.from(text, 'latin1') })).toBe(true)
    const next = { ...read, generation: 8 }
    expect(stateFileSchema.parse(JSON.parse(serialise(next).toString('latin1')))).toEqual(next)
  })
})
