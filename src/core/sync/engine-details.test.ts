// Group details in the engine: fetched after a good membership sync, at most every DETAILS_REFRESH_SECONDS and at once
// for new groups, kept (and persisted) beside the groups; a failure never touches the membership sync; archived and
// restored are reported only between two known details.
import type { GroupDetails } from '@shared/model/details'
import { DETAILS_REFRESH_SECONDS } from '@shared/model/values'
import { BitrixError } from '../bitrix'
import { createSyncStore } from './store'
import { clientError } from './test-support/fake-client'
import { ACME, appRunsEachTest } from './test-support/engine-harness'
import { group, groups } from './test-support/groups'

const REFRESH_MS = DETAILS_REFRESH_SECONDS * 1000

function details(overrides: Partial<GroupDetails> = {}): GroupDetails {
  return {
    type: 'group',
    archived: false,
    memberCount: 5,
    activityAt: null,
    projectStart: null,
    projectFinish: null,
    pendingRequests: null,
    ...overrides,
  }
}

const app = appRunsEachTest('b24-sync-details-')
const { quit } = app
const run = (portalGroups = groups(3), portalDetails: Record<string, GroupDetails> = {}) =>
  app.run(portalGroups, portalDetails)

describe('fetching details', () => {
  it('asks for the member groups after the first sync, with their roles, and keeps what comes back', async () => {
    const h = await run([group('1'), group('2', { roleCode: 'A', role: 'owner' })], {
      '1': details(),
      '2': details({ type: 'project', pendingRequests: 2 }),
    })
    expect(h.client().detailsCalls).toEqual([['1', '2']])
    expect(h.engine.groupDetails(ACME)).toEqual({
      '1': details(),
      '2': details({ type: 'project', pendingRequests: 2 }),
    })
    expect(h.of('details')).toEqual([[{ accountId: ACME, details: h.engine.groupDetails(ACME) }]])
  })

  it('fetches them again only after DETAILS_REFRESH_SECONDS, however often memberships are polled', async () => {
    const h = await run(groups(2), { '1': details(), '2': details() })
    for (let elapsed = 60_000; elapsed < REFRESH_MS; elapsed += 60_000) await h.clock.advance(60_000)
    expect(h.client().calls).toBe(REFRESH_MS / 60_000)
    expect(h.client().detailsCalls).toHaveLength(1)
    await h.clock.advance(60_000)
    expect(h.client().detailsCalls).toHaveLength(2)
  })

  it('fetches them at once when a new group appears in the member list', async () => {
    const h = await run(groups(2), { '1': details(), '2': details(), '3': details({ type: 'scrum' }) })
    h.client().current = groups(3)
    await h.clock.advance(60_000)
    expect(h.client().detailsCalls).toEqual([
      ['1', '2'],
      ['1', '2', '3'],
    ])
    expect(h.engine.groupDetails(ACME)['3']?.type).toBe('scrum')
  })

  it('does not ask again for a group the portal did not list, until the refresh is due', async () => {
    const h = await run(groups(2), { '1': details() })
    await h.clock.advance(60_000)
    await h.clock.advance(60_000)
    expect(h.client().detailsCalls).toHaveLength(1)
    expect(Object.keys(h.engine.groupDetails(ACME))).toEqual(['1'])
  })

  it('keeps them with the snapshot, so a restart shows them before any fetch and does not fetch them early', async () => {
    await quit(await run(groups(2), { '1': details({ memberCount: 12 }), '2': details() }))
    const store = createSyncStore({ dir: app.dir, readOnly: true })
    expect(store.snapshot(ACME)?.details?.groups['1']?.memberCount).toBe(12)

    const second = await run(groups(2), { '1': details({ memberCount: 12 }), '2': details() })
    expect(second.client().detailsCalls).toEqual([])
    expect(second.engine.groupDetails(ACME)['1']?.memberCount).toBe(12)
  })
})

describe('a details failure', () => {
  it('leaves the membership sync alone: its changes, an ok state, and the error in detailsError only', async () => {
    const h = await run(groups(2), { '1': details(), '2': details() })
    h.events.length = 0
    h.client().current = groups(3)
    h.client().detailsQueue.push(clientError('server', 'INTERNAL_SERVER_ERROR'))
    await h.clock.advance(60_000)
    expect(h.onlyChanges()[0].map((change) => change.kind)).toEqual(['joined'])
    const status = h.engine.statuses()[0]
    expect(status).toMatchObject({ state: 'ok', error: null, detailsError: { code: 'INTERNAL_SERVER_ERROR' } })
    expect(h.of('error')).toEqual([])
    // The last good details stay.
    expect(Object.keys(h.engine.groupDetails(ACME))).toEqual(['1', '2'])
    expect(h.client().calls).toBe(2)
  })

  it('says which scope to tick when the webhook lacks socialnetwork, and clears once details come', async () => {
    const h = app.harness()
    h.client().current = groups(1)
    h.client().detailsQueue.push(
      new BitrixError({ code: 'insufficient_scope', status: 403, messageKey: 'detailsScope' }),
    )
    h.engine.start()
    await h.settle()
    expect(h.engine.statuses()[0]).toMatchObject({ state: 'ok', groupCount: 1 })
    const detailsError = h.engine.statuses()[0]?.detailsError
    expect(detailsError).toMatchObject({ code: 'insufficient_scope', kind: 'scope', messageKey: 'errors:detailsScope' })
    expect(detailsError?.message).toContain('socialnetwork')
    h.client().details = { '1': details() }
    await h.clock.advance(REFRESH_MS)
    expect(h.engine.statuses()[0]?.detailsError).toBeNull()
  })

  it('asks again at once after new credentials, which may carry the scope', async () => {
    const h = await run(groups(1))
    h.accounts = [{ id: ACME, enabled: true, credentialsVersion: 2 }]
    h.notify()
    await h.settle()
    expect(h.client().detailsCalls).toHaveLength(2)
  })
})

describe('archived and restored', () => {
  it('are reported when known details of a group change their archive flag, and kept in the history', async () => {
    const h = await run(groups(3), { '1': details(), '2': details({ archived: true }), '3': details() })
    h.events.length = 0
    h.client().details = { '1': details({ archived: true }), '2': details(), '3': details() }
    await h.clock.advance(REFRESH_MS)
    const [changes, meta] = h.onlyChanges()
    expect(meta).toEqual({ accountId: ACME, whileAway: false })
    expect(changes.map((change) => [change.kind, change.group.id, change.from, change.to])).toEqual([
      ['archived', '1', false, true],
      ['restored', '2', true, false],
    ])
    expect(
      h.engine
        .history()
        .slice(0, 2)
        .map((change) => change.kind),
    ).toEqual(['archived', 'restored'])
  })

  it('are not reported for the first details, nor for a group that had none before', async () => {
    const h = await run(groups(2), { '1': details({ archived: true }) })
    h.client().details = { '1': details({ archived: true }), '2': details({ archived: true }) }
    await h.clock.advance(REFRESH_MS)
    expect(h.of('changes')).toEqual([])
  })

  it('found by the first details fetch after a restart are marked while away', async () => {
    const first = await run(groups(1), { '1': details() })
    await first.clock.advance(1000)
    await quit(first)
    const second = app.harness()
    second.client().current = groups(1)
    second.client().details = { '1': details({ archived: true }) }
    // Long enough after the last fetch for the refresh to be due.
    await second.clock.advance(REFRESH_MS * 2)
    second.engine.start()
    await second.settle()
    const [changes, meta] = second.onlyChanges()
    expect([changes[0]?.kind, meta.whileAway]).toEqual(['archived', true])
  })
})
