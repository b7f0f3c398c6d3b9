// A list is complete only when its pages agree: they add up to `total`, `total` stays put, no id comes twice.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { startRawServer, type RawServer } from './test-support/raw-server'
import type { BitrixClientOptions } from './types'
import { failureOf, webhookTestClient } from './test-support/client'

let server: RawServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const item = (id: number) => ({ GROUP_ID: String(id), GROUP_NAME: `G${id}`, ROLE: 'K' })
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => item(from + i))

type Page = { result: unknown[]; total?: number; next?: number }
/** Serves the pages `answer(fetch, start)` names; `fetch` counts whole lists (a request without `start`). */
async function pagingPortal(answer: (fetch: number, start: number) => Page) {
  let fetches = 0
  server = await startRawServer((_req: IncomingMessage, res: ServerResponse, body: string) => {
    const start = Number((JSON.parse(body || '{}') as { start?: number }).start ?? 0)
    if (start === 0) fetches++
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(answer(fetches, start)))
  })
  return { fetches: () => fetches, requests: () => server?.requests.length ?? 0 }
}

function client(options: Partial<BitrixClientOptions> = {}) {
  return webhookTestClient(`${server?.origin}/rest/1/abcdef123/`, options)
}

describe('paging that does not add up', () => {
  it('refuses a list whose last page comes back empty while total says more, after fetching it again', async () => {
    const portal = await pagingPortal((_fetch, start) =>
      start === 0 ? { result: ids(1, 2), total: 4, next: 2 } : { result: [], total: 4 },
    )
    const error = await failureOf(client().getUserGroups())
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', reason: 'inconsistent_list' })
    expect(portal.fetches()).toBe(2)
  })

  it('takes the second fetch when a group was removed between the pages of the first', async () => {
    const portal = await pagingPortal((fetch, start) => {
      if (fetch === 1) return start === 0 ? { result: ids(1, 2), total: 4, next: 2 } : { result: ids(4, 4), total: 3 }
      return start === 0 ? { result: ids(1, 2), total: 3, next: 2 } : { result: ids(4, 4), total: 3 }
    })
    const { groups } = await client().getUserGroups()
    expect(groups.map((group) => group.id)).toEqual(['1', '2', '4'])
    expect(portal.fetches()).toBe(2)
  })

  it('refuses a list in which an id comes on two pages', async () => {
    await pagingPortal((_fetch, start) =>
      start === 0 ? { result: ids(1, 2), total: 4, next: 2 } : { result: [item(2), item(3)], total: 4 },
    )
    expect(await failureOf(client().getUserGroups())).toMatchObject({ reason: 'inconsistent_list' })
  })

  it('stops at total when next keeps advancing, instead of paging for minutes', async () => {
    const portal = await pagingPortal((_fetch, start) => ({
      result: ids(start + 1, start + 2),
      total: 4,
      next: start + 2,
    }))
    expect(await failureOf(client().getUserGroups())).toMatchObject({ reason: 'inconsistent_list' })
    expect(portal.requests()).toBe(4) // two pages, twice
  })

  it('stops paging after two minutes even without a total', async () => {
    let now = 1_800_000_000_000
    const portal = await pagingPortal((_fetch, start) => {
      now += 30_000
      return { result: ids(start + 1, start + 2), next: start + 2 }
    })
    expect(await failureOf(client({ now: () => now }).getUserGroups())).toMatchObject({ reason: 'inconsistent_list' })
    expect(portal.requests()).toBeLessThanOrEqual(2 * 6)
  })

  it('accepts pages that agree', async () => {
    await pagingPortal((_fetch, start) =>
      start === 0 ? { result: ids(1, 2), total: 3, next: 2 } : { result: ids(3, 3), total: 3 },
    )
    expect((await client().getUserGroups()).groups.map((group) => group.id)).toEqual(['1', '2', '3'])
  })
})
