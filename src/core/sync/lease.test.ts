import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import {
  acquireStateLease,
  describeLeaseHolder,
  LEASE_FILE_NAME,
  LEASE_HEARTBEAT_MS,
  LEASE_STALE_MS,
  StateLeaseHeldError,
  waitForStateLease,
  type LeaseOptions,
} from './lease'
import { FakeClock } from './test-support/fake-clock'
import { tempDirEachTest } from './test-support/temp-dir'

let dir: string
let clock: FakeClock
tempDirEachTest('b24-lease-', (made) => (dir = made))
beforeEach(() => {
  clock = new FakeClock()
})

const options = (overrides: Partial<LeaseOptions> = {}): LeaseOptions => ({
  dir,
  kind: 'cli',
  command: 'b24-groups watch',
  clock,
  host: 'here',
  isAlive: () => true,
  ...overrides,
})

function heldError(run: () => unknown): StateLeaseHeldError {
  try {
    run()
  } catch (error) {
    if (error instanceof StateLeaseHeldError) return error
    throw error
  }
  throw new Error('expected the lease to be held')
}

describe('the state lease', () => {
  it('names its owner in the lock file', () => {
    const lease = acquireStateLease(options({ pid: 4242 }))
    const onDisk = JSON.parse(readFileSync(path.join(dir, LEASE_FILE_NAME), 'utf8')) as Record<string, unknown>
    expect(onDisk).toMatchObject({ kind: 'cli', command: 'b24-groups watch', pid: 4242, host: 'here' })
    expect(lease.held()).toBe(true)
  })

  it('refuses a second writer and says who holds the directory', () => {
    acquireStateLease(options({ kind: 'app', command: 'Bitrix24 Groups', pid: 77 }))
    const error = heldError(() => acquireStateLease(options({ pid: 78 })))
    expect(error.holder).toMatchObject({ kind: 'app', pid: 77 })
    expect(describeLeaseHolder(error.holder)).toMatch(/^Bitrix24 Groups \(pid 77 on here, since .+\)$/)
  })

  it('keeps the lease through its heartbeat while time passes', async () => {
    acquireStateLease(options({ pid: 77 }))
    await clock.advance(10 * LEASE_STALE_MS)
    expect(heldError(() => acquireStateLease(options({ pid: 78 }))).holder?.pid).toBe(77)
  })

  it('takes over a lease whose heartbeat stopped, and the old owner learns it lost the lease', async () => {
    const first = acquireStateLease(options({ pid: 77, clock: new FakeClock(clock.now()) }))
    const lost: string[] = []
    first.onLost(() => lost.push('first'))
    await clock.advance(LEASE_STALE_MS + 1)
    const second = acquireStateLease(options({ pid: 78 }))
    expect(second.held()).toBe(true)
    expect(first.confirm()).toBe(false)
    expect(lost).toEqual(['first'])
  })

  it('takes over at once from a process of this host that is gone', () => {
    acquireStateLease(options({ pid: 77 }))
    const second = acquireStateLease(options({ pid: 78, isAlive: (pid) => pid !== 77 }))
    expect(second.owner.pid).toBe(78)
  })

  it('does not take over from a live process of another host before its heartbeat is stale', () => {
    acquireStateLease(options({ pid: 77, host: 'elsewhere' }))
    expect(heldError(() => acquireStateLease(options({ pid: 78, isAlive: () => false }))).holder?.host).toBe(
      'elsewhere',
    )
  })

  it('treats an unreadable lock file as held until it is old', async () => {
    writeFileSync(path.join(dir, LEASE_FILE_NAME), '{"half')
    expect(heldError(() => acquireStateLease(options())).holder).toBeNull()
    const later = new FakeClock(Date.now() + LEASE_STALE_MS + 1_000)
    expect(acquireStateLease(options({ clock: later })).held()).toBe(true)
  })

  it('removes the lock file on release, so the next writer starts at once', () => {
    const lease = acquireStateLease(options())
    lease.release()
    expect(existsSync(path.join(dir, LEASE_FILE_NAME))).toBe(false)
    expect(acquireStateLease(options({ pid: 79 })).held()).toBe(true)
  })

  it('waits and retries while another writer holds it (the app), then takes it', async () => {
    const first = acquireStateLease(options({ pid: 77 }))
    const waits: number[] = []
    const second = waitForStateLease(options({ pid: 78 }), { onWaiting: (error) => waits.push(error.holder?.pid ?? 0) })
    await clock.advance(LEASE_HEARTBEAT_MS * 2)
    expect(waits).toEqual([77]) // once per holder, not at every try
    first.release()
    await clock.advance(LEASE_HEARTBEAT_MS)
    expect((await second)?.owner.pid).toBe(78)
  })
})
