// Figure 1: what one poll costs the app beyond the HTTP request it cannot avoid. Ours is a whole engine poll cycle
// (client call with its rate limiter and retries armed, validation with zod, diff, snapshot + history written
// atomically with fsync); the floor is a bare fetch of the same request plus JSON.parse. Each round the portal
// renames one group first (untimed), so every cycle finds a change and really writes its snapshot: an unchanged
// list only moves the sync time, which the store writes later.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createBitrixClient, createRateLimiterRegistry, GROUPS_METHOD, parseWebhookUrl } from '../../src/main/bitrix'
import { createSyncEngine, createSyncStore } from '../../src/main/sync'
import { drivenClock } from '../driven-clock'
import { atMost, info, type Figure } from '../figures'
import { portalGroups, withRenamed } from '../groups'
import { interleave } from '../interleave'
import { startPortalProcess, type PortalProcess } from '../portal'
import { summarize } from '../stats'

const USER = '1'
const ACCOUNT = 'bench/1'
const RATIO_BUDGET = 1.25
const BUDGETED_SIZE = 1_000
/** Rounds per size: fewer for the large list, whose rounds take longer. */
const PLAN = [
  { groups: 50, warmup: 30, rounds: 200 },
  { groups: 1_000, warmup: 20, rounds: 120 },
  { groups: 5_000, warmup: 8, rounds: 40 },
]

async function measure(portal: PortalProcess, plan: (typeof PLAN)[number]): Promise<Figure[]> {
  let memberships = portalGroups(plan.groups)
  await portal.control.setMemberships(USER, memberships)
  const webhookUrl = portal.webhookUrl(USER)
  const dir = mkdtempSync(path.join(tmpdir(), 'b24-bench-poll-'))
  const client = createBitrixClient({
    credentials: parseWebhookUrl(webhookUrl),
    // The limiter runs (its cost is part of a poll) but never makes a request wait.
    rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1e9, burst: 1e9 }),
  })
  const engine = createSyncEngine({
    sources: {
      accounts: () => [{ id: ACCOUNT, enabled: true }],
      clientFor: () => client,
      pollIntervalSeconds: () => 3600,
    },
    store: createSyncStore({ dir, clock: drivenClock }),
    clock: drivenClock,
  })
  let changed = 0
  let failed = 0
  engine.on('changes', (changes) => (changed += changes.length))
  engine.on('error', () => failed++)
  engine.start()
  await engine.refresh(ACCOUNT) // the silent baseline

  const url = `${webhookUrl}${GROUPS_METHOD}`
  const bareFetch = async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    return JSON.parse(await response.text()) as unknown
  }
  const samples = await interleave(
    [
      { name: 'ours', run: () => engine.refresh(ACCOUNT) },
      { name: 'bare', run: bareFetch },
    ],
    {
      warmup: plan.warmup,
      rounds: plan.rounds,
      beforeRound: async (round) => {
        memberships = withRenamed(memberships, round + 1)
        await portal.control.setMemberships(USER, memberships)
      },
    },
  )
  await engine.stop()
  rmSync(dir, { recursive: true, force: true })
  const cycles = plan.warmup + plan.rounds
  if (failed > 0 || changed !== cycles) {
    throw new Error(`expected ${cycles} cycles with one change each, saw ${changed} changes and ${failed} errors`)
  }

  const ours = summarize(samples.get('ours') ?? [])
  const bare = summarize(samples.get('bare') ?? [])
  const size = plan.groups.toLocaleString('en-US')
  const ratio = ours.median / bare.median
  return [
    info(`poll cycle, ${size} groups: ours, median`, ours.median, 'ms'),
    info(`poll cycle, ${size} groups: ours, p95`, ours.p95, 'ms'),
    info(`poll cycle, ${size} groups: bare fetch, median`, bare.median, 'ms'),
    info(`poll cycle, ${size} groups: bare fetch, p95`, bare.p95, 'ms'),
    plan.groups === BUDGETED_SIZE
      ? atMost(`poll cycle, ${size} groups: ours / bare (medians)`, ratio, 'x', RATIO_BUDGET)
      : info(`poll cycle, ${size} groups: ours / bare (medians)`, ratio, 'x'),
  ]
}

export async function run(): Promise<Figure[]> {
  const portal = await startPortalProcess({ userIds: [USER] })
  try {
    const figures: Figure[] = []
    for (const plan of PLAN) figures.push(...(await measure(portal, plan)))
    return figures
  } finally {
    await portal.close()
  }
}
