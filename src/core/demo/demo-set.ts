// The demo's accounts, said once for the desktop app's demo mode and the command line's `--demo`: each on a portal of
// its own (its own port, so its own account id) with a scenario of its own, and each showing what the others do not.
import { CLUB_SCENARIO, COMPANY_SCENARIO, PARTNER_SCENARIO } from './scenario'
import { startDemoPortal } from './server'
import type { DemoKeyStyle, DemoPortal, DemoRateLimit, DemoScenario } from './types'

export interface DemoAccountSpec {
  /** The account's label in the app. */
  label: string
  scenario: DemoScenario
  /** How its portal spells the keys of `socialnetwork.api.workgroup.list`. */
  detailsKeyStyle: DemoKeyStyle
  /** The webhook's scopes; absent: every scope the app uses. */
  scopes?: string[]
  /** How often its scenario changes a membership. */
  changeEveryMs: number
}

/**
 * | label               | its portal       | its webhook          | what it shows                                       |
 * | ------------------- | ---------------- | -------------------- | --------------------------------------------------- |
 * | Demo portal         | UPPER_CASE keys  | every scope          | every kind of detail; a change every 20 s (primary) |
 * | Demo partner portal | camelCase keys   | every scope          | the same details read from camelCase; extranet      |
 * | Demo club portal    | UPPER_CASE keys  | no `socialnetwork`   | the one "tick the scope" line; groups and changes   |
 *
 * The first is the primary account: the one `demo:start` returns and the journeys script.
 */
export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  { label: 'Demo portal', scenario: COMPANY_SCENARIO, detailsKeyStyle: 'upper', changeEveryMs: 20_000 },
  { label: 'Demo partner portal', scenario: PARTNER_SCENARIO, detailsKeyStyle: 'camel', changeEveryMs: 45_000 },
  {
    label: 'Demo club portal',
    scenario: CLUB_SCENARIO,
    detailsKeyStyle: 'upper',
    scopes: ['sonet_group', 'user'],
    changeEveryMs: 60_000,
  },
]

export interface DemoSetMember {
  spec: DemoAccountSpec
  portal: DemoPortal
  /** The account's webhook on its portal (user 1), with the spec's scopes. */
  webhookUrl: string
}

export interface DemoSet {
  /** In the order of DEMO_ACCOUNTS: the primary first. */
  members: readonly DemoSetMember[]
  /** Closes every portal of the set. */
  close(): Promise<void>
}

export interface DemoSetOptions {
  /** Every portal's bucket (default: the demo portal's). */
  rateLimit?: DemoRateLimit | false
  /** Overrides each account's `changeEveryMs` (tests: no change during the test). */
  scenarioIntervalMs?: number
}

/** Starts a portal per demo account; if one does not start, closes the others and rejects. */
export async function startDemoSet(options: DemoSetOptions = {}): Promise<DemoSet> {
  const started = await Promise.allSettled(
    DEMO_ACCOUNTS.map((spec) =>
      startDemoPortal({
        scenario: spec.scenario,
        scenarioIntervalMs: options.scenarioIntervalMs ?? spec.changeEveryMs,
        detailsKeyStyle: spec.detailsKeyStyle,
        ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
      }),
    ),
  )
  const portals = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []))
  const close = async () => void (await Promise.all(portals.map((portal) => portal.close())))
  const failed = started.find((outcome) => outcome.status === 'rejected')
  if (failed) {
    await close()
    throw failed.reason
  }
  return {
    members: DEMO_ACCOUNTS.map((spec, index) => {
      const portal = portals[index]!
      return { spec, portal, webhookUrl: portal.control.createWebhook('1', { scopes: spec.scopes }) }
    }),
    close,
  }
}
