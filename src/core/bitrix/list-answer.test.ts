import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createListAnswerReader, objectEnd } from './list-answer'

const bytesOf = (text: string) => Buffer.from(text, 'utf8')
const body = (items: unknown[], rest: Record<string, unknown> = { total: items.length }) =>
  JSON.stringify({ result: items, ...rest })
const item = (id: number, name = `Group ${id}`) => ({ GROUP_ID: String(id), GROUP_NAME: name, ROLE: 'K' })
const resultOf = (answer: unknown) => (answer as { result: unknown[] }).result

/** Any JSON value that may stand in an item, strings with quotes, backslashes and every plane of Unicode among them. */
const anyItem = fc.record({
  GROUP_ID: fc.integer({ min: 1, max: 99_999 }).map(String),
  GROUP_NAME: fc.string({ unit: 'binary', maxLength: 12 }),
  extra: fc.jsonValue({ maxDepth: 2 }),
})

/** What can happen to a list between two answers. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.string({ unit: 'binary', maxLength: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), item: anyItem }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('time' as const), start: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
  fc.record({ kind: fc.constant('same' as const) }),
)

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never
type Item = Record<string, unknown>

function apply(items: Item[], change: Step): Item[] {
  const next = items.slice()
  const at = 'at' in change && next.length > 0 ? change.at % next.length : 0
  if (change.kind === 'rename' && next.length > 0) next[at] = { ...next[at], GROUP_NAME: change.name }
  if (change.kind === 'insert') next.splice(next.length === 0 ? 0 : at, 0, change.item)
  if (change.kind === 'remove') next.splice(at, 1)
  if (change.kind === 'swap' && next.length > 0) {
    const other = change.with % next.length
    ;[next[at], next[other]] = [next[other] as Item, next[at] as Item]
  }
  return next
}

describe('createListAnswerReader', () => {
  it('reads every answer of a changing list as JSON.parse does, in any layout', () => {
    fc.assert(
      fc.property(
        fc.array(anyItem, { maxLength: 12 }),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (first, steps, spaced) => {
          const read = createListAnswerReader()
          let items: Item[] = first
          let time = 0
          for (const change of [{ kind: 'same' as const }, ...steps]) {
            items = apply(items, change)
            if (change.kind === 'time') time = change.start
            const value = { result: items, total: items.length, time: { start: time } }
            const text = spaced ? JSON.stringify(value, null, 1) : JSON.stringify(value)
            expect(read(bytesOf(text))).toStrictEqual(JSON.parse(text))
          }
        },
      ),
      { numRuns: 400 },
    )
  })

  it('hands back the very items of the last answer whose bytes did not change', () => {
    const read = createListAnswerReader()
    const list = Array.from({ length: 20 }, (_, index) => item(index + 1))
    const first = resultOf(read(bytesOf(body(list, { time: { start: 1 } }))))
    const renamed = list.map((group, index) => (index === 7 ? item(8, 'Renamed') : group))
    const second = resultOf(read(bytesOf(body(renamed, { time: { start: 2 } }))))
    expect(second).toStrictEqual(renamed)
    second.forEach((group, index) =>
      index === 7 ? expect(group).not.toBe(first[7]) : expect(group).toBe(first[index]),
    )
    // Inserted before and removed after: each unchanged item is found where it went.
    const moved = [item(100), ...renamed.slice(0, 12), ...renamed.slice(13)]
    const third = resultOf(read(bytesOf(body(moved))))
    expect(third).toStrictEqual(moved)
    expect(third[0]).not.toBe(second[0])
    third.slice(1).forEach((group) => expect(second).toContain(group))
  })

  it('never hands out its own list, so a caller that changes the list changes nothing read later', () => {
    const read = createListAnswerReader()
    const text = body([item(1), item(2)])
    const first = resultOf(read(bytesOf(text)))
    first.length = 0
    const second = resultOf(read(bytesOf(text)))
    expect(second).toStrictEqual([item(1), item(2)])
    second.pop()
    expect(resultOf(read(bytesOf(text)))).toStrictEqual([item(1), item(2)])
  })

  it.each([
    ['a trailing comma after the list', '{"result":[{"GROUP_ID":"1"}],}'],
    ['a second closing brace', '{"result":[{"GROUP_ID":"1"}]}}'],
    ['an item cut short', '{"result":[{"GROUP_ID":"1"},{"GROUP_ID":"2"'],
    ['a bad item among good ones', '{"result":[{"GROUP_ID":"1"},{"GROUP_ID":2,}]}'],
    ['a bracket for a brace', '{"result":[{"GROUP_ID":"1"},{"a":[1}]}'],
    ['no closing brace', '{"result":[{"GROUP_ID":"1"}]'],
    ['two items without a comma', '{"result":[{"GROUP_ID":"1"}{"GROUP_ID":"2"}]}'],
    ['a stray byte between items', '{"result":[{"GROUP_ID":"1"}x{"GROUP_ID":"2"}]}'],
  ])('throws as JSON.parse does for %s after a good answer', (_, text) => {
    const read = createListAnswerReader()
    read(bytesOf(body([item(1), item(2)])))
    read(bytesOf(body([item(1), item(3)])))
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
    expect(() => read(bytesOf(text))).toThrow(SyntaxError)
  })

  it.each([
    ['a second result member, which JSON.parse takes', '{"result":[{"GROUP_ID":"1"}],"result":[]}'],
    ['items that are not objects', '{"result":[1,"two",null,[3]],"total":4}'],
    ['an empty list', '{"result":[],"total":0}'],
    ['nothing after the list', '{"result":[{"GROUP_ID":"1"}]}'],
    ['blanks after the end', '{"result":[{"GROUP_ID":"1"}]}\n'],
    ['an error body', '{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}'],
    [
      'quotes and backslashes in names',
      String.raw`{"result":[{"GROUP_ID":"1","GROUP_NAME":"a \"b\" \\"},{"GROUP_ID":"2","GROUP_NAME":"\\\"}{"}]}`,
    ],
    ['a __proto__ member', '{"result":[{"GROUP_ID":"1","__proto__":{"x":1}}],"__proto__":{"y":2}}'],
  ])('reads %s as JSON.parse does, after answers it followed', (_, text) => {
    const read = createListAnswerReader()
    read(bytesOf(body([item(1), item(2)])))
    read(bytesOf(body([item(1), item(3)])))
    expect(read(bytesOf(text))).toStrictEqual(JSON.parse(text))
    // And the next answer, compared with this one.
    const after = body([item(1), item(4)])
    expect(read(bytesOf(after))).toStrictEqual(JSON.parse(after))
  })

  it('decodes bytes that are not UTF-8 as the whole text decodes them', () => {
    const read = createListAnswerReader()
    read(bytesOf(body([item(1), item(2)])))
    const broken = Buffer.concat([
      bytesOf('{"result":[{"GROUP_ID":"1","GROUP_NAME":"a'),
      Buffer.from([0xc3]),
      bytesOf('"}]}'),
    ])
    expect(read(broken)).toStrictEqual(JSON.parse(new TextDecoder().decode(broken)))
  })
})

describe('objectEnd', () => {
  it.each([
    ['{"a":1},', 7],
    ['{"a":"}"},', 9],
    [String.raw`{"a":"\"}"},`, 11],
    [String.raw`{"a":"\\"},`, 10],
    ['{"a":{"b":[1,{}]}}]', 18],
    ['{"a":"', -1],
    ['[1]', -1],
  ])('finds the end of %s at %i', (text, end) => {
    expect(objectEnd(bytesOf(text), 0)).toBe(end)
  })
})
