// Figure 5: how many requests the engine makes, on a simulated clock: 3 accounts (two on one portal, one on another)
// at the default 60 s interval for 10 minutes, group details included (a filtered workgroup list and a COUNTERS batch
// per refresh). The real client, rate limiter, poller and engine run; only time and the portal are simulated, so the
// count is exact rather than sampled. Budget: the membership polls plus one details refresh per account.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DETAILS_REFRESH_SECONDS } from '../../src/shared/model/values'
import { createBitrixClient, createRateLimiterRegistry } from '../../src/core/bitrix'
import type { BitrixClient, Sleep } from '../../src/core/bitrix'
import { seededRandom } from '../../src/core/demo'
import { createSyncEngine, createSyncStore } from '../../src/core/sync'
import { FakeClock } from '../../src/core/sync/test-support/fake-clock'
import { countingPortalFetch, type PortalMood } from '../fake-portal-fetch'
import { atMost, exactly, info, lessThan, type Figure } from '../figures'
import { portalGroups } from '../groups'

const ACCOUNTS = [
  { id: 'acme.bitrix24.com/1', webhook: { origin: 'https://acme.bitrix24.com', userId: '1' } },
  { id: 'acme.bitrix24.com/7', webhook: { origin: 'https://acme.bitrix24.com', userId: '7' } },
  { id: 'beta.bitrix24.de/3', webhook: { origin: 'https://beta.bitrix24.de', userId: '3' } },
]
const INTERVAL_SECONDS = 60
const SIMULATED_MS = 10 * 60_000
const EXPECTED_WHEN_WELL = ACCOUNTS.length * (SIMULATED_MS / (INTERVAL_SECONDS * 1000))
/** The fake portal's groups (countingPortalFetch's default), each account a member of all. */
const GROUPS = portalGroups(20)
const PAGE = 50
/** One details refresh: the workgroup list in pages of 50, and a COUNTERS batch per 50 owned or moderated groups. */
const REQUESTS_PER_REFRESH =
  Math.ceil(GROUPS.length / PAGE) + Math.ceil(GROUPS.filter((group) => ['A', 'E'].includes(group.role)).length / PAGE)
const REFRESHES_PER_ACCOUNT = Math.ceil(SIMULATED_MS / (DETAILS_REFRESH_SECONDS * 1000))
const DETAILS_BUDGET = ACCOUNTS.length * REFRESHES_PER_ACCOUNT * REQUESTS_PER_REFRESH

const JSON_HEADERS = { 'Content-Type': 'application/json' }

/** What the portal answers the details methods with: every asked group, a project, one pending request each. */
function detailsAnswer(method: string, body: Record<string, unknown>): unknown {
  if (method === 'batch') {
    const commands = Object.keys((body.cmd ?? {}) as Record<string, string>)
    const result = Object.fromEntries(commands.map((key) => [key, { COUNTERS: { workgroup_requests_in: 1 } }]))
    return { result: { result, result_error: [], result_total: [], result_next: [], result_time: [] } }
  }
  const ids = ((body.filter as { ID?: string[] } | undefined)?.ID ?? []).slice()
  const start = Number(body.start ?? 0)
  const page = ids.slice(start, start + PAGE)
  const workgroups = page.map((id) => ({ ID: id, TYPE: 'project', CLOSED: 'N', NUMBER_OF_MEMBERS: 7 }))
  const next = start + PAGE < ids.length ? { next: start + PAGE } : {}
  return { result: { workgroups }, total: ids.length, ...next }
}

/** The counting portal, with the details methods answered (and counted apart) while it is well. */
function withDetails(portal: ReturnType<typeof countingPortalFetch>, mood: () => PortalMood) {
  let details = 0
  const detailsFetch: typeof fetch = async (input, init) => {
    const method = new URL(input instanceof Request ? input.url : String(input)).pathname.split('/').pop() ?? ''
    const answer = await portal.fetch(input, init) // counted with every other request
    if (method !== 'socialnetwork.api.workgroup.list' && method !== 'batch') return answer
    details++
    if (mood() !== 'well') return answer
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as Record<string, unknown>
    return new Response(JSON.stringify(detailsAnswer(method, body)), { status: 200, headers: JSON_HEADERS })
  }
  return { fetch: detailsFetch, details: () => details }
}

/** The client's sleep on the fake clock; like the real one, it rejects when the signal aborts. */
function sleepOn(clock: FakeClock): Sleep {
  return (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const onAbort = () => {
        clock.clearTimeout(handle)
        reject(signal?.reason)
      }
      const handle = clock.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
}

interface Outcome {
  requests: number
  /** Of which details requests. */
  details: number
  polls: number
}

async function simulate(mood: PortalMood): Promise<Outcome> {
  const clock = new FakeClock()
  // Jitter as the app has it, from a fixed seed so that every run counts the same.
  const random = seededRandom(20250601)
  clock.randoms = Array.from({ length: 100_000 }, random)
  const sleep = sleepOn(clock)
  const now = () => clock.now()
  const counting = countingPortalFetch(() => mood, GROUPS.length)
  const portal = withDetails(counting, () => mood)
  const rateLimiters = createRateLimiterRegistry({ now, sleep })
  const clients = new Map<string, BitrixClient>(
    ACCOUNTS.map((account) => [
      account.id,
      createBitrixClient({
        credentials: { kind: 'webhook', ...account.webhook, code: 'benchcode' },
        fetch: portal.fetch,
        rateLimiters,
        now,
        sleep,
        random: () => clock.random(),
      }),
    ]),
  )
  const dir = mkdtempSync(path.join(tmpdir(), 'b24-bench-requests-'))
  const engine = createSyncEngine({
    sources: {
      accounts: () => ACCOUNTS.map((account) => ({ id: account.id, enabled: true })),
      clientFor: (accountId) => {
        const client = clients.get(accountId)
        if (!client) throw new Error(`no client for ${accountId}`)
        return client
      },
      pollIntervalSeconds: () => INTERVAL_SECONDS,
    },
    store: createSyncStore({ dir, clock }),
    clock,
  })
  let polls = 0
  engine.on('synced', () => polls++)
  engine.on('error', () => polls++)
  engine.start()
  await clock.advance(SIMULATED_MS)
  const outcome = { requests: counting.total(), details: portal.details(), polls }
  await engine.stop()
  rmSync(dir, { recursive: true, force: true })
  return outcome
}

export async function run(): Promise<Figure[]> {
  const well = await simulate('well')
  const limited = await simulate('rate-limited')
  const what = `${ACCOUNTS.length} accounts, ${INTERVAL_SECONDS} s, 10 simulated min`
  return [
    atMost(
      `requests, ${what}, all well, details included`,
      well.requests,
      'requests',
      EXPECTED_WHEN_WELL + DETAILS_BUDGET,
    ),
    exactly(`membership requests, ${what}, all well`, well.requests - well.details, 'requests', EXPECTED_WHEN_WELL),
    info(`details requests, ${what}, all well`, well.details, 'requests'),
    lessThan(`requests, ${what}, every answer QUERY_LIMIT_EXCEEDED`, limited.requests, 'requests', EXPECTED_WHEN_WELL),
    info(`polls, ${what}, every answer QUERY_LIMIT_EXCEEDED`, limited.polls, 'polls'),
  ]
}
