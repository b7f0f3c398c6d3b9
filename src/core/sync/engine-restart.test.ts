import { readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { STATE_FILE_NAME } from './store'
import { clientError } from './test-support/fake-client'
import { ACME, appRunsEachTest } from './test-support/engine-harness'
import { group, groups } from './test-support/groups'

/** Runs of the app over one state directory, one after another as restarts are. */
const app = appRunsEachTest('b24-sync-restart-')
const { run, quit } = app

describe('after a restart', () => {
  it('reports what changed while the app was not running, marked whileAway', async () => {
    await quit(await run([group('1'), group('2'), group('3', { roleCode: 'K' })]))

    const second = await run([group('2'), group('3', { roleCode: 'E', role: 'moderator' }), group('4')])
    const [changes, meta] = second.onlyChanges()
    expect(meta).toEqual({ accountId: ACME, whileAway: true })
    expect(changes.map((change) => [change.kind, change.group.id, change.whileAway])).toEqual([
      ['joined', '4', true],
      ['left', '1', true],
      ['role_changed', '3', true],
    ])
    expect(second.of('synced')[0]?.[0].baseline).toBe(false)

    second.client().current = [...second.client().current, group('5')]
    await second.engine.refresh()
    expect(second.of('changes')[1]?.[1]).toEqual({ accountId: ACME, whileAway: false })
  })

  it('reports nothing when nothing changed meanwhile', async () => {
    await quit(await run(groups(3)))
    const second = await run(groups(3))
    expect(second.of('changes')).toEqual([])
    expect(second.of('synced')[0]?.[0]).toMatchObject({ baseline: false, groupCount: 3 })
  })

  it('shows the stored groups and sync time before the first sync of the new run', async () => {
    const first = await run(groups(3))
    const lastSyncAt = first.engine.statuses()[0]?.lastSyncAt
    await quit(first)
    const h = app.harness()
    expect(h.engine.groups(ACME)).toEqual(groups(3))
    h.engine.start()
    expect(h.engine.statuses()[0]).toMatchObject({ lastSyncAt, groupCount: 3 })
  })

  it("gives the client the stored groups, so that a fresh client's first list can keep their objects", async () => {
    await quit(await run(groups(3)))
    const second = await run(groups(3))
    expect(second.client().storedGiven[0]).toEqual(groups(3))
    // The very list the store read, which an unchanged poll keeps.
    expect(second.client().storedGiven[0]).toBe(second.engine.groups(ACME))
  })

  it('still marks changes whileAway when the first poll of the new run failed', async () => {
    await quit(await run(groups(2)))
    const h = app.harness()
    h.client().queue.push(clientError('network', 'NETWORK'))
    h.client().current = groups(3)
    h.engine.start()
    await h.clock.advance(30_000)
    expect(h.of('changes')[0]?.[1]).toEqual({ accountId: ACME, whileAway: true })
  })

  it('keeps the history and its seen marks', async () => {
    const first = await run(groups(2))
    first.client().current = groups(4)
    await first.engine.refresh()
    await first.engine.markSeen([first.engine.history()[0]!.id])
    await quit(first)
    const second = app.harness()
    expect(second.engine.history().map((change) => [change.kind, change.group.id, change.seen])).toEqual([
      ['joined', '3', true],
      ['joined', '4', false],
    ])
  })

  it('treats a corrupt state file as no snapshot: the next good sync is a silent baseline', async () => {
    await quit(await run(groups(5)))
    writeFileSync(path.join(app.dir, STATE_FILE_NAME), '{"version":1,"accounts":{"acme.bitrix24.com/1":{"gro')
    const h = await run(groups(2))
    expect(h.store.recoveredFrom).toMatch(/sync-state\.json\.corrupt-/)
    expect(readdirSync(app.dir).some((name) => name.includes('.corrupt-'))).toBe(true)
    expect(h.of('changes')).toEqual([])
    expect(h.of('synced')[0]?.[0]).toMatchObject({ baseline: true, groupCount: 2 })
  })

  it('writes a sync that changed nothing on a clean quit', async () => {
    const first = await run(groups(2))
    await first.clock.advance(60_000)
    const lastSyncAt = first.engine.statuses()[0]?.lastSyncAt
    await quit(first)
    const second = app.harness()
    second.engine.start()
    expect(second.engine.statuses()[0]?.lastSyncAt).toBe(lastSyncAt)
  })
})
