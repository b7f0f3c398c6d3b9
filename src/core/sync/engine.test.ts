import { rmSync } from 'node:fs'
import type { SyncStatus } from '@shared/types'
import { INCONSISTENT_LIST } from '../bitrix'
import { CONFIRMATION_DELAY_MS } from './engine'
import type { SyncLogger } from './logger'
import { clientError } from './test-support/fake-client'
import type { EngineHarness } from './test-support/engine-harness'
import { ACME, BETA, engineHarness } from './test-support/engine-harness'
import { group, groups } from './test-support/groups'
import type { SyncStore } from './store'
import { createSyncStore } from './store'

const harnesses: EngineHarness[] = []
function setup(...args: Parameters<typeof engineHarness>): EngineHarness {
  const harness = engineHarness(...args)
  harnesses.push(harness)
  return harness
}
afterEach(async () => {
  for (const harness of harnesses.splice(0)) {
    await harness.engine.stop()
    rmSync(harness.dir, { recursive: true, force: true })
  }
})

/** Starts the engine with the portal holding `list`, and lets the first (baseline) sync finish. */
async function started(list = groups(4), options?: Parameters<typeof engineHarness>[0]): Promise<EngineHarness> {
  const h = setup(options)
  h.client().current = list
  h.engine.start()
  await h.settle()
  h.events.length = 0
  return h
}

const statusOf = (h: EngineHarness, accountId = ACME): SyncStatus | undefined =>
  h.engine.statuses().find((status) => status.accountId === accountId)

describe('the first sync of a new account', () => {
  it('is a silent baseline: the list is kept, nothing is reported', async () => {
    const h = setup()
    h.client().current = groups(3)
    h.engine.start()
    await h.settle()
    expect(h.of('changes')).toEqual([])
    expect(h.of('synced')).toEqual([
      [{ accountId: ACME, groupCount: 3, baseline: true, at: expect.any(String), movedTo: null }],
    ])
    expect(h.of('groups')).toEqual([[{ accountId: ACME, groups: groups(3) }]])
    expect(h.engine.groups(ACME)).toEqual(groups(3))
    expect(h.engine.history()).toEqual([])
  })

  it('reports an ok status with the group count, the sync time and the next one', async () => {
    const h = await started(groups(3))
    expect(statusOf(h)).toEqual({
      accountId: ACME,
      state: 'ok',
      lastSyncAt: new Date(h.clock.now()).toISOString(),
      nextSyncAt: new Date(h.clock.now() + 60_000).toISOString(),
      groupCount: 3,
      error: null,
      detailsError: null,
    })
  })
})

describe('later syncs', () => {
  it('report each change once, stamped, and keep them in the history', async () => {
    const h = await started([group('1'), group('2', { name: 'Old' })])
    h.client().current = [group('2', { name: 'New' }), group('3')]
    await h.clock.advance(60_000)
    const at = new Date(h.clock.now()).toISOString()
    const [changes, meta] = h.onlyChanges()
    expect(meta).toEqual({ accountId: ACME, whileAway: false })
    expect(changes).toEqual([
      {
        id: 'c1',
        accountId: ACME,
        kind: 'joined',
        group: group('3'),
        from: null,
        to: 'K',
        whileAway: false,
        at,
        seen: false,
      },
      {
        id: 'c2',
        accountId: ACME,
        kind: 'left',
        group: group('1'),
        from: 'K',
        to: null,
        whileAway: false,
        at,
        seen: false,
      },
      {
        id: 'c3',
        accountId: ACME,
        kind: 'renamed',
        group: group('2', { name: 'New' }),
        from: 'Old',
        to: 'New',
        whileAway: false,
        at,
        seen: false,
      },
    ])
    expect(h.engine.history()).toEqual(changes)
    await h.clock.advance(60_000)
    expect(h.of('changes')).toHaveLength(1)
  })

  it('emits groups, then changes, then synced, then the status', async () => {
    const h = await started(groups(2))
    h.client().current = groups(3)
    await h.clock.advance(60_000)
    const order = h.events.map((item) => item.event)
    expect(order).toEqual(['status', 'groups', 'changes', 'history', 'synced', 'status'])
    expect((h.of('status').at(0)?.[0] as SyncStatus).state).toBe('syncing')
    expect((h.of('status').at(-1)?.[0] as SyncStatus).state).toBe('ok')
  })

  it('emits no groups event when the list did not change', async () => {
    const h = await started(groups(2))
    await h.clock.advance(60_000)
    expect(h.of('groups')).toEqual([])
    expect(h.of('synced')).toHaveLength(1)
  })

  it('passes on that the portal moved', async () => {
    const h = await started(groups(1))
    h.client().queue.push({ raw: { groups: groups(1), time: null, movedTo: 'https://new.bitrix24.com' } })
    await h.engine.refresh(ACME)
    expect(h.of('synced')[0]?.[0].movedTo).toBe('https://new.bitrix24.com')
  })
})

describe('no false alarms', () => {
  it.each([
    ['a network error', clientError('network', 'NETWORK')],
    ['a timeout', clientError('network', 'TIMEOUT')],
    ['a server error', clientError('server', 'INTERNAL_SERVER_ERROR')],
    ['an unusable answer', clientError('protocol', 'BAD_RESPONSE')],
    ['an unexpected exception', new TypeError('boom')],
  ])('%s yields no change and keeps the snapshot', async (_name, error) => {
    const h = await started(groups(5))
    h.client().current = []
    h.client().queue.push(error)
    await h.engine.refresh()
    expect(h.of('changes')).toEqual([])
    expect(h.engine.groups(ACME)).toEqual(groups(5))
    expect(h.of('error')).toHaveLength(1)
  })

  it.each([
    ['no list at all', { groups: null }],
    ['a list of something else', { groups: [{ id: 7 }] }],
    ['the last list and a hole after it', { groups: [...groups(5), undefined] }],
    ['the last list with one group broken', { groups: [...groups(4), { id: '5' }] }],
    ['nothing', undefined],
  ])('an invalid answer from the client (%s) yields no change', async (_name, raw) => {
    const h = await started(groups(5))
    h.client().queue.push({ raw })
    await h.engine.refresh()
    expect(h.of('changes')).toEqual([])
    expect(h.of('error')[0]?.[0].error.code).toBe('UNEXPECTED')
  })

  it('reports a failure as an error status with a secret-free view and the retry time', async () => {
    const h = await started(groups(2))
    h.client().queue.push(clientError('network', 'NETWORK'))
    await h.engine.refresh()
    const status = statusOf(h)
    expect(status?.state).toBe('error')
    expect(status?.error).toMatchObject({ code: 'NETWORK', kind: 'network', messageKey: 'errors:NETWORK' })
    expect(status?.nextSyncAt).toBe(new Date(h.clock.now() + 30_000).toISOString())
    expect(status?.groupCount).toBe(2)
  })

  it("never lets an unexpected error's own message reach the status, the events or the log", async () => {
    const logged: unknown[] = []
    const record = (fields: Record<string, unknown>, message: string) => logged.push(fields, message)
    const logger: SyncLogger = { debug: record, info: record, warn: record, error: record }
    const h = await started(groups(2), { logger })
    h.client().queue.push(new Error('https://acme.bitrix24.com/rest/1/fake_code_s3cr3t/ failed'))
    await h.engine.refresh()
    const everything = JSON.stringify([h.events, h.engine.statuses(), logged])
    expect(everything).not.toContain('fake_code_s3cr3t')
    expect(h.of('error')[0]?.[0].error.code).toBe('UNEXPECTED')
  })

  it('goes back to ok and the normal interval after a success', async () => {
    const h = await started(groups(2))
    h.client().queue.push(clientError('network', 'NETWORK'))
    await h.engine.refresh()
    await h.clock.advance(30_000)
    expect(statusOf(h)).toMatchObject({ state: 'ok', error: null })
    expect(statusOf(h)?.nextSyncAt).toBe(new Date(h.clock.now() + 60_000).toISOString())
  })
})

describe('mass removal', () => {
  it(`is reported only when a second fetch ${CONFIRMATION_DELAY_MS / 1000} s later agrees`, async () => {
    const h = await started(groups(10))
    h.client().current = []
    const refreshing = h.engine.refresh()
    await h.clock.advance(CONFIRMATION_DELAY_MS - 1)
    expect(h.client().calls).toBe(2)
    expect(h.of('changes')).toEqual([])
    await h.clock.advance(1)
    await refreshing
    expect(h.client().calls).toBe(3)
    const [changes] = h.onlyChanges()
    expect(changes.map((change) => `${change.kind} ${change.group.id}`)).toEqual(
      groups(10).map((item) => `left ${item.id}`),
    )
    expect(h.engine.groups(ACME)).toEqual([])
  })

  it('is dropped when the second fetch has the groups back', async () => {
    const h = await started(groups(10))
    h.client().queue.push([])
    const refreshing = h.engine.refresh()
    await h.clock.advance(CONFIRMATION_DELAY_MS)
    await refreshing
    expect(h.of('changes')).toEqual([])
    expect(h.engine.groups(ACME)).toEqual(groups(10))
    expect(statusOf(h)?.state).toBe('ok')
  })

  it('gives way to the second answer when that is an ordinary one', async () => {
    const h = await started(groups(10))
    h.client().queue.push([])
    h.client().current = groups(8)
    const refreshing = h.engine.refresh()
    await h.clock.advance(CONFIRMATION_DELAY_MS)
    await refreshing
    expect(h.of('changes')[0]?.[0].map((change) => `${change.kind} ${change.group.id}`)).toEqual(['left 9', 'left 10'])
  })

  it('reports nothing when the two answers remove different groups', async () => {
    const h = await started(groups(10))
    h.client().queue.push(clientError('network', 'NETWORK'))
    await h.engine.refresh()
    h.client().queue.push(groups(10).slice(0, 2), groups(10).slice(8))
    const refreshing = h.engine.refresh()
    await h.clock.advance(CONFIRMATION_DELAY_MS)
    await refreshing
    expect(h.of('changes')).toEqual([])
    expect(h.engine.groups(ACME)).toEqual(groups(10))
    expect(statusOf(h)).toMatchObject({ state: 'ok', error: null })
  })

  it('reports nothing, and no error, when the pages of the list disagreed twice (a disputed answer)', async () => {
    const h = await started(groups(10))
    const disputed = Object.assign(clientError('protocol', 'BAD_RESPONSE'), { reason: INCONSISTENT_LIST })
    h.client().queue.push(disputed)
    await h.engine.refresh()
    expect(h.of('changes')).toEqual([])
    expect(h.of('error')).toEqual([])
    expect(h.engine.groups(ACME)).toEqual(groups(10))
    expect(statusOf(h)).toMatchObject({ state: 'ok', error: null })
  })

  it('reports nothing when the confirming fetch fails', async () => {
    const h = await started(groups(10))
    h.client().queue.push([], clientError('network', 'TIMEOUT'))
    const refreshing = h.engine.refresh()
    await h.clock.advance(CONFIRMATION_DELAY_MS)
    await refreshing
    expect(h.of('changes')).toEqual([])
    expect(statusOf(h)?.state).toBe('error')
  })

  it('does not delay an ordinary removal', async () => {
    const h = await started(groups(10))
    h.client().current = groups(6)
    await h.engine.refresh()
    expect(h.client().calls).toBe(2)
    expect(h.of('changes')[0]?.[0]).toHaveLength(4)
  })
})

describe('problems only the user can fix', () => {
  it.each([
    ['auth', 'NO_AUTH_FOUND'],
    ['permission', 'INVALID_CREDENTIALS'],
    ['scope', 'insufficient_scope'],
    ['plan', 'ACCESS_DENIED'],
  ] as const)('%s stops polling the account with a status saying why', async (kind, code) => {
    const h = await started(groups(2))
    h.client().queue.push(clientError(kind, code))
    await h.engine.refresh()
    await h.clock.advance(24 * 3_600_000)
    expect(h.client().calls).toBe(2)
    expect(statusOf(h)).toMatchObject({ state: 'error', nextSyncAt: null, error: { code, kind } })
  })

  it('polls again when the user retries', async () => {
    const h = await started(groups(2))
    h.client().queue.push(clientError('auth', 'NO_AUTH_FOUND'))
    await h.engine.refresh()
    await h.engine.refresh(ACME)
    expect(statusOf(h)).toMatchObject({ state: 'ok', error: null })
  })

  it('polls again at once when the credentials change', async () => {
    const h = await started(groups(2))
    h.client().queue.push(clientError('auth', 'NO_AUTH_FOUND'))
    await h.engine.refresh()
    h.accounts = [{ id: ACME, enabled: true, credentialsVersion: 2 }]
    h.notify()
    await h.settle()
    expect(h.client().calls).toBe(3)
    expect(statusOf(h)?.state).toBe('ok')
  })
})

describe('refresh', () => {
  it('joins a poll in flight instead of asking the portal twice', async () => {
    const h = await started(groups(2))
    h.client().hold = true
    const first = h.engine.refresh()
    const second = h.engine.refresh(ACME)
    await h.settle()
    h.client().release()
    await Promise.all([first, second])
    expect(h.client().calls).toBe(2)
  })

  it('refreshes every account when none is named', async () => {
    const h = setup({
      accounts: [
        { id: ACME, enabled: true },
        { id: BETA, enabled: true },
      ],
    })
    h.engine.start()
    await h.settle()
    await h.engine.refresh()
    expect([h.client(ACME).calls, h.client(BETA).calls]).toEqual([2, 2])
  })
})

describe('online, offline, suspend and resume', () => {
  it('does not poll while offline and polls at once when back online', async () => {
    const h = await started(groups(2))
    h.engine.setOnline(false)
    expect(statusOf(h)).toMatchObject({ state: 'offline', nextSyncAt: null, groupCount: 2 })
    await h.clock.advance(10 * 60_000)
    expect(h.client().calls).toBe(1)
    h.engine.setOnline(true)
    await h.settle()
    expect(h.client().calls).toBe(2)
    expect(statusOf(h)?.state).toBe('ok')
  })

  it('pauses on suspend and refreshes on resume', async () => {
    const h = await started(groups(2))
    h.engine.suspend()
    expect(statusOf(h)?.state).toBe('paused')
    await h.clock.advance(10 * 60_000)
    h.client().current = groups(3)
    h.engine.resume()
    await h.settle()
    expect(h.client().calls).toBe(2)
    expect(h.of('changes')).toHaveLength(1)
  })

  it('drops an answer that arrives after the machine went to sleep', async () => {
    const h = await started(groups(2))
    h.client().hold = true
    h.client().current = groups(3)
    const refreshing = h.engine.refresh()
    await h.settle()
    h.engine.suspend()
    h.client().release()
    await refreshing
    expect(h.of('changes')).toEqual([])
    expect(h.of('error')).toEqual([])
    expect(statusOf(h)?.state).toBe('paused')
  })

  it('starts an account added while offline only when back online', async () => {
    const h = await started(groups(2))
    h.engine.setOnline(false)
    h.accounts = [...h.accounts, { id: BETA, enabled: true }]
    h.notify()
    await h.settle()
    expect(h.client(BETA).calls).toBe(0)
    expect(statusOf(h, BETA)?.state).toBe('offline')
    h.engine.setOnline(true)
    await h.settle()
    expect(h.client(BETA).calls).toBe(1)
  })
})

describe('following accounts and settings', () => {
  it('starts polling an account as soon as it is added', async () => {
    const h = await started(groups(2))
    h.client(BETA).current = groups(1)
    h.accounts = [...h.accounts, { id: BETA, enabled: true }]
    h.notify()
    await h.settle()
    expect(h.engine.statuses().map((status) => [status.accountId, status.state])).toEqual([
      [ACME, 'ok'],
      [BETA, 'ok'],
    ])
    expect(h.of('synced').map(([event]) => [event.accountId, event.baseline])).toEqual([[BETA, true]])
  })

  it('stops polling a disabled account and shows it as stopped, keeping its data', async () => {
    const h = await started(groups(2))
    h.accounts = [{ id: ACME, enabled: false }]
    h.notify()
    await h.settle()
    await h.clock.advance(10 * 60_000)
    expect(h.client().calls).toBe(1)
    expect(statusOf(h)).toMatchObject({ state: 'stopped', groupCount: 2, nextSyncAt: null })
    expect(h.engine.groups(ACME)).toEqual(groups(2))
  })

  it('re-enabling an account continues from its snapshot without a baseline', async () => {
    const h = await started(groups(2))
    h.accounts = [{ id: ACME, enabled: false }]
    h.notify()
    h.client().current = groups(3)
    h.accounts = [{ id: ACME, enabled: true }]
    h.notify()
    await h.settle()
    expect(h.of('synced').map(([event]) => event.baseline)).toEqual([false])
    expect(h.of('changes')[0]?.[1]).toEqual({ accountId: ACME, whileAway: false })
  })

  it('applies a new poll interval at once', async () => {
    const h = await started(groups(2))
    h.intervalSeconds = 15
    h.notify()
    await h.clock.advance(15_000)
    expect(h.client().calls).toBe(2)
  })

  it.each([
    [Number.NaN, 60_000],
    [0.2, 1_000],
    [10_000_000, 3_600_000],
  ])('reads an interval of %s s as %i ms', async (seconds, expected) => {
    const h = setup()
    h.intervalSeconds = seconds
    h.engine.start()
    await h.settle()
    expect(statusOf(h)?.nextSyncAt).toBe(new Date(h.clock.now() + expected).toISOString())
  })

  it("deletes a removed account's snapshot and history", async () => {
    const h = await started(groups(2))
    h.client().current = groups(3)
    await h.engine.refresh()
    expect(h.engine.history()).toHaveLength(1)
    h.events.length = 0
    await h.engine.removeAccount(ACME)
    expect(h.engine.groups(ACME)).toEqual([])
    expect(h.engine.history()).toEqual([])
    expect(h.of('history')).toEqual([[[]]])
    await h.clock.advance(10 * 60_000)
    expect(h.client().calls).toBe(2)
  })
})

describe('history', () => {
  it('marks changes seen and tells listeners', async () => {
    const h = await started(groups(2))
    h.client().current = groups(4)
    await h.engine.refresh()
    h.events.length = 0
    expect(await h.engine.markSeen(['c1'])).toBe(1)
    expect(h.engine.history().map((change) => [change.id, change.seen])).toEqual([
      ['c1', true],
      ['c2', false],
    ])
    expect(h.of('history')).toHaveLength(1)
    expect(await h.engine.markSeen()).toBe(1)
  })
})

describe('robustness', () => {
  it('keeps syncing when a listener throws', async () => {
    const h = await started(groups(2))
    h.engine.on('changes', () => {
      throw new Error('listener bug')
    })
    h.client().current = groups(3)
    await h.engine.refresh()
    expect(h.engine.groups(ACME)).toEqual(groups(3))
    expect(h.of('synced')).toHaveLength(1)
  })
})

describe('writing the sync state', () => {
  /** A real store in the harness's directory whose writes of syncs end only when the test says so, or fail. */
  function slowStore(dir: string, outcome: () => Promise<void>): SyncStore {
    const store = createSyncStore({ dir })
    return { ...store, recordSync: async (...args) => (await store.recordSync(...args), outcome()) }
  }

  it('reports changes and the sync without waiting for the state file to reach the disk', async () => {
    let finishWrites = () => {}
    const writes = new Promise<void>((resolve) => (finishWrites = resolve))
    const h = setup()
    const store = slowStore(h.dir, () => writes)
    const held = setup({ dir: h.dir, engine: { store } })
    held.client().current = groups(2)
    held.engine.start()
    await held.settle()
    held.client().current = [group('1', { name: 'Renamed' }), group('2')]
    let refreshed = false
    void held.engine.refresh().then(() => (refreshed = true))
    await held.settle()
    expect(refreshed).toBe(true)
    expect(held.onlyChanges()[0].map((change) => change.kind)).toEqual(['renamed'])
    expect(held.of('synced')).toHaveLength(2)
    expect(held.engine.groups(ACME)[0]?.name).toBe('Renamed')
    finishWrites()
  })

  it('logs a write that failed, without its path or any secret, and still counts the sync', async () => {
    const logged: [Record<string, unknown>, string][] = []
    const record = (fields: Record<string, unknown>, message: string) => logged.push([fields, message])
    const logger: SyncLogger = { debug: record, info: record, warn: record, error: record }
    const h = setup()
    const failure = Object.assign(new Error('ENOSPC: no space left, open /secret/path'), { code: 'ENOSPC' })
    const store = slowStore(h.dir, () => Promise.reject(failure))
    const failing = setup({ dir: h.dir, logger, engine: { store } })
    failing.client().current = groups(2)
    failing.engine.start()
    await failing.settle()
    expect(failing.of('synced')).toHaveLength(1)
    expect(statusOf(failing)?.state).toBe('ok')
    expect(logged).toContainEqual([{ accountId: ACME, code: 'ENOSPC' }, 'could not write the sync state'])
    expect(JSON.stringify(logged)).not.toContain('/secret/path')
  })

  it('hands the store its own list back when the portal sent the same groups', async () => {
    const h = setup()
    const store = createSyncStore({ dir: h.dir })
    const handed: unknown[] = []
    const watching: SyncStore = {
      ...store,
      recordSync: (accountId, groups, changes, at) => {
        handed.push(groups)
        return store.recordSync(accountId, groups, changes, at)
      },
    }
    const w = setup({ dir: h.dir, engine: { store: watching } })
    w.client().current = groups(3)
    w.engine.start()
    await w.settle()
    const stored = store.snapshot(ACME)?.groups
    await w.engine.refresh()
    expect(handed).toHaveLength(2)
    expect(handed[1]).toBe(stored)
  })

  it('has the last sync on disk once stop() resolves', async () => {
    const h = await started(groups(2))
    h.client().current = [group('1', { name: 'Renamed' }), group('2')]
    await h.engine.refresh()
    await h.engine.stop()
    expect(
      createSyncStore({ dir: h.dir })
        .snapshot(ACME)
        ?.groups.map((entry) => entry.name),
    ).toEqual(['Renamed', 'Group 2'])
  })
})

describe('stop', () => {
  it('cuts the poll in flight short, waits for it and leaves no timer behind', async () => {
    const h = await started(groups(2))
    h.client().hold = true
    void h.engine.refresh()
    await h.settle()
    await h.engine.stop()
    expect(h.clock.pending()).toEqual([])
    expect(h.engine.statuses().map((status) => status.state)).toEqual(['stopped'])
  })
})
