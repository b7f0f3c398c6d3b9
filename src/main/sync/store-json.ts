// The state file's bytes, assembled from pieces remembered per object. A poll that finds one change used to serialise
// and encode every group of every account and all 500 history entries again (3.5 ms of a 1,000-group poll); groups
// and changes are never modified once stored (a change marked seen is a new object), so each is encoded once, as
// UTF-8 bytes: joining bytes is a copy, while joining 1,500 strings left one long string to flatten and encode.
import type { Group, MembershipChange } from '@shared/types'
import type { StateFile } from './store-schema'

export type StateSerialiser = (state: StateFile) => Buffer

/** Gives exactly the UTF-8 bytes of `JSON.stringify(state)`, provided no stored group or change is modified in place. */
export function createStateSerialiser(): StateSerialiser {
  // Weak: a group or change that leaves the state takes its bytes with it.
  const pieces = new WeakMap<Group | MembershipChange, Buffer>()
  const COMMA = Buffer.from(',')

  return (state) => {
    const parts: Buffer[] = []
    const text = (value: string) => parts.push(Buffer.from(value, 'utf8'))
    const list = (values: readonly (Group | MembershipChange)[]) => {
      for (let index = 0; index < values.length; index++) {
        const value = values[index] as Group | MembershipChange
        let bytes = pieces.get(value)
        if (bytes === undefined) {
          bytes = Buffer.from(JSON.stringify(value), 'utf8')
          pieces.set(value, bytes)
        }
        if (index > 0) parts.push(COMMA)
        parts.push(bytes)
      }
    }
    text(`{"version":${JSON.stringify(state.version)},"accounts":{`)
    let first = true
    for (const [accountId, snapshot] of Object.entries(state.accounts)) {
      text(`${first ? '' : ','}${JSON.stringify(accountId)}:{"groups":[`)
      list(snapshot.groups)
      text(`],"lastSyncAt":${JSON.stringify(snapshot.lastSyncAt)}}`)
      first = false
    }
    text('},"history":[')
    list(state.history)
    text(']}')
    return Buffer.concat(parts)
  }
}
