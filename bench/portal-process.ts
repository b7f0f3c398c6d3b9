// The demo portal in a process of its own: the portal's CPU time and heap are then not charged to the client under
// test, as a real portal's are not. Started by portal.ts; reports its origin and webhook URLs over IPC.
import { startDemoPortal } from '../src/core/demo'
import { PORTAL_CONFIG_ENV, portalConfigSchema, type PortalReady } from './portal-config'

function readConfig(text: string | undefined) {
  try {
    return portalConfigSchema.safeParse(JSON.parse(text ?? 'null'))
  } catch {
    return portalConfigSchema.safeParse(null)
  }
}

const parsed = readConfig(process.env[PORTAL_CONFIG_ENV])
if (!parsed.success || !process.send) {
  const why = parsed.success ? 'no IPC channel' : (parsed.error.issues[0]?.message ?? 'invalid')
  console.error(`portal-process: start it through bench/portal.ts (${PORTAL_CONFIG_ENV}: ${why})`)
  process.exit(2)
}
const config = parsed.data
// Rate limiting off: the benchmarks measure the client's own cost, not the portal's bucket.
const portal = await startDemoPortal({ rateLimit: false, tls: config.tls })
const webhooks = Object.fromEntries(config.userIds.map((userId) => [userId, portal.webhookUrl(userId)]))
const ready: PortalReady = { origin: portal.origin, webhooks }
process.send(ready)
process.on('disconnect', () => {
  void portal.close().then(() => process.exit(0))
})
