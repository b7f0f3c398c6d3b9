import { createDeltaFeed, type StateDelta } from '@shared/state-delta'
import type { AppState } from '@shared/types'
import { makeAccount, makeGroup, makeState, makeStatus } from '../../harness/builders'
import { createStateSync } from './state-sync'

const account = makeAccount({ id: 'acme.bitrix24.com/1' })
const first = makeState({
  accounts: [account],
  statuses: [makeStatus(account.id, { state: 'ok' })],
  groups: { [account.id]: [makeGroup({ id: '1' }), makeGroup({ id: '2' })] },
})

/** Main's side: the state it holds and the deltas it sent for it, and a window syncing from it. */
function setup() {
  let mainState = first
  const sent: StateDelta[] = []
  const feed = createDeltaFeed((delta) => sent.push(structuredClone(delta)))
  feed(mainState)
  const seen: AppState[] = []
  const fetches = { count: 0 }
  const warnings: string[] = []
  const sync = createStateSync({
    fetchState: async () => {
      fetches.count++
      return structuredClone(mainState)
    },
    onState: (next) => seen.push(next),
    warn: (message) => warnings.push(message),
  })
  const change = (next: AppState) => {
    mainState = next
    feed(next)
    sync.receive(sent.at(-1))
  }
  return { sync, change, seen, fetches, warnings, sent, main: () => mainState }
}

describe('the window’s copy of the state', () => {
  it('starts from the whole state and follows main through deltas alone', async () => {
    const { sync, change, fetches, main } = setup()
    await sync.start()
    change({ ...main(), statuses: [makeStatus(account.id, { state: 'syncing' })] })
    change({ ...main(), groups: { [account.id]: [makeGroup({ id: '1', name: 'Renamed' }), makeGroup({ id: '2' })] } })
    expect(sync.current()).toEqual(main())
    expect(fetches.count).toBe(1)
  })

  it('keeps the objects of what did not change, so the list need not sort again', async () => {
    const { sync, change, main } = setup()
    await sync.start()
    const before = sync.current()!
    change({ ...main(), statuses: [makeStatus(account.id, { state: 'syncing' })] })
    expect(sync.current()!.groups).toBe(before.groups)
    expect(sync.current()!.accounts).toBe(before.accounts)
  })

  it('fetches the whole state again for a payload that is not a delta, and says why', async () => {
    const { sync, fetches, warnings } = setup()
    await sync.start()
    sync.receive({ seq: 'two' })
    await Promise.resolve()
    expect(fetches.count).toBe(2)
    expect(warnings[0]).toMatch(/not a delta/)
  })

  it('fetches the whole state again when a delta is missing in the sequence', async () => {
    const { sync, change, fetches, sent, main } = setup()
    await sync.start()
    change({ ...main(), online: false })
    sent.length = 0
    const skipped = { ...main(), online: true }
    createDeltaFeed(() => undefined)(skipped)
    change({ ...skipped, notice: 'x' })
    sync.receive({ seq: 9, changes: { notice: { set: 'y' } } })
    await new Promise((resolve) => setTimeout(resolve))
    expect(fetches.count).toBe(2)
    expect(sync.current()).toEqual(main())
  })

  it('fetches the whole state again for a delta that does not fit the copy', async () => {
    const { sync, fetches, warnings } = setup()
    await sync.start()
    sync.receive({ seq: 5, changes: { statuses: { patch: { length: 3, at: [0], items: [{}] } } } })
    await Promise.resolve()
    expect(fetches.count).toBe(2)
    expect(warnings[0]).toMatch(/does not fit/)
  })

  it('ignores deltas before the first copy arrives, since that copy already holds them', () => {
    const { sync, seen } = setup()
    sync.receive({ seq: 1, changes: { online: { set: false } } })
    expect(seen).toEqual([])
  })
})
