// Figure 2: the same `sonet_group.user.groups` call through our client and through the official SDK
// (@bitrix24/b24jssdk, a devDependency used only here), against a static loopback portal in a process of its own
// (bench/static-portal.ts: the same pre-serialised body every time) over HTTPS with a throwaway certificate that
// this process alone trusts. Both keep their rate limiters in the path, set so that they never wait;
// ours also validates and normalises every group, the SDK hands back the raw JSON. Our client reads an answer against
// its last one and parses only the groups whose bytes changed (here: none, as in most polls); beside it, for context,
// a new client of ours for every call, which reads each answer whole, as a first poll does.
import { B24Hook } from '@bitrix24/b24jssdk'
import { createBitrixClient, createRateLimiterRegistry, GROUPS_METHOD, parseWebhookUrl } from '../../src/core/bitrix'
import { atMost, info, type Figure } from '../figures'
import { portalGroups } from '../groups'
import { liveHeapBytes } from '../heap'
import { interleave } from '../interleave'
import { startStaticPortalProcess } from '../static-portal'
import { bootstrapMedianInterval, median, roundRatios, summarize } from '../stats'
import { loopbackCertificate, trustForThisProcess } from '../../src/core/bitrix/test-support/tls'

const USER = '1'
const HEAP_CALLS = 1_000
/** More calls of each contender before heap windows: V8 keeps optimising (and growing code and feedback) a while. */
const HEAP_WARMUP_CALLS = 1_000
/** Windows of HEAP_CALLS per contender, in ABBA order. */
const HEAP_WINDOWS = 4
const SDK = '@bitrix24/b24jssdk 2.2.0, interleaved'
/**
 * A typical user's groups and a very large membership, both budgeted; rounds of `batch` calls each. Warm-up: with 4
 * warm-up rounds at 1,000 groups and 20 at 50, our calls kept getting cheaper against the SDK's through the timed
 * rounds (first half's ratio against the second's: 0.96 and 0.77 at 1,000; 1.05 and 0.89 at 50, where three runs all
 * drifted so), so each size warms up until that stopped: 20 rounds at 1,000 groups (100 calls), 100 at 50 (1,000
 * calls, as the heap windows below found V8 needed). Shorter turns at 1,000 groups (5 calls, about 35 ms of CPU) put
 * the two contenders' turns of a round closer in time, so the machine's load moves both alike.
 */
const PLAN = [
  { groups: 50, warmup: 100, rounds: 120, batch: 10 },
  { groups: 1_000, warmup: 20, rounds: 80, batch: 5 },
]

type Call = () => Promise<unknown>

/**
 * This process's CPU time (user + system, all its threads: GC and compiler included), in ms. The portal runs in a
 * process of its own, so what it costs and how long the scheduler keeps either process waiting for a core are not in it.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** Live heap after `calls` sequential calls minus before, in KB. */
async function heapGrowthKb(call: Call, calls: number): Promise<number> {
  const before = await liveHeapBytes()
  for (let index = 0; index < calls; index++) await call()
  return ((await liveHeapBytes()) - before) / 1024
}

export async function run(): Promise<Figure[]> {
  const certificate = await loopbackCertificate()
  trustForThisProcess(certificate)
  const portal = await startStaticPortalProcess({ tls: certificate })
  const webhookUrl = portal.webhookUrl(USER)
  const sdk = B24Hook.fromWebhookUrl(webhookUrl, {
    restrictionParams: {
      rateLimit: { burstLimit: 1e9, drainRate: 1e9, adaptiveEnabled: false },
      adaptiveConfig: { enabled: false, thresholdPercent: 100, coefficient: 0, maxDelay: 0 },
    },
  })
  const newClient = () =>
    createBitrixClient({
      credentials: parseWebhookUrl(webhookUrl),
      rateLimiters: createRateLimiterRegistry({ drainPerSecond: 1e9, burst: 1e9 }),
    })
  const ours = newClient()
  const contenders: Record<'ours' | 'fresh' | 'sdk', Call> = {
    ours: async () => {
      const result = await ours.getUserGroups()
      if (result.groups.length === 0) throw new Error('our client returned no groups')
    },
    fresh: async () => {
      const result = await newClient().getUserGroups()
      if (result.groups.length === 0) throw new Error('our new client returned no groups')
    },
    sdk: async () => {
      const response = await sdk.actions.v2.call.make<unknown[]>({ method: GROUPS_METHOD, params: {} })
      if (!response.isSuccess || response.getData()?.result.length === 0) throw new Error('the SDK call failed')
    },
  }

  const figures: Figure[] = []
  try {
    for (const plan of PLAN) {
      await portal.setGroups(USER, portalGroups(plan.groups))
      // Wall time per call, beside the CPU time interleave measures (warm-up calls included, dropped below).
      const wall = { ours: [] as number[], fresh: [] as number[], sdk: [] as number[] }
      const samples = await interleave(
        (['ours', 'fresh', 'sdk'] as const).map((name) => ({
          name,
          run: async () => {
            const started = performance.now()
            await contenders[name]()
            wall[name].push(performance.now() - started)
          },
        })),
        { warmup: plan.warmup, rounds: plan.rounds, batch: plan.batch, now: cpuMs },
      )
      const warm = plan.warmup * plan.batch
      const cpu = { ours: samples.get('ours') ?? [], fresh: samples.get('fresh') ?? [], sdk: samples.get('sdk') ?? [] }
      const time = { ours: summarize(wall.ours.slice(warm)), sdk: summarize(wall.sdk.slice(warm)) }
      // Paired by round: each round's ratio compares calls made within the same second, so a slow moment of the
      // shared machine, which slows both, cancels out of it instead of landing on whichever contender it hit.
      const ratios = roundRatios(cpu.ours, cpu.sdk, plan.batch)
      const ratio = median(ratios)
      const interval = bootstrapMedianInterval(ratios)
      const size = `${plan.groups.toLocaleString('en-US')} groups`
      if (process.env.B24_BENCH_SDK_SAMPLES) {
        console.error(JSON.stringify({ groups: plan.groups, oursSamples: cpu.ours, sdkSamples: cpu.sdk }))
        console.error(
          JSON.stringify({
            groups: `${plan.groups} wall`,
            oursSamples: wall.ours.slice(warm),
            sdkSamples: wall.sdk.slice(warm),
          }),
        )
      }
      figures.push(
        atMost(
          `client call, ${size}: ours / b24jssdk, CPU time (median of ${plan.rounds} rounds' ratios)`,
          ratio,
          'x',
          1,
          SDK,
        ),
        info(`client call, ${size}: that median, bootstrap 95% interval, low`, interval.low, 'x'),
        info(`client call, ${size}: that median, bootstrap 95% interval, high`, interval.high, 'x'),
        info(
          `client call, ${size}: ours / b24jssdk, CPU medians of all calls`,
          median(cpu.ours) / median(cpu.sdk),
          'x',
        ),
        info(`client call, ${size}: ours / b24jssdk, wall-clock medians`, time.ours.median / time.sdk.median, 'x'),
        info(
          `client call, ${size}: a new client of ours for every call (each answer read whole) / b24jssdk, CPU medians`,
          median(cpu.fresh) / median(cpu.sdk),
          'x',
        ),
        info(`client call, ${size}: ours, CPU median`, median(cpu.ours), 'ms'),
        info(`client call, ${size}: b24jssdk, CPU median`, median(cpu.sdk), 'ms'),
        info(`client call, ${size}: ours, wall median`, time.ours.median, 'ms'),
        info(`client call, ${size}: ours, wall p95`, time.ours.p95, 'ms'),
        info(`client call, ${size}: b24jssdk, wall median`, time.sdk.median, 'ms'),
        info(`client call, ${size}: b24jssdk, wall p95`, time.sdk.p95, 'ms'),
      )
      if (plan.groups !== 50) continue
      // Heap growth cannot be interleaved call by call: each contender gets whole windows, in ABBA order.
      for (let index = 0; index < HEAP_WARMUP_CALLS; index++) {
        await contenders.ours()
        await contenders.sdk()
      }
      const growth = { ours: [] as number[], sdk: [] as number[] }
      for (let window = 0; window < HEAP_WINDOWS * 2; window++) {
        const name = window % 4 === 0 || window % 4 === 3 ? 'ours' : 'sdk'
        growth[name].push(await heapGrowthKb(contenders[name], HEAP_CALLS))
      }
      const oursKb = median(growth.ours)
      const sdkKb = median(growth.sdk)
      figures.push(
        info(`heap growth over ${HEAP_CALLS} calls, ${size}: b24jssdk`, sdkKb, 'KB'),
        atMost(`heap growth over ${HEAP_CALLS} calls, ${size}: ours minus b24jssdk`, oursKb - sdkKb, 'KB', 0, SDK),
        info(`heap growth over ${HEAP_CALLS} calls, ${size}: ours`, oursKb, 'KB'),
      )
    }
  } finally {
    await portal.close()
  }
  return figures
}
