import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createTranslator } from '@shared/i18n'
import { acquireStateLease } from './lease'
import { createSyncStore, HISTORY_LIMIT, HISTORY_RESET_NOTICE, IDLE_WRITE_DELAY_MS, STATE_FILE_NAME } from './store'
import { change } from './test-support/changes'
import { FakeClock } from './test-support/fake-clock'
import { details, group, groups } from './test-support/groups'
import { tempDirEachTest } from './test-support/temp-dir'
import { stateFileSchema } from './store-schema'

const ACCOUNT = 'acme.bitrix24.com/1'
const OTHER = 'beta.bitrix24.com/5'
const T1 = '2025-01-01T09:00:00.000Z'
const T2 = '2025-01-01T09:01:00.000Z'

let dir: string
tempDirEachTest('b24-sync-store-', (made) => (dir = made))

const stateFile = () => path.join(dir, STATE_FILE_NAME)
const onDisk = () =>
  JSON.parse(readFileSync(stateFile(), 'utf8')) as { accounts: Record<string, { lastSyncAt: string }> }

describe('sync store', () => {
  it('knows no snapshot for an account it has never synced', () => {
    const store = createSyncStore({ dir })
    expect(store.snapshot(ACCOUNT)).toBeNull()
    expect(store.history()).toEqual([])
    expect(store.recoveredFrom).toBeNull()
  })

  it('keeps the last complete list and sync time across a restart', async () => {
    const first = createSyncStore({ dir })
    await first.recordSync(ACCOUNT, groups(3), [], T1)
    const second = createSyncStore({ dir })
    expect(second.snapshot(ACCOUNT)).toEqual({ groups: groups(3), lastSyncAt: T1 })
    expect(second.accountIds()).toEqual([ACCOUNT])
  })

  it('makes its directory at the first write, and again when it was removed meanwhile', async () => {
    const nested = path.join(dir, 'data', 'sync')
    const store = createSyncStore({ dir: nested })
    await store.recordSync(ACCOUNT, groups(1), [], T1)
    rmSync(path.join(dir, 'data'), { recursive: true })
    await store.recordSync(ACCOUNT, groups(2), [change(ACCOUNT)], T2)
    expect(createSyncStore({ dir: nested }).snapshot(ACCOUNT)?.groups).toEqual(groups(2))
  })

  it('writes a pure ASCII file whatever the names, and reads every character back, and files from before', async () => {
    const named = [group('1', { name: 'Проект 北京 🚀 Süd \u2028' }), group('2', { name: 'plain' })]
    const first = createSyncStore({ dir })
    await first.recordSync(ACCOUNT, named, [change(ACCOUNT, { group: named[0], kind: 'joined' })], T1)
    expect(readFileSync(stateFile()).every((byte) => byte < 0x80)).toBe(true)
    expect(createSyncStore({ dir }).snapshot(ACCOUNT)?.groups).toEqual(named)
    expect(createSyncStore({ dir }).history()[0]?.group.name).toBe(named[0]?.name)
    // A file written before, in raw UTF-8, reads the same.
    writeFileSync(stateFile(), JSON.stringify({ ...onDisk(), generation: 9 }))
    expect(readFileSync(stateFile()).some((byte) => byte >= 0x80)).toBe(true)
    expect(createSyncStore({ dir }).snapshot(ACCOUNT)?.groups).toEqual(named)
  })

  it('keeps the history newest sync first, across a restart', async () => {
    const store = createSyncStore({ dir })
    const older = [change(ACCOUNT), change(ACCOUNT)]
    const newer = [change(ACCOUNT, { at: T2 })]
    await store.recordSync(ACCOUNT, groups(2), older, T1)
    await store.recordSync(ACCOUNT, groups(3), newer, T2)
    expect(createSyncStore({ dir }).history()).toEqual([...newer, ...older])
  })

  it(`keeps only the last ${HISTORY_LIMIT} changes`, async () => {
    const store = createSyncStore({ dir })
    const batches = Array.from({ length: 6 }, () => Array.from({ length: 100 }, () => change(ACCOUNT)))
    for (const batch of batches) await store.recordSync(ACCOUNT, groups(1), batch, T1)
    const history = createSyncStore({ dir }).history()
    expect(history).toHaveLength(HISTORY_LIMIT)
    expect(history[0]).toEqual(batches[5]?.[0])
    expect(history.at(-1)).toEqual(batches[1]?.[99])
  })

  it('marks chosen changes as seen, and all of them when none are named', async () => {
    const store = createSyncStore({ dir })
    const [a, b, c] = [change(ACCOUNT), change(ACCOUNT), change(OTHER)]
    await store.recordSync(ACCOUNT, groups(1), [a!, b!], T1)
    await store.recordSync(OTHER, groups(1), [c!], T1)
    expect(await store.markSeen([b!.id, 'unknown'])).toBe(1)
    expect(
      createSyncStore({ dir })
        .history()
        .map((item) => item.seen),
    ).toEqual([false, false, true])
    expect(await store.markSeen()).toBe(2)
    expect(
      createSyncStore({ dir })
        .history()
        .every((item) => item.seen),
    ).toBe(true)
    expect(await store.markSeen()).toBe(0)
  })

  it("forgets a removed account's snapshot and history, and nothing else", async () => {
    const store = createSyncStore({ dir })
    const mine = change(ACCOUNT)
    const theirs = change(OTHER)
    await store.recordSync(ACCOUNT, groups(2), [mine], T1)
    await store.recordSync(OTHER, groups(4), [theirs], T1)
    await store.removeAccount(ACCOUNT)
    const reloaded = createSyncStore({ dir })
    expect(reloaded.snapshot(ACCOUNT)).toBeNull()
    expect(reloaded.snapshot(OTHER)?.groups).toHaveLength(4)
    expect(reloaded.history()).toEqual([theirs])
  })

  it('writes through a temp file and leaves none behind', async () => {
    const store = createSyncStore({ dir })
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.recordSync(ACCOUNT, groups(index + 1), [], T1)))
    expect(readdirSync(dir)).toEqual([STATE_FILE_NAME])
    expect(createSyncStore({ dir }).snapshot(ACCOUNT)?.groups).toHaveLength(20)
  })

  it('leaves the previous file whole when a write fails', async () => {
    const store = createSyncStore({ dir })
    await store.recordSync(ACCOUNT, groups(2), [], T1)
    const before = readFileSync(stateFile(), 'utf8')
    // Every temp name of this process is taken by a directory, so the next write cannot even start.
    for (let counter = 0; counter < 5; counter++) mkdirSync(`${stateFile()}.${process.pid}.${counter}.tmp`)
    await expect(store.recordSync(ACCOUNT, groups(3), [], T2)).rejects.toThrow()
    expect(readFileSync(stateFile(), 'utf8')).toBe(before)
    expect(store.snapshot(ACCOUNT)?.groups).toHaveLength(3)
  })

  it('removes temp files left by a crash when it loads', () => {
    writeFileSync(path.join(dir, `${STATE_FILE_NAME}.4242.0.tmp`), '{"half":')
    createSyncStore({ dir })
    expect(readdirSync(dir)).toEqual([])
  })

  it.each([
    ['not JSON', '{"version":1,"accounts":{'],
    ['JSON of the wrong shape', '{"version":1,"accounts":{"a":{"groups":[{"id":7}],"lastSyncAt":"x"}},"history":[]}'],
    ['a version it does not know', '{"version":99,"accounts":{},"history":[]}'],
    ['an empty file', ''],
  ])('moves a corrupt file (%s) aside and starts empty', (_case, content) => {
    writeFileSync(stateFile(), content)
    const store = createSyncStore({ dir, now: () => Date.UTC(2025, 4, 6, 7, 8, 9) })
    expect(store.recoveredFrom).toBe(`${stateFile()}.corrupt-2025-05-06T07-08-09-000Z`)
    expect(readFileSync(store.recoveredFrom!, 'utf8')).toBe(content)
    expect(existsSync(stateFile())).toBe(false)
    expect(store.snapshot('a')).toBeNull()
    expect(store.history()).toEqual([])
  })

  it.each(['en', 'ru', 'de'] as const)('has a notice for the user about a reset history in %s', (language) => {
    const message = createTranslator(language).t(HISTORY_RESET_NOTICE)
    expect(message).not.toBe('historyReset')
    expect(message.length).toBeGreaterThan(40)
  })

  it('says clearly when the state file cannot be read at all', () => {
    mkdirSync(stateFile())
    expect(() => createSyncStore({ dir })).toThrow(/Cannot read the sync state file .*EISDIR/)
  })

  it('carries unchanged groups over from the last snapshot and takes the changed ones', async () => {
    const store = createSyncStore({ dir })
    await store.recordSync(ACCOUNT, groups(3), [], T1)
    const before = store.snapshot(ACCOUNT)?.groups ?? []
    const renamed = group('2', { name: 'Renamed' })
    await store.recordSync(ACCOUNT, [group('1'), renamed, group('3')], [change(ACCOUNT, { kind: 'renamed' })], T2)
    const after = store.snapshot(ACCOUNT)?.groups ?? []
    expect(after).toEqual([group('1'), renamed, group('3')])
    expect([after[0] === before[0], after[1] === renamed, after[2] === before[2]]).toEqual([true, true, true])
  })

  it('writes a file that reads back as the state, change after change', async () => {
    const store = createSyncStore({ dir })
    let list = groups(20)
    for (let round = 1; round <= 5; round++) {
      list = list.map((entry, index) => (index === round ? group(entry.id, { name: `Round ${round}` }) : entry))
      await store.recordSync(ACCOUNT, list, [change(ACCOUNT, { kind: 'renamed' })], T1)
      await store.recordSync(OTHER, groups(round), [], T2)
      await store.markSeen()
      const reread = createSyncStore({ dir })
      expect(reread.snapshot(ACCOUNT)?.groups).toEqual(list)
      expect(reread.snapshot(OTHER)?.groups).toEqual(groups(round))
      expect(reread.history()).toEqual(store.history())
    }
  })

  it('stores a copy, so the caller changing its array changes nothing', async () => {
    const store = createSyncStore({ dir })
    const list = groups(2)
    await store.recordSync(ACCOUNT, list, [], T1)
    list.push(group('99'))
    expect(store.snapshot(ACCOUNT)?.groups).toHaveLength(2)
  })
})

describe('reading the state file at a start', () => {
  it('takes a file this version wrote as it is, without a copy through zod, frozen where zod freezes', async () => {
    const at = '2025-01-01T08:00:00.000Z'
    await createSyncStore({ dir }).recordSync(ACCOUNT, groups(3), [change(ACCOUNT)], T1)
    await createSyncStore({ dir }).recordDetails(ACCOUNT, { at, groups: { '1': details() } }, [])
    const zod = vi.spyOn(stateFileSchema, 'safeParse')
    try {
      const store = createSyncStore({ dir })
      expect(zod).not.toHaveBeenCalled()
      const snapshot = store.snapshot(ACCOUNT)
      expect(snapshot?.groups).toEqual(groups(3))
      expect(snapshot?.details).toEqual({ at, groups: { '1': details() } })
      expect(store.history()).toHaveLength(1)
      expect(Object.isFrozen(snapshot?.groups)).toBe(true)
      expect(Object.isFrozen(snapshot?.details?.groups)).toBe(true)
    } finally {
      zod.mockRestore()
    }
  })

  it('reads through zod a file with more than this version writes, and keeps what zod keeps', async () => {
    await createSyncStore({ dir }).recordSync(ACCOUNT, groups(2), [], T1)
    const file = JSON.parse(readFileSync(stateFile(), 'utf8')) as {
      accounts: Record<string, { groups: Record<string, unknown>[] }>
    }
    ;(file.accounts[ACCOUNT]?.groups[0] as Record<string, unknown>).note = 'added by hand'
    writeFileSync(stateFile(), JSON.stringify(file))
    const zod = vi.spyOn(stateFileSchema, 'safeParse')
    try {
      const store = createSyncStore({ dir })
      expect(zod).toHaveBeenCalledTimes(1)
      expect(store.snapshot(ACCOUNT)?.groups).toEqual(groups(2))
      expect(Object.isFrozen(store.snapshot(ACCOUNT)?.groups)).toBe(true)
    } finally {
      zod.mockRestore()
    }
  })
})

describe('the first write after a start', () => {
  async function written(): Promise<void> {
    const earlier = createSyncStore({ dir })
    await earlier.recordSync(ACCOUNT, groups(50), [change(ACCOUNT)], T1)
    await earlier.recordDetails(ACCOUNT, { at: T1, groups: { '1': details(), '2': details() } }, [])
  }

  /** Records one group renamed, and returns the objects JSON.stringify was asked to encode meanwhile. */
  async function renameOne(store: ReturnType<typeof createSyncStore>): Promise<unknown[]> {
    const renamed = group('2', { name: 'renamed' })
    const list = (store.snapshot(ACCOUNT)?.groups ?? []).map((entry) => (entry.id === '2' ? renamed : entry))
    const stringify = vi.spyOn(JSON, 'stringify')
    try {
      await store.recordSync(ACCOUNT, list, [], T2)
      return stringify.mock.calls.map(([value]) => value).filter((value) => typeof value === 'object' && value)
    } finally {
      stringify.mockRestore()
    }
  }

  it('copies what did not change from the file it read, and encodes only the rest', async () => {
    await written()
    const store = createSyncStore({ dir })
    expect(await renameOne(store)).toEqual([group('2', { name: 'renamed' })])
    expect(createSyncStore({ dir }).snapshot(ACCOUNT)).toEqual(store.snapshot(ACCOUNT))
  })

  it("writes into the buffer it read the file into, so it needs no new one of the file's size", async () => {
    await written()
    const store = createSyncStore({ dir })
    const size = statSync(stateFile()).size
    const allocate = vi.spyOn(Buffer, 'allocUnsafeSlow')
    try {
      await renameOne(store)
      expect(allocate.mock.calls.filter(([bytes]) => bytes >= size)).toEqual([])
    } finally {
      allocate.mockRestore()
    }
    expect(createSyncStore({ dir }).snapshot(ACCOUNT)).toEqual(store.snapshot(ACCOUNT))
  })

  it('does so too after it reads the file again to take the lease', async () => {
    await written()
    const store = createSyncStore({ dir, requireLease: true })
    store.adoptLease(acquireStateLease({ dir, kind: 'app', command: 'test' }))
    expect(await renameOne(store)).toEqual([group('2', { name: 'renamed' })])
    expect(createSyncStore({ dir }).snapshot(ACCOUNT)).toEqual(store.snapshot(ACCOUNT))
  })
})

describe('taking the lease', () => {
  it('keeps what it read when the file is still the one it read: an app start reads it once', async () => {
    await createSyncStore({ dir }).recordSync(ACCOUNT, groups(3), [change(ACCOUNT)], T1)
    const store = createSyncStore({ dir, requireLease: true })
    const read = store.snapshot(ACCOUNT)
    store.adoptLease(acquireStateLease({ dir, kind: 'app', command: 'test' }))
    expect(store.snapshot(ACCOUNT)).toBe(read)
  })

  it('reads the file again when another writer replaced it meanwhile, or there was none', async () => {
    await createSyncStore({ dir }).recordSync(ACCOUNT, groups(3), [], T1)
    const store = createSyncStore({ dir, requireLease: true })
    await createSyncStore({ dir }).recordSync(ACCOUNT, groups(4), [], T2)
    const lease = acquireStateLease({ dir, kind: 'app', command: 'test' })
    store.adoptLease(lease)
    expect(store.snapshot(ACCOUNT)).toEqual({ groups: groups(4), lastSyncAt: T2 })
    lease.release()

    rmSync(stateFile())
    const fresh = createSyncStore({ dir, requireLease: true })
    await createSyncStore({ dir }).recordSync(OTHER, groups(1), [], T1)
    fresh.adoptLease(acquireStateLease({ dir, kind: 'app', command: 'test' }))
    expect(fresh.accountIds()).toEqual([OTHER])
  })

  it('reads the file again when it took something in before it could write it', async () => {
    await createSyncStore({ dir }).recordSync(ACCOUNT, groups(3), [], T1)
    const store = createSyncStore({ dir, requireLease: true })
    await store.recordSync(ACCOUNT, groups(5), [], T2).catch(() => undefined)
    store.adoptLease(acquireStateLease({ dir, kind: 'app', command: 'test' }))
    expect(store.snapshot(ACCOUNT)).toEqual({ groups: groups(3), lastSyncAt: T1 })
  })
})

describe('deferred writes of an unchanged sync', () => {
  it('writes a sync that changed nothing only later, or on flush', async () => {
    const clock = new FakeClock()
    const store = createSyncStore({ dir, clock })
    await store.recordSync(ACCOUNT, groups(2), [], T1)
    await store.recordSync(ACCOUNT, groups(2), [], T2)
    expect(store.snapshot(ACCOUNT)?.lastSyncAt).toBe(T2)
    expect(onDisk().accounts[ACCOUNT]?.lastSyncAt).toBe(T1)
    await store.flush()
    expect(onDisk().accounts[ACCOUNT]?.lastSyncAt).toBe(T2)
  })

  it(`writes it on its own after ${IDLE_WRITE_DELAY_MS / 60_000} minutes`, async () => {
    const clock = new FakeClock()
    const store = createSyncStore({ dir, clock })
    await store.recordSync(ACCOUNT, groups(2), [], T1)
    await store.recordSync(ACCOUNT, groups(2), [], T2)
    await clock.advance(IDLE_WRITE_DELAY_MS - 1)
    expect(onDisk().accounts[ACCOUNT]?.lastSyncAt).toBe(T1)
    await clock.advance(1)
    await vi.waitFor(() => expect(onDisk().accounts[ACCOUNT]?.lastSyncAt).toBe(T2))
    expect(clock.pending()).toEqual([])
  })

  it('writes at once when only a page URL changed', async () => {
    const store = createSyncStore({ dir, clock: new FakeClock() })
    await store.recordSync(ACCOUNT, [group('1')], [], T1)
    await store.recordSync(ACCOUNT, [group('1', { url: 'https://x/1' })], [], T2)
    expect(onDisk().accounts[ACCOUNT]?.lastSyncAt).toBe(T2)
  })
})
