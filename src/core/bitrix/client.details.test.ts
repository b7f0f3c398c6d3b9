// Group details: one filtered, paged workgroup list and batches of workgroup.get for owners and moderators, both key
// spellings, a missing TYPE, the missing scope, bad fields, and every request through the portal's limiter.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Role } from '@shared/types'
import { startDemoPortal, type DemoGroup, type DemoPortal } from '../demo'
import { launchDetails, launchProject } from '../demo/test-support'
import { createBitrixClient, DETAILS_LIST_METHOD } from './client'
import { parseWebhookUrl } from './credentials'
import { createRateLimiterRegistry } from './rate-limiter'
import { startRawServer, type RawServer } from './test-support/raw-server'
import type { RateLimiterRegistry } from './types'
import { failureOf, webhookTestClient } from './test-support/client'

let demo: DemoPortal | null = null
let server: RawServer | null = null
afterEach(async () => {
  await demo?.close()
  await server?.close()
  demo = null
  server = null
})

const clientFor = webhookTestClient

const PROJECT = launchProject('7', 3)
const OLD: DemoGroup = { id: '5', name: 'Old', role: 'K', details: { archived: true, memberCount: 4 } }
const asked = (groups: DemoGroup[], role: Role = 'member') =>
  groups.map((group) => ({ id: group.id, role: group.role === 'A' ? 'owner' : role }))

const PROJECT_DETAILS = launchDetails(3)
const OLD_DETAILS = {
  type: null,
  archived: true,
  memberCount: 4,
  activityAt: null,
  projectStart: null,
  projectFinish: null,
  pendingRequests: null,
}

describe('getGroupDetails against the demo portal', () => {
  it.each(['upper', 'camel'] as const)(
    'reads %s keys alike: a missing TYPE is null, pending requests only for the owned group',
    async (style) => {
      demo = await startDemoPortal({ rateLimit: false, detailsKeyStyle: style, users: { '1': [PROJECT, OLD] } })
      const result = await clientFor(demo.webhookUrl('1')).getGroupDetails(asked([PROJECT, OLD]))
      expect(result.details).toEqual({ '7': PROJECT_DETAILS, '5': OLD_DETAILS })
      expect(demo.control.stats().byMethod).toEqual({ [DETAILS_LIST_METHOD]: 1, batch: 1 })
      expect(result.requests).toBe(2)
    },
  )

  it('takes ceil(n/50) list pages and ceil(m/50) batches for n groups of which m are managed', async () => {
    const many: DemoGroup[] = Array.from({ length: 120 }, (_, index) => ({
      id: String(index + 1),
      name: `G${index + 1}`,
      role: index < 60 ? 'E' : 'K',
      details: { type: 'group', pendingRequests: index },
    }))
    // Another user's groups are on the portal but not asked for: the filter keeps them out.
    demo = await startDemoPortal({
      rateLimit: false,
      users: { '1': many, '2': [{ id: '500', name: 'Other', role: 'K' }] },
    })
    const result = await clientFor(demo.webhookUrl('1')).getGroupDetails(
      many.map((group) => ({ id: group.id, role: group.role === 'E' ? 'moderator' : 'member' })),
    )
    expect(Object.keys(result.details)).toHaveLength(120)
    expect(result.details['60']?.pendingRequests).toBe(59)
    expect(result.details['61']?.pendingRequests).toBeNull()
    expect(demo.control.stats().byMethod).toEqual({ [DETAILS_LIST_METHOD]: 3, batch: 2 })
  })

  it('asks for nothing when there are no groups', async () => {
    demo = await startDemoPortal({ rateLimit: false })
    expect(await clientFor(demo.webhookUrl('1')).getGroupDetails([])).toEqual({ details: {}, requests: 0 })
    expect(demo.control.stats().requests).toBe(0)
  })

  it('fails without the socialnetwork scope with a scope error that names it, while memberships still load', async () => {
    demo = await startDemoPortal({ rateLimit: false, users: { '1': [PROJECT] } })
    const client = clientFor(demo.control.createWebhook('1', { scopes: ['sonet_group'] }))
    const error = await failureOf(client.getGroupDetails(asked([PROJECT])))
    expect(error).toMatchObject({ code: 'insufficient_scope', kind: 'scope', messageKey: 'errors:detailsScope' })
    expect((await client.getUserGroups()).groups).toHaveLength(1)
  })

  it('waits for the same per-portal limiter as the membership polls', async () => {
    demo = await startDemoPortal({ rateLimit: false, users: { '1': [PROJECT] } })
    const acquired: string[] = []
    const base = createRateLimiterRegistry({ drainPerSecond: 1000, burst: 1000 })
    const limiter: RateLimiterRegistry = {
      acquire: async (origin, signal) => {
        acquired.push(origin)
        await base.acquire(origin, signal)
      },
      penalize: (origin) => base.penalize(origin),
      configure: (origin, figures) => base.configure(origin, figures),
    }
    const client = clientFor(demo.webhookUrl('1'), { rateLimiters: limiter })
    await client.getUserGroups()
    await client.getGroupDetails(asked([PROJECT]))
    expect(acquired).toEqual([demo.origin, demo.origin, demo.origin])
  })
})

describe('getGroupDetails against a raw portal', () => {
  type Reply = (body: Record<string, unknown>, method: string) => unknown
  async function rawPortal(reply: Reply) {
    server = await startRawServer((req: IncomingMessage, res: ServerResponse, body: string) => {
      const method = (req.url ?? '').split('/').pop() ?? ''
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(reply(JSON.parse(body || '{}') as Record<string, unknown>, method)))
    })
    return createBitrixClient({
      credentials: parseWebhookUrl(`${server.origin}/rest/1/abcdef123/`, { allowHttp: true }),
      allowHttp: true,
      rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1000, burst: 1000 }),
      sleep: async () => {},
    })
  }

  it('follows next until it ends, sending the same filter and select with each start', async () => {
    const client = await rawPortal((body) => {
      const start = Number(body.start ?? 0)
      const workgroups = start === 0 ? [{ id: '1', type: 'group' }] : [{ ID: 2, TYPE: 'scrum', CLOSED: 'Y' }]
      return { result: { workgroups }, total: 2, ...(start === 0 ? { next: 1 } : {}) }
    })
    const result = await client.getGroupDetails([
      { id: '1', role: 'member' },
      { id: '2', role: 'member' },
    ])
    expect([result.details['1']?.type, result.details['2']?.type, result.details['2']?.archived]).toEqual([
      'group',
      'scrum',
      true,
    ])
    const bodies = server?.requests.map((request) => JSON.parse(request.body) as Record<string, unknown>)
    expect(bodies?.map((body) => body.start)).toEqual([undefined, 1])
    expect(bodies?.[1]).toMatchObject({
      filter: { ID: ['1', '2'] },
      select: expect.arrayContaining(['TYPE', 'CLOSED']),
    })
  })

  it('sends one batch of workgroup.get with COUNTERS, and a failed command leaves only that count unknown', async () => {
    const client = await rawPortal((body, method) =>
      method === 'batch'
        ? {
            result: {
              result: { g7: { ID: 7, COUNTERS: { workgroup_requests_in: '2', workgroup_requests_out: 0 } } },
              result_error: { g8: { error: 'SONET_CONTROLLER_WORKGROUP_NOT_FOUND', error_description: 'x' } },
              result_total: [],
              result_next: [],
              result_time: [],
            },
          }
        : { result: { workgroups: [{ ID: '7' }, { ID: '8' }] }, total: 2 },
    )
    const result = await client.getGroupDetails([
      { id: '7', role: 'owner' },
      { id: '8', role: 'moderator' },
    ])
    expect([result.details['7']?.pendingRequests, result.details['8']?.pendingRequests]).toEqual([2, null])
    const batchBody = JSON.parse(server?.requests[1]?.body ?? '{}') as { cmd: Record<string, string> }
    expect(batchBody.cmd.g7).toBe(
      'socialnetwork.api.workgroup.get?params%5BgroupId%5D=7&params%5Bselect%5D%5B%5D=COUNTERS',
    )
  })

  it.each([
    ['a count that is not one', { ID: '7', NUMBER_OF_MEMBERS: 'many' }, 'NUMBER_OF_MEMBERS'],
    ['a date that is not ISO', { ID: '7', DATE_ACTIVITY: '17.04.2025 19:40:48' }, 'DATE_ACTIVITY'],
    ['a CLOSED that is not Y or N', { ID: '7', CLOSED: 'maybe' }, 'CLOSED'],
    ['an item without an id', { NAME: 'x' }, 'ID'],
    ['a TYPE that is not text', { ID: '7', TYPE: 5 }, 'TYPE'],
  ])('refuses %s with a protocol error naming the field', async (_name, item, field) => {
    const client = await rawPortal(() => ({ result: { workgroups: [item] }, total: 1 }))
    const error = await failureOf(client.getGroupDetails([{ id: '7', role: 'member' }]))
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', kind: 'protocol', reason: 'shape' })
    expect(error.message).toContain(`result.workgroups.0.${field}`)
  })

  it('refuses an answer without workgroups, and one whose next does not advance', async () => {
    const shapeless = await rawPortal(() => ({ result: { groups: [] } }))
    expect(await failureOf(shapeless.getGroupDetails([{ id: '7', role: 'member' }]))).toMatchObject({
      reason: 'shape',
    })
    await server?.close()
    const looping = await rawPortal(() => ({ result: { workgroups: [] }, next: 0 }))
    expect(await failureOf(looping.getGroupDetails([{ id: '7', role: 'member' }]))).toMatchObject({
      reason: 'paging',
    })
  })

  it('reads an unknown TYPE as none and an empty list answered as [] as no groups', async () => {
    const client = await rawPortal((body) =>
      body.start ? { result: [] } : { result: { workgroups: [{ ID: '7', TYPE: 'hub' }] }, next: 50 },
    )
    const result = await client.getGroupDetails([{ id: '7', role: 'member' }])
    expect(result.details['7']?.type).toBeNull()
  })
})
