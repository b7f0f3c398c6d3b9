// Figure 5: how many requests the engine makes, on a simulated clock: 3 accounts (two on one portal, one on another)
// at the default 60 s interval for 10 minutes. The real client, rate limiter, poller and engine run; only time and
// the portal are simulated, so the count is exact rather than sampled.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createBitrixClient, createRateLimiterRegistry } from '../../src/core/bitrix'
import type { BitrixClient, Sleep } from '../../src/core/bitrix'
import { seededRandom } from '../../src/core/demo'
import { createSyncEngine, createSyncStore } from '../../src/core/sync'
import { FakeClock } from '../../src/core/sync/test-support/fake-clock'
import { countingPortalFetch, type PortalMood } from '../fake-portal-fetch'
import { exactly, info, lessThan, type Figure } from '../figures'

const ACCOUNTS = [
  { id: 'acme.bitrix24.com/1', webhook: { origin: 'https://acme.bitrix24.com', userId: '1' } },
  { id: 'acme.bitrix24.com/7', webhook: { origin: 'https://acme.bitrix24.com', userId: '7' } },
  { id: 'beta.bitrix24.de/3', webhook: { origin: 'https://beta.bitrix24.de', userId: '3' } },
]
const INTERVAL_SECONDS = 60
const SIMULATED_MS = 10 * 60_000
const EXPECTED_WHEN_WELL = ACCOUNTS.length * (SIMULATED_MS / (INTERVAL_SECONDS * 1000))

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
  polls: number
}

async function simulate(mood: PortalMood): Promise<Outcome> {
  const clock = new FakeClock()
  // Jitter as the app has it, from a fixed seed so that every run counts the same.
  const random = seededRandom(20250601)
  clock.randoms = Array.from({ length: 100_000 }, random)
  const sleep = sleepOn(clock)
  const now = () => clock.now()
  const portal = countingPortalFetch(() => mood)
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
  const outcome = { requests: portal.total(), polls }
  await engine.stop()
  rmSync(dir, { recursive: true, force: true })
  return outcome
}

export async function run(): Promise<Figure[]> {
  const well = await simulate('well')
  const limited = await simulate('rate-limited')
  const what = `${ACCOUNTS.length} accounts, ${INTERVAL_SECONDS} s, 10 simulated min`
  return [
    exactly(`requests, ${what}, all well`, well.requests, 'requests', EXPECTED_WHEN_WELL),
    lessThan(`requests, ${what}, every answer QUERY_LIMIT_EXCEEDED`, limited.requests, 'requests', EXPECTED_WHEN_WELL),
    info(`polls, ${what}, every answer QUERY_LIMIT_EXCEEDED`, limited.polls, 'polls'),
  ]
}
