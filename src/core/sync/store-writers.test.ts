// The state file under two writers and a failing disk: no snapshot ever overwrites a newer one, a reader never
// writes, and a write the disk refuses is reported, kept in memory and tried again.
import { open, rename, type FileHandle } from 'node:fs/promises'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { acquireStateLease } from './lease'
import { createSyncStore, StateWriteRefusedError, STATE_FILE_NAME, WRITE_RETRY_DELAY_MS } from './store'
import type { StoreFileSystem, StoreProblem } from './store'
import { STATE_FILE_VERSION } from './store-schema'
import { change } from './test-support/changes'
import { FakeClock } from './test-support/fake-clock'
import { group, groups } from './test-support/groups'
import { tempDirEachTest } from './test-support/temp-dir'

const ACCOUNT = 'acme.bitrix24.com/1'
const T1 = '2025-01-01T09:00:00.000Z'
const T2 = '2025-01-01T09:01:00.000Z'
const T3 = '2025-01-01T09:02:00.000Z'

let dir: string
tempDirEachTest('b24-sync-writers-', (made) => (dir = made))

const onDisk = () => JSON.parse(readFileSync(path.join(dir, STATE_FILE_NAME), 'utf8')) as Record<string, unknown>

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code })
}

/** A file system whose writes fail with `code` while `failing` is true. */
function failingDisk(code: string) {
  const disk = {
    failing: true,
    fs: {
      open: (async (...args: Parameters<typeof open>) => {
        if (disk.failing) throw errno(code)
        return open(...args)
      }) as typeof open,
      rename,
    } satisfies StoreFileSystem,
  }
  return disk
}

describe('two writers of one state file', () => {
  it('counts generations in the file', async () => {
    const store = createSyncStore({ dir })
    await store.recordSync(ACCOUNT, groups(1), [], T1)
    await store.recordSync(ACCOUNT, groups(2), [change(ACCOUNT)], T2)
    expect(onDisk().generation).toBe(2)
    expect(readFileSync(path.join(dir, STATE_FILE_NAME), 'utf8')).toMatch(
      new RegExp(`^\\{"version":${STATE_FILE_VERSION},"generation":2,`),
    )
  })

  it('never writes an older snapshot over a newer one', async () => {
    const early = createSyncStore({ dir })
    const late = createSyncStore({ dir })
    await late.recordSync(ACCOUNT, groups(3), [change(ACCOUNT)], T2)
    await expect(early.recordSync(ACCOUNT, groups(1), [], T1)).rejects.toBeInstanceOf(StateWriteRefusedError)
    await expect(early.flush()).rejects.toBeInstanceOf(StateWriteRefusedError)
    expect(early.problem()).toEqual({ kind: 'newer', dir })
    expect(createSyncStore({ dir }).snapshot(ACCOUNT)?.lastSyncAt).toBe(T2)
  })

  it('refuses to write once another writer took the lease over', async () => {
    const clock = new FakeClock()
    const lease = acquireStateLease({ dir, kind: 'cli', command: 'b24-groups watch', clock: new FakeClock() })
    const store = createSyncStore({ dir, lease, clock })
    await store.recordSync(ACCOUNT, groups(1), [], T1)
    await clock.advance(60_000)
    acquireStateLease({ dir, kind: 'app', command: 'Bitrix24 Groups', clock, isAlive: () => true, pid: 1 })
    await expect(store.recordSync(ACCOUNT, groups(2), [change(ACCOUNT)], T2)).rejects.toBeInstanceOf(
      StateWriteRefusedError,
    )
    expect(store.problem()).toEqual({ kind: 'lease_lost', dir })
    expect(lease.held()).toBe(false)
  })

  it('a reader neither writes, nor moves a corrupt file aside, nor removes temp files', async () => {
    writeFileSync(path.join(dir, STATE_FILE_NAME), '{"version":1,')
    writeFileSync(path.join(dir, `${STATE_FILE_NAME}.9.0.tmp`), 'x')
    const before = readdirSync(dir).sort()
    const reader = createSyncStore({ dir, readOnly: true })
    expect(reader.snapshot(ACCOUNT)).toBeNull()
    await reader.flush()
    expect(readdirSync(dir).sort()).toEqual(before)
  })
})

describe('a disk that refuses writes', () => {
  it.each(['ENOSPC', 'EROFS', 'EACCES'])(
    '%s: reported with the directory, kept in memory, and written once the disk takes it again',
    async (code) => {
      const clock = new FakeClock()
      const disk = failingDisk(code)
      const problems: (StoreProblem | null)[] = []
      const store = createSyncStore({ dir, clock, fs: disk.fs })
      store.onProblem((problem) => problems.push(problem))
      await expect(store.recordSync(ACCOUNT, groups(2), [change(ACCOUNT)], T1)).rejects.toMatchObject({ code })
      await expect(store.recordSync(ACCOUNT, groups(3), [change(ACCOUNT)], T2)).rejects.toMatchObject({ code })
      expect(store.snapshot(ACCOUNT)?.groups).toEqual(groups(3))
      expect(store.unsaved()).toBe(true)
      expect(problems).toEqual([{ kind: 'disk', dir, code }]) // once, not once per write

      disk.failing = false
      await clock.advance(WRITE_RETRY_DELAY_MS)
      expect(problems).toEqual([{ kind: 'disk', dir, code }, null])
      expect(store.unsaved()).toBe(false)
      expect(createSyncStore({ dir }).snapshot(ACCOUNT)?.groups).toEqual(groups(3))
      await store.recordSync(ACCOUNT, groups(4), [change(ACCOUNT)], T3)
    },
  )
})

/** A handle's write as the store calls it: bytes, where in them, how many, where in the file. */
type Write = (buffer: Uint8Array, offset: number, length: number, position: number) => Promise<{ bytesWritten: number }>

/** The real file system, with each handle's writes passed through `write` and its closes counted. */
function watchedDisk(write: (real: Write, ...args: Parameters<Write>) => ReturnType<Write>) {
  const disk = {
    writes: 0,
    opened: 0,
    closed: 0,
    fs: {
      open: (async (...args: Parameters<typeof open>) => {
        const handle = await open(...args)
        disk.opened++
        const real = handle.write.bind(handle) as unknown as Write
        const close = handle.close.bind(handle)
        handle.write = ((...writeArgs: Parameters<Write>) => {
          disk.writes++
          return write(real, ...writeArgs)
        }) as unknown as FileHandle['write']
        handle.close = () => {
          disk.closed++
          return close()
        }
        return handle
      }) as typeof open,
      rename,
    } satisfies StoreFileSystem,
  }
  return disk
}

describe('one write of the state file', () => {
  // 5,000 groups make a file of more than 512 KB, which writeFile writes a chunk per call.
  const many = groups(5_000)

  it('writes the whole file in one call however large it is', async () => {
    const disk = watchedDisk((real, ...args) => real(...args))
    const store = createSyncStore({ dir, fs: disk.fs })
    await store.recordSync(ACCOUNT, many, [change(ACCOUNT)], T1)
    expect(readFileSync(path.join(dir, STATE_FILE_NAME)).length).toBeGreaterThan(512 * 1024)
    expect(disk.writes).toBe(1)
    expect(createSyncStore({ dir }).snapshot(ACCOUNT)?.groups).toEqual(many)
  })

  it('asks a system that takes part of the bytes for the rest, from where it stopped', async () => {
    const disk = watchedDisk((real, buffer, offset, length, position) =>
      real(buffer, offset, Math.min(length, 100_000), position),
    )
    const store = createSyncStore({ dir, fs: disk.fs })
    await store.recordSync(ACCOUNT, many, [change(ACCOUNT)], T1)
    expect(disk.writes).toBeGreaterThan(5)
    expect(createSyncStore({ dir }).snapshot(ACCOUNT)?.groups).toEqual(many)
  })

  it('fails the write, as a full disk would, when the system takes none of the bytes', async () => {
    await createSyncStore({ dir }).recordSync(ACCOUNT, groups(1), [], T1)
    const disk = watchedDisk(async () => ({ bytesWritten: 0 }))
    const store = createSyncStore({ dir, fs: disk.fs })
    await expect(store.recordSync(ACCOUNT, groups(2), [change(ACCOUNT)], T2)).rejects.toMatchObject({ code: 'EIO' })
    expect(store.problem()).toEqual({ kind: 'disk', dir, code: 'EIO' })
    expect(disk.closed).toBe(disk.opened)
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(createSyncStore({ dir }).snapshot(ACCOUNT)?.groups).toEqual(groups(1))
  })

  it('opens the temporary file before it serialises the state, so the two overlap', async () => {
    const stringify = vi.spyOn(JSON, 'stringify')
    let serialisedAtOpen = -1
    try {
      const disk = watchedDisk((real, ...args) => real(...args))
      const opening = disk.fs.open
      disk.fs.open = (async (...args: Parameters<typeof open>) => {
        serialisedAtOpen = stringify.mock.calls.length
        return opening(...args)
      }) as typeof open
      const store = createSyncStore({ dir, fs: disk.fs })
      stringify.mockClear()
      await store.recordSync(ACCOUNT, groups(3), [change(ACCOUNT)], T1)
      // The new groups and change are each encoded once, all of it after the open was asked for.
      expect(serialisedAtOpen).toBe(0)
      expect(stringify.mock.calls.length).toBeGreaterThan(0)
    } finally {
      stringify.mockRestore()
    }
  })

  it('closes the file it opened when serialising the state fails', async () => {
    const real = JSON.stringify
    const stringify = vi.spyOn(JSON, 'stringify').mockImplementation((value, ...rest) => {
      if ((value as { id?: unknown } | null)?.id === 'boom') throw new Error('cannot encode')
      return real(value, ...(rest as []))
    })
    try {
      const disk = watchedDisk((write, ...args) => write(...args))
      const store = createSyncStore({ dir, fs: disk.fs })
      await expect(store.recordSync(ACCOUNT, [group('boom')], [], T1)).rejects.toThrow('cannot encode')
      expect(disk.opened).toBe(1)
      expect(disk.closed).toBe(1)
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
    } finally {
      stringify.mockRestore()
    }
  })
})
