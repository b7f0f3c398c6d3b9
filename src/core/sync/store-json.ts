// The state file's bytes, assembled from pieces remembered per object. A poll that finds one change used to serialise
// and encode every group of every account and all 500 history entries again (3.5 ms of a 1,000-group poll); groups
// and changes are never modified once stored (a change marked seen is a new object), so each is encoded once, as
// UTF-8 bytes: joining bytes is a copy, while joining 1,500 strings left one long string to flatten and encode.
import type { Group, MembershipChange } from '@shared/types'
import type { StateFile } from './store-schema'

export type StateSerialiser = (state: StateFile) => Buffer

type Stored = Group | MembershipChange

/** A list as last written: its elements, and where each one's bytes lie in that write's buffer. */
interface WrittenList {
  values: readonly Stored[]
  starts: number[]
  ends: number[]
  bytes: Buffer
}

/** Gives exactly the UTF-8 bytes of `JSON.stringify(state)`, provided no stored group or change is modified in place. */
export function createStateSerialiser(): StateSerialiser {
  // Weak: a group or change that leaves the state takes its bytes with it.
  const pieces = new WeakMap<Stored, Buffer>()
  const COMMA = Buffer.from(',')
  // An account's details map, encoded once while it is the same object (it is replaced, never changed, when they do).
  const detailsPieces = new WeakMap<object, Buffer>()
  const detailsPiece = (groups: object) => {
    let bytes = detailsPieces.get(groups)
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(groups), 'utf8')
      detailsPieces.set(groups, bytes)
    }
    return bytes
  }
  // Per list (an account's groups, the history): the last write. A new write mostly holds the same objects in runs
  // (a list with one group renamed, a history with changes put in front), and copying a run as one slice of the last
  // buffer spares a thousand small copies (0.4 ms of a 1,000-group poll's write, most of it cache misses).
  let written = new Map<string, WrittenList>()

  return (state) => {
    const parts: Buffer[] = []
    let length = 0
    const next = new Map<string, WrittenList>()
    const pending: { key: string; values: readonly Stored[]; starts: number[]; ends: number[] }[] = []
    const push = (bytes: Buffer) => {
      parts.push(bytes)
      length += bytes.length
    }
    const text = (value: string) => push(Buffer.from(value, 'utf8'))
    const pieceOf = (value: Stored) => {
      let bytes = pieces.get(value)
      if (bytes === undefined) {
        bytes = Buffer.from(JSON.stringify(value), 'utf8')
        pieces.set(value, bytes)
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
        const run = last.bytes.subarray(last.starts[from], last.ends[at - 1])
        parts.push(run)
        length += run.length
      }
      pending.push({ key, values, starts, ends })
    }
    // The generation comes first after the version: a writer reads just the file's first bytes to check it.
    text(`{"version":${JSON.stringify(state.version)},"generation":${JSON.stringify(state.generation)},"accounts":{`)
    let first = true
    for (const [accountId, snapshot] of Object.entries(state.accounts)) {
      text(`${first ? '' : ','}${JSON.stringify(accountId)}:{"groups":[`)
      list(`account:${accountId}`, snapshot.groups)
      text(`],"lastSyncAt":${JSON.stringify(snapshot.lastSyncAt)}`)
      if (snapshot.details) {
        text(`,"details":{"at":${JSON.stringify(snapshot.details.at)},"groups":`)
        push(detailsPiece(snapshot.details.groups))
        text('}')
      }
      text('}')
      first = false
    }
    text('},"history":[')
    list('history', state.history)
    text(']}')
    const bytes = Buffer.concat(parts, length)
    for (const { key, values, starts, ends } of pending) next.set(key, { values, starts, ends, bytes })
    written = next
    return bytes
  }
}
