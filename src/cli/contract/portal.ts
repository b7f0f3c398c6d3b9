// What the contract suites do around each test, said once: a fresh demo portal and a fresh sandbox (bin.ts) before
// it, the sandbox cleaned up (its processes killed) and the portal closed after it.
import { afterEach, beforeEach } from 'vitest'
import type { DemoPortal } from '../../core/demo'
import { sandbox, type Sandbox } from './bin'

export interface PortalSetup {
  portal: DemoPortal
  box: Sandbox
  /** User 1's webhook URL. */
  url: string
  /** The portal's host, as account ids start. */
  host: string
  /** User 1's account id (`host/1`). */
  account: string
}

/**
 * Before each test of the file, starts a portal with `start` and a sandbox and hands both to `take` (which keeps
 * what its tests use); after each test, cleans the sandbox up and closes the portal.
 */
export function eachTestOnPortal(start: () => Promise<DemoPortal>, take: (setup: PortalSetup) => void): void {
  let setup: PortalSetup | undefined
  beforeEach(async () => {
    const portal = await start()
    const url = portal.webhookUrl('1')
    const host = new URL(portal.origin).host
    setup = { portal, box: sandbox(), url, host, account: `${host}/1` }
    take(setup)
  })
  afterEach(async () => {
    setup?.box.cleanup()
    await setup?.portal.close()
    setup = undefined
  })
}
