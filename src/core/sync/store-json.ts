// The state file's bytes, assembled from pieces remembered per object. A poll that finds one change used to serialise
// and encode every group of every account and all 500 history entries again (3.5 ms of a 1,000-group poll); groups
// and changes are never modified once stored (a change marked seen is a new object), so each is encoded once, as
// UTF-8 bytes: joining bytes is a copy, while joining 1,500 strings left one long string to flatten and encode.
// The file is pure ASCII: every character beyond it is written as a JSON escape (\uXXXX), as PHP's json_encode does.
// V8 decodes UTF-8 with anything but ASCII in it at 25-60 MB/s on this machine class, so a 1,000-group state file in
// several scripts took 4-15 ms to read at every start; ASCII reads at memory speed and JSON.parse takes the escapes
// in its stride.
import type { Group, MembershipChange } from '@shared/types'
import type { StateFile } from './store-schema'

export interface StateSerialiser {
  (state: StateFile): Buffer
  /** How many encoded pieces its table holds (the tests watch that it stays near the state's size). */
  piecesHeld(): number
  /**
   * Takes the file `state` was just read from as its last write (see `adoptedLayout`), so that the first write after a
   * start copies what did not change from the file's own bytes instead of encoding every group, detail and change
   * again (5,000 groups: 25-30 ms of the first poll). Returns whether it could; a file it cannot follow is left alone
   * and the next write encodes everything, as it would have.
   *
   * `room`, when given, is the buffer the file was read into (not pooled, larger than the file) and is the
   * serialiser's from now on: the first write goes into it, its runs copied from the file's text, so that it needs no
   * buffer of the file's size (touching 2 MB of fresh memory cost 6 ms of the first poll at 5,000 groups here).
   */
  adopt(state: StateFile, file: { text: string; bytes: Buffer; room?: Buffer }): boolean
}

const HAS_NON_ASCII = /[\u0080-\uffff]/
const HEX = '0123456789abcdef'

/** `JSON.stringify(value)` with every non-ASCII UTF-16 unit escaped: the same document, in ASCII. */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value)
  if (!HAS_NON_ASCII.test(json)) return json
  // A loop over char codes: a regular expression with a replacer function costs twice as much (1,000 groups: 0.5 ms).
  let ascii = ''
  let from = 0
  for (let at = 0; at < json.length; at++) {
    const unit = json.charCodeAt(at)
    if (unit < 0x80) continue
    ascii += `${json.slice(from, at)}\\u${HEX[unit >> 12]}${HEX[(unit >> 8) & 15]}${HEX[(unit >> 4) & 15]}${HEX[unit & 15]}`
    from = at + 1
  }
  return ascii + json.slice(from)
}

/**
 * `asciiJson(record)`, entry by entry: JSON.stringify walks an object keyed by group ids (integer-like keys, kept by V8
 * as sparse elements) at less than half the speed of the same entries one by one (1,000 groups' details: 1.3 ms).
 */
export function recordJson(record: Readonly<Record<string, unknown>>): string {
  let json = '{'
  for (const key in record) {
    if (!Object.hasOwn(record, key) || record[key] === undefined) continue
    json += `${json.length > 1 ? ',' : ''}${asciiJson(key)}:${asciiJson(record[key])}`
  }
  return `${json}}`
}

type Stored = Group | MembershipChange

/** A list's elements, and where each one's bytes lie in a buffer (or a text) that holds the list. */
interface ListLayout {
  values: readonly Stored[]
  starts: number[]
  ends: number[]
}

/** The key of each list in the serialiser's table: an account's groups, and the history. */
const accountList = (accountId: string) => `account:${accountId}`
const HISTORY_LIST = 'history'

/**
 * What the file holds around its lists and records, in the order `serialise` writes it: stated once, so that
 * `adoptedLayout` finds the very parts it writes.
 */
const PARTS = {
  // The generation comes first after the version: a writer reads just the file's first bytes to check it.
  head: (state: StateFile) =>
    `{"version":${asciiJson(state.version)},"generation":${asciiJson(state.generation)},"accounts":{`,
  accountOpening: (accountId: string, first: boolean) => `${first ? '' : ','}${asciiJson(accountId)}:{"groups":[`,
  groupsClosing: (lastSyncAt: string) => `],"lastSyncAt":${asciiJson(lastSyncAt)}`,
  detailsOpening: (at: string) => `,"details":{"at":${asciiJson(at)},"groups":`,
  detailsClosing: '}',
  accountClosing: '}',
  historyOpening: '},"history":[',
  end: ']}',
} as const

/** Between two elements of a list: every group and change is written with its id first. */
const SEPARATOR = '},{"id":'
const ID_OPENING = '{"id":"'

/** Whether `text` holds, at `at`, the opening of a group or change with this id, written as asciiJson writes it. */
function opensWithId(text: string, at: number, id: string): boolean {
  // An id that JSON escapes (a quote, a backslash, a control or non-ASCII character) is written otherwise than it
  // reads, so it never matches here: such a list is not adopted.
  const quote = at + ID_OPENING.length + id.length
  return text.startsWith(ID_OPENING, at) && text.startsWith(id, at + ID_OPENING.length) && text.charCodeAt(quote) === 34
}

/**
 * Where each of `values` lies in `text`, a list's elements from `from` (just after its `[`) to `end` (its `]`), or
 * null unless the list holds exactly these elements, each opening with its own id.
 */
function elementsIn(text: string, from: number, end: number, values: readonly Stored[]): ListLayout | null {
  const starts: number[] = new Array<number>(values.length)
  const ends: number[] = new Array<number>(values.length)
  if (values.length === 0) return from === end ? { values, starts, ends } : null
  let start = from
  for (let index = 0; index < values.length; index++) {
    if (!opensWithId(text, start, (values[index] as Stored).id)) return null
    starts[index] = start
    if (index === values.length - 1) {
      // No separator after the last one's opening: the list holds no more elements than these.
      if (text.slice(start, end).includes(SEPARATOR)) return null
      ends[index] = end
      break
    }
    // The separator is structural: inside a JSON string its quote would be escaped.
    const separator = text.indexOf(SEPARATOR, start + 1)
    if (separator === -1 || separator >= end) return null
    ends[index] = separator + 1
    start = separator + 2
  }
  return text.charCodeAt(end - 1) === 125 ? { values, starts, ends } : null // '}'
}

/**
 * Where the lists and details records of `state` lie in `text`, the file it was read from, when that file is laid out
 * as this serialiser writes (the same order, no spaces, each account's parts where `serialise` puts them), or null. Its
 * elements are then found by their separators and checked by their ids, not encoded: what it finds are the very
 * bytes the state was parsed from. Keys the schema does not know, which parsing dropped, would stay in them; nothing
 * else can differ.
 */
export function adoptedLayout(
  state: StateFile,
  text: string,
): { lists: Map<string, ListLayout>; records: [object, number, number][] } | null {
  const head = PARTS.head(state)
  if (!text.startsWith(head)) return null
  const lists = new Map<string, ListLayout>()
  const records: [object, number, number][] = []
  const accounts = Object.entries(state.accounts)
  let at = head.length
  for (let index = 0; index < accounts.length; index++) {
    const [accountId, snapshot] = accounts[index] as [string, StateFile['accounts'][string]]
    const opening = PARTS.accountOpening(accountId, index === 0)
    if (!text.startsWith(opening, at)) return null
    const from = at + opening.length
    const closing = PARTS.groupsClosing(snapshot.lastSyncAt)
    const end = text.indexOf(closing, from)
    const elements = end === -1 ? null : elementsIn(text, from, end, snapshot.groups)
    if (!elements) return null
    lists.set(accountList(accountId), elements)
    at = end + closing.length
    if (snapshot.details) {
      const detailsOpening = PARTS.detailsOpening(snapshot.details.at)
      if (!text.startsWith(detailsOpening, at)) return null
      const recordStart = at + detailsOpening.length
      // The record ends where the account does: its closing parts, then the next account or the history.
      const next = accounts[index + 1]
      const closed = PARTS.detailsClosing + PARTS.accountClosing
      const after = closed + (next ? PARTS.accountOpening(next[0], false) : PARTS.historyOpening)
      const recordEnd = next ? text.indexOf(after, recordStart) : text.lastIndexOf(after)
      const isRecord = text.charCodeAt(recordStart) === 123 && text.charCodeAt(recordEnd - 1) === 125 // '{' '}'
      if (recordEnd <= recordStart || !isRecord) return null
      records.push([snapshot.details.groups, recordStart, recordEnd])
      at = recordEnd + PARTS.detailsClosing.length
    }
    if (!text.startsWith(PARTS.accountClosing, at)) return null
    at += PARTS.accountClosing.length
  }
  // The history closes the accounts; the file ends with it.
  if (!text.startsWith(PARTS.historyOpening, at) || !text.endsWith(PARTS.end)) return null
  const history = elementsIn(text, at + PARTS.historyOpening.length, text.length - PARTS.end.length, state.history)
  if (!history) return null
  lists.set(HISTORY_LIST, history)
  return { lists, records }
}

/**
 * A list as last written: its elements, and where each one's bytes lie in that write's buffer, or in the text of the
 * file adopted (ASCII, so a character is a byte).
 */
interface WrittenList extends ListLayout {
  bytes: Buffer | string
}

/**
 * Gives exactly the bytes of `asciiJson(state)`, provided no stored group or change is modified in place. The bytes
 * are valid until the second call after: the store writes them before it serialises again.
 */
export function createStateSerialiser(): StateSerialiser {
  // Weak: a group or change that leaves the state takes its bytes with it, at V8's next full collection. Until then its
  // entry stays, and the table's capacity follows the most entries it held between two full collections and never
  // shrinks: with 100 groups and changes replaced per poll, `watch` grew it by 1 MB at a moment chosen by the
  // collector. So once it has taken in as many pieces as the state holds, a new table takes over with only the pieces
  // of what the state holds now.
  let pieces = new WeakMap<Stored, Buffer>()
  let held = 0
  let addedSinceRenewal = 0
  const renewPieces = (lists: Iterable<WrittenList>) => {
    const renewed = new WeakMap<Stored, Buffer>()
    held = 0
    for (const { values } of lists) {
      for (const value of values) {
        const bytes = pieces.get(value)
        if (bytes === undefined || renewed.has(value)) continue
        renewed.set(value, bytes)
        held++
      }
    }
    pieces = renewed
    addedSinceRenewal = 0
  }
  const COMMA = Buffer.from(',')
  // An account's details map, encoded once while it is the same object (it is replaced, never changed, when they do).
  const detailsPieces = new WeakMap<object, Buffer>()
  const detailsPiece = (groups: object) => {
    let bytes = detailsPieces.get(groups)
    if (bytes === undefined) {
      bytes = Buffer.from(recordJson(groups as Record<string, unknown>), 'latin1')
      detailsPieces.set(groups, bytes)
    }
    return bytes
  }
  // Per list (an account's groups, the history): the last write. A new write mostly holds the same objects in runs
  // (a list with one group renamed, a history with changes put in front), and copying a run as one slice of the last
  // buffer spares a thousand small copies (0.4 ms of a 1,000-group poll's write, most of it cache misses).
  let written = new Map<string, WrittenList>()
  // Two buffers taken in turn: the last write's bytes (which the next write copies runs from) and a spare.
  let current: Buffer | null = null
  let spare: Buffer | null = null

  const serialise = (state: StateFile): Buffer => {
    const parts: (Buffer | string)[] = []
    let length = 0
    const next = new Map<string, WrittenList>()
    const pending: (ListLayout & { key: string })[] = []
    const push = (bytes: Buffer) => {
      parts.push(bytes)
      length += bytes.length
    }
    const text = (value: string) => push(Buffer.from(value, 'latin1'))
    const pieceOf = (value: Stored) => {
      let bytes = pieces.get(value)
      if (bytes === undefined) {
        bytes = Buffer.from(asciiJson(value), 'latin1')
        pieces.set(value, bytes)
        held++
        addedSinceRenewal++
      }
      return bytes
    }
    const list = (key: string, values: readonly Stored[]) => {
      const last = written.get(key)
      const starts: number[] = new Array<number>(values.length)
      const ends: number[] = new Array<number>(values.length)
      let at = 0 // where in the last list the next element would continue a run
      for (let index = 0; index < values.length;) {
        if (index > 0) push(COMMA)
        const value = values[index] as Stored
        if (last && last.values[at] !== value && last.values[at + 1] === value) at++ // one element left out
        if (!last || last.values[at] !== value) {
          starts[index] = length
          push(pieceOf(value))
          ends[index] = length
          index++
          // A new element in place of an old one keeps the runs aligned; one put in front of them does not.
          if (last && last.values[at + 1] === values[index]) at++
          continue
        }
        const from = at
        const offset = length - (last.starts[from] as number)
        while (index < values.length && last.values[at] === values[index]) {
          starts[index] = (last.starts[at] as number) + offset
          ends[index] = (last.ends[at] as number) + offset
          index++
          at++
        }
        const [runStart, runEnd] = [last.starts[from] as number, last.ends[at - 1] as number]
        parts.push(
          typeof last.bytes === 'string' ? last.bytes.slice(runStart, runEnd) : last.bytes.subarray(runStart, runEnd),
        )
        length += runEnd - runStart
      }
      pending.push({ key, values, starts, ends })
    }
    text(PARTS.head(state))
    let first = true
    for (const [accountId, snapshot] of Object.entries(state.accounts)) {
      text(PARTS.accountOpening(accountId, first))
      list(accountList(accountId), snapshot.groups)
      text(PARTS.groupsClosing(snapshot.lastSyncAt))
      if (snapshot.details) {
        text(PARTS.detailsOpening(snapshot.details.at))
        push(detailsPiece(snapshot.details.groups))
        text(PARTS.detailsClosing)
      }
      text(PARTS.accountClosing)
      first = false
    }
    text(PARTS.historyOpening)
    list(HISTORY_LIST, state.history)
    text(PARTS.end)
    // Into the buffer of the write before last (the last one's is where the runs were just copied from), so a poll
    // does not allocate a buffer the size of the file: with 5,000 groups that was 1.8 MB of external memory per
    // write, which V8 answers with collections of the whole heap.
    let target = spare !== null && spare.length >= length ? spare : Buffer.allocUnsafeSlow(Math.ceil(length * 1.25))
    spare = current
    current = target
    let at = 0
    for (const part of parts) at += typeof part === 'string' ? target.write(part, at, 'latin1') : part.copy(target, at)
    target = target.subarray(0, length)
    for (const { key, values, starts, ends } of pending) next.set(key, { values, starts, ends, bytes: target })
    written = next
    let live = 0
    for (const list of next.values()) live += list.values.length
    if (addedSinceRenewal > Math.max(live, 64)) renewPieces(next.values())
    return target
  }
  const adopt = (state: StateFile, file: { text: string; bytes: Buffer; room?: Buffer }): boolean => {
    const layout = file.text.length === file.bytes.length ? adoptedLayout(state, file.text) : null
    if (!layout) return false
    written = new Map()
    // The runs come from the text, so that the file's buffer is free to take the first write.
    for (const [key, list] of layout.lists) written.set(key, { ...list, bytes: file.text })
    // A copy: the file's buffer is written over.
    for (const [groups, start, end] of layout.records)
      detailsPieces.set(groups, Buffer.from(file.bytes.subarray(start, end)))
    if (file.room) {
      spare = file.room
      current = null
    }
    return true
  }
  return Object.assign(serialise, { piecesHeld: () => held, adopt })
}
