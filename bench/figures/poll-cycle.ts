// Figure 1: what one poll costs the app beyond the HTTP request it cannot avoid. Ours is a whole poll cycle of the
// app's core (bench/core-account.ts: the account and settings lookups, the client call with its rate limiter and
// retries armed, validation with zod, normalisation, diff, snapshot and history written atomically with fsync); the
// floor is a bare fetch of the same request plus JSON.parse. Before each of our runs the portal renames one group
// (untimed), so every cycle finds a change and really writes its snapshot, as the budget's cycle does. A second core
// polls a list that never changes: the common case, in which the store only notes the sync time and writes it later.
import { GROUPS_METHOD } from '../../src/core/bitrix'
import { startCoreAccount, type CoreAccount } from '../core-account'
import { atMost, info, type Figure } from '../figures'
import { portalGroups, withRenamed } from '../groups'
import { interleave } from '../interleave'
import { startPortalProcess, type PortalProcess } from '../portal'
import { medianDifference, summarize } from '../stats'

const CHANGING_USER = '1'
const STEADY_USER = '2'
const RATIO_BUDGET = 1.25
const BUDGETED_SIZE = 1_000
/** Rounds of BATCH consecutive runs per contender, per size: fewer for the large list, whose runs take longer. */
const PLAN = [
  { groups: 50, warmup: 4, rounds: 30 },
  { groups: 1_000, warmup: 3, rounds: 40 },
  { groups: 5_000, warmup: 1, rounds: 6 },
]
const BATCH = 5

interface Poller {
  account: CoreAccount
  changes: number
  errors: number
}

async function startEngine(webhookUrl: string): Promise<Poller> {
  const account = await startCoreAccount(webhookUrl, 'b24-bench-poll-')
  const poller: Poller = { account, changes: 0, errors: 0 }
  account.core.engine.on('changes', (changes) => (poller.changes += changes.length))
  account.core.engine.on('error', () => poller.errors++)
  await account.poll() // the silent baseline
  return poller
}

async function stopEngine(poller: Poller): Promise<void> {
  await poller.account.stop()
}

async function measure(portal: PortalProcess, plan: (typeof PLAN)[number]): Promise<Figure[]> {
  let memberships = portalGroups(plan.groups)
  await portal.control.setMemberships(CHANGING_USER, memberships)
  await portal.control.setMemberships(STEADY_USER, memberships)
  const changing = await startEngine(portal.webhookUrl(CHANGING_USER))
  const steady = await startEngine(portal.webhookUrl(STEADY_USER))
  const url = `${portal.webhookUrl(CHANGING_USER)}${GROUPS_METHOD}`
  const bareFetch = async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    return JSON.parse(await response.text()) as unknown
  }
  let renames = 0
  const samples = await interleave(
    [
      {
        name: 'ours',
        prepare: async () => {
          memberships = withRenamed(memberships, ++renames)
          await portal.control.setMemberships(CHANGING_USER, memberships)
        },
        run: () => changing.account.poll(),
      },
      { name: 'unchanged', run: () => steady.account.poll() },
      { name: 'bare', run: bareFetch },
    ],
    { warmup: plan.warmup, rounds: plan.rounds, batch: BATCH },
  )
  await stopEngine(changing)
  await stopEngine(steady)
  const cycles = (plan.warmup + plan.rounds) * BATCH
  if (changing.errors + steady.errors > 0 || changing.changes !== cycles || steady.changes !== 0) {
    throw new Error(`expected ${cycles} cycles with one change each and as many without; saw otherwise`)
  }

  const timed = {
    ours: samples.get('ours') ?? [],
    unchanged: samples.get('unchanged') ?? [],
    bare: samples.get('bare') ?? [],
  }
  const ours = summarize(timed.ours)
  const unchanged = summarize(timed.unchanged)
  const bare = summarize(timed.bare)
  const size = `${plan.groups.toLocaleString('en-US')} groups`
  const ratio = ours.median / bare.median
  return [
    info(`poll cycle, ${size}: ours, median`, ours.median, 'ms'),
    info(`poll cycle, ${size}: ours, p95`, ours.p95, 'ms'),
    info(`poll cycle, ${size}: bare fetch, median`, bare.median, 'ms'),
    info(`poll cycle, ${size}: bare fetch, p95`, bare.p95, 'ms'),
    plan.groups === BUDGETED_SIZE
      ? atMost(`poll cycle, ${size}: ours / bare (medians)`, ratio, 'x', RATIO_BUDGET)
      : info(`poll cycle, ${size}: ours / bare (medians)`, ratio, 'x'),
    info(`poll cycle, ${size}: ours minus bare (median of pairs)`, medianDifference(timed.ours, timed.bare), 'ms'),
    info(`poll cycle, ${size}, nothing changed: ours, median`, unchanged.median, 'ms'),
    info(`poll cycle, ${size}, nothing changed: ours / bare (medians)`, unchanged.median / bare.median, 'x'),
    info(
      `poll cycle, ${size}, nothing changed: ours minus bare (median of pairs)`,
      medianDifference(timed.unchanged, timed.bare),
      'ms',
    ),
  ]
}

export async function run(): Promise<Figure[]> {
  const portal = await startPortalProcess({ userIds: [CHANGING_USER, STEADY_USER] })
  try {
    const figures: Figure[] = []
    for (const plan of PLAN) figures.push(...(await measure(portal, plan)))
    return figures
  } finally {
    await portal.close()
  }
}
