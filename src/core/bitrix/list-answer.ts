// Reads the answers to one list request, one after another, parsing only what changed since the last. A poll mostly
// gets the very bytes of the last answer, but for a group or two and the `time` block: decoding and parsing the whole
// body again (5,000 groups: 660 KB, 8 ms, most of a poll) would make objects equal to the ones already held.
//
// What a read returns equals `JSON.parse` of the body decoded as UTF-8, always; the items whose bytes are those of an
// item of the last answer are that answer's very objects (never modified: the client only reads them). An answer
// laid out otherwise than `{"result":[{...},{...}],...}` without spaces, as Bitrix24 sends it, is parsed whole.
//
// Why by hand: JSON parsers parse a whole text. What this adds is finding the items of a compact JSON text by their
// bytes. In valid JSON a `"` inside a string is always escaped, so an item's end is found by skipping strings from
// quote to unescaped quote and counting brackets between them; a multi-byte UTF-8 character never holds an ASCII
// byte, so the bytes of an item are decoded as the whole text would decode them.

const decoder = new TextDecoder()
const PREFIX = Buffer.from('{"result":[')
const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
/** How many items of the last answer past the expected one an item is looked for among, after a change. */
const LOOKAHEAD = 8

/** The last answer: its bytes, its items, and where each item stands (start, end) once asked. */
interface LastAnswer {
  bytes: Buffer
  items: readonly unknown[]
  /** Start and end (exclusive) of item k at 2k and 2k+1; null until the next read needs them. */
  spans: Int32Array | null
  /** Where the `]` after the items stands; -1 until the spans are known. */
  close: number
}

/** The end (exclusive) of the object that opens at `start`, or -1 when there is none (not an object, cut short). */
export function objectEnd(bytes: Uint8Array, start: number): number {
  if (bytes[start] !== OPEN_BRACE) return -1
  let depth = 0
  for (let at = start; at < bytes.length; at++) {
    const byte = bytes[at]
    if (byte === QUOTE) {
      // The string's end: the next quote not escaped, that is, after an even run of backslashes.
      let end = at
      for (;;) {
        end = bytes.indexOf(QUOTE, end + 1)
        if (end < 0) return -1
        let slashes = 0
        while (bytes[end - 1 - slashes] === BACKSLASH) slashes++
        if (slashes % 2 === 0) break
      }
      at = end
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--
      if (depth === 0) return at + 1
    }
  }
  return -1
}

/** The items' spans of a body that opens with PREFIX, and where its `]` stands; null when laid out otherwise. */
function spansOf(bytes: Buffer, count: number): { spans: Int32Array; close: number } | null {
  const spans = new Int32Array(count * 2)
  let at = PREFIX.length
  for (let index = 0; ; index++) {
    if (index === 0 && bytes[at] === CLOSE_BRACKET) return count === 0 ? { spans, close: at } : null
    if (index >= count) return null
    const end = objectEnd(bytes, at)
    if (end < 0) return null
    spans[2 * index] = at
    spans[2 * index + 1] = end
    if (bytes[end] === CLOSE_BRACKET) return index === count - 1 ? { spans, close: end } : null
    if (bytes[end] !== COMMA) return null
    at = end + 1
  }
}

function opensWithPrefix(bytes: Buffer): boolean {
  return bytes.length > PREFIX.length && bytes.compare(PREFIX, 0, PREFIX.length, 0, PREFIX.length) === 0
}

function sameBytes(a: Buffer, aStart: number, aEnd: number, b: Buffer, bStart: number): boolean {
  const bEnd = bStart + (aEnd - aStart)
  return bEnd <= b.length && a.compare(b, bStart, bEnd, aStart, aEnd) === 0
}

/**
 * The members after the items (`,"total":1,"time":{...}}` or `}`) as an object, or null when they are not JSON. A
 * second `result` among them wins when they are spread over the items, as it does in JSON.parse.
 */
function membersAfter(bytes: Buffer, close: number): Record<string, unknown> | null {
  // `]}` ends the body (JSON.parse allows blanks after it); `],"` goes on with the next member.
  const after = bytes[close + 1]
  const from = after === CLOSE_BRACE ? close + 1 : after === COMMA && bytes[close + 2] === QUOTE ? close + 2 : -1
  if (from < 0) return null
  let members: unknown
  try {
    members = JSON.parse(`{${decoder.decode(bytes.subarray(from))}`)
  } catch {
    return null
  }
  return typeof members === 'object' && members !== null && !Array.isArray(members)
    ? (members as Record<string, unknown>)
    : null
}

interface Reused {
  items: unknown[]
  spans: Int32Array
  close: number
}

/**
 * The new body's items, each either an item of the last answer with the same bytes or parsed from its own; null when
 * the body is not laid out as expected or an item does not parse (the caller then parses the whole and says why).
 */
function reuse(bytes: Buffer, last: LastAnswer, lastSpans: Int32Array, lastClose: number): Reused | null {
  const count = last.items.length
  const items: unknown[] = []
  const spans: number[] = []
  /** Positions in `items` of the items still to be parsed, and their texts. */
  const fresh: number[] = []
  const texts: string[] = []
  let at = PREFIX.length
  let next = 0 // the item of the last answer expected here
  let runTried = false
  if (bytes[at] === CLOSE_BRACKET) return { items, spans: new Int32Array(0), close: at }
  for (;;) {
    // After a change (and at the start), one comparison says whether all the rest is as it was, shifted.
    if (!runTried && next < count) {
      runTried = true
      const from = lastSpans[2 * next] as number
      if (sameBytes(last.bytes, from, lastClose + 1, bytes, at)) {
        const shift = at - from
        for (let index = next; index < count; index++) {
          items.push(last.items[index])
          spans.push((lastSpans[2 * index] as number) + shift, (lastSpans[2 * index + 1] as number) + shift)
        }
        at = lastClose + shift
        break
      }
    }
    let matched = -1
    for (let index = next; index < count && index <= next + LOOKAHEAD; index++) {
      const start = lastSpans[2 * index] as number
      const end = lastSpans[2 * index + 1] as number
      if (sameBytes(last.bytes, start, end, bytes, at)) {
        matched = index
        break
      }
    }
    let end: number
    if (matched >= 0) {
      end = at + ((lastSpans[2 * matched + 1] as number) - (lastSpans[2 * matched] as number))
      items.push(last.items[matched])
      // A realignment: the rest may be as it was from here on.
      if (matched !== next) runTried = false
      next = matched + 1
    } else {
      end = objectEnd(bytes, at)
      if (end < 0) return null
      fresh.push(items.length)
      texts.push(decoder.decode(bytes.subarray(at, end)))
      items.push(undefined)
      runTried = false
    }
    spans.push(at, end)
    at = end
    if (bytes[at] === CLOSE_BRACKET) break
    if (bytes[at] !== COMMA) return null
    at++
  }
  if (texts.length > 0) {
    let parsed: unknown
    try {
      parsed = JSON.parse(`[${texts.join(',')}]`)
    } catch {
      return null
    }
    const values = parsed as unknown[]
    for (let index = 0; index < fresh.length; index++) items[fresh[index] as number] = values[index]
  }
  return { items, spans: Int32Array.from(spans), close: at }
}

/**
 * A reader for the answers to one request. Each call takes the whole body as it came and returns what `JSON.parse`
 * of its text returns; it throws what JSON.parse throws for a body that is not JSON.
 */
export function createListAnswerReader(): (bytes: Uint8Array) => unknown {
  let last: LastAnswer | null = null
  /** Set once a body that parses could not be followed item by item (laid out with blanks, say): parsed whole since. */
  let refused = false

  function parseWhole(bytes: Buffer): unknown {
    last = null
    const answer: unknown = JSON.parse(decoder.decode(bytes))
    const items = (answer as { result?: unknown } | null)?.result
    if (!refused && opensWithPrefix(bytes) && Array.isArray(items)) {
      last = { bytes, items: items.slice(), spans: null, close: -1 }
    }
    return answer
  }

  return (input) => {
    const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength)
    const before = last
    if (before === null || !opensWithPrefix(bytes)) return parseWhole(bytes)
    if (before.spans === null) {
      // The spans of the first answer are found only now, when a second one is here to compare with.
      const found = spansOf(before.bytes, before.items.length)
      if (found === null || membersAfter(before.bytes, found.close) === null) {
        refused = true
        return parseWhole(bytes)
      }
      before.spans = found.spans
      before.close = found.close
    }
    const reused = reuse(bytes, before, before.spans, before.close)
    const members = reused && membersAfter(bytes, reused.close)
    if (reused === null || members === null) return parseWhole(bytes)
    last = { bytes, items: reused.items, spans: reused.spans, close: reused.close }
    return { result: reused.items.slice(), ...members }
  }
}
