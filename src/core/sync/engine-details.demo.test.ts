// The engine, the real client and the demo portal: a details request that fails during a good membership poll leaves
// the poll's changes and state alone, and the missing socialnetwork scope is an ErrorView that names it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { MembershipChange } from '@shared/types'
import { createBitrixClient, createRateLimiterRegistry, parseWebhookUrl } from '../bitrix'
import { startDemoPortal, type DemoPortal } from '../demo'
import type { SyncEngine } from './engine'
import { createSyncStore } from './store'
import { drivenEngine } from './test-support/driven-engine'

const ACCOUNT = 'demo/1'

let portal: DemoPortal
let dir: string
let engine: SyncEngine | null = null
beforeEach(async () => {
  portal = await startDemoPortal({
    rateLimit: false,
    users: { '1': [{ id: '7', name: 'Launch', role: 'A', details: { type: 'project', pendingRequests: 1 } }] },
  })
  dir = mkdtempSync(path.join(tmpdir(), 'b24-details-demo-'))
})
afterEach(async () => {
  await engine?.stop()
  engine = null
  await portal.close()
  rmSync(dir, { recursive: true, force: true })
})

function engineOn(webhookUrl: string) {
  const client = createBitrixClient({
    credentials: parseWebhookUrl(webhookUrl, { allowHttp: true }),
    maxAttempts: 1,
    rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1000, burst: 1000 }),
  })
  // Every poll is due for details, so each one asks.
  engine = drivenEngine(ACCOUNT, client, createSyncStore({ dir }), { detailsRefreshMs: 0 })
  const changes: MembershipChange[] = []
  engine.on('changes', (found) => changes.push(...found))
  engine.start()
  return { engine, changes }
}

it('reports the membership change of a poll whose details request fails, and keeps the last details', async () => {
  const { engine, changes } = engineOn(portal.webhookUrl('1'))
  await engine.refresh()
  expect(engine.groupDetails(ACCOUNT)['7']).toMatchObject({ type: 'project', pendingRequests: 1 })
  portal.control.setMemberships('1', [
    ...portal.control.getMemberships('1'),
    { id: '9', name: 'New', role: 'K', details: { type: 'group' } },
  ])
  // The membership request passes; the details list that follows gets a server error.
  portal.control.injectFaults([
    { type: 'delay', ms: 0 },
    { type: 'error', code: 'INTERNAL_SERVER_ERROR' },
  ])
  await engine.refresh()
  expect(changes.map((change) => [change.kind, change.group.id])).toEqual([['joined', '9']])
  expect(engine.statuses()[0]).toMatchObject({
    state: 'ok',
    error: null,
    groupCount: 2,
    detailsError: { code: 'INTERNAL_SERVER_ERROR', kind: 'server' },
  })
  expect(Object.keys(engine.groupDetails(ACCOUNT))).toEqual(['7'])
  await engine.refresh()
  expect(engine.statuses()[0]?.detailsError).toBeNull()
  expect(engine.groupDetails(ACCOUNT)['9']?.type).toBe('group')
})

it('says which scope to tick on a webhook without socialnetwork, and syncs the groups all the same', async () => {
  const { engine } = engineOn(portal.control.createWebhook('1', { scopes: ['sonet_group'] }))
  await engine.refresh()
  const [status] = engine.statuses()
  expect(status).toMatchObject({ state: 'ok', groupCount: 1, error: null })
  expect(status?.detailsError).toMatchObject({ code: 'insufficient_scope', kind: 'scope' })
  expect(status?.detailsError?.message).toContain('tick "socialnetwork"')
  expect(engine.groupDetails(ACCOUNT)).toEqual({})
})
