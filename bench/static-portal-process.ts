// The static portal (static-portal.ts) in a process of its own, so that its CPU (TLS included) is charged to neither
// contender, as a real portal's is not. Started by startStaticPortalProcess; told each list over IPC.
import { z } from 'zod'
import { startStaticPortal } from './static-portal'

const configSchema = z.object({ tls: z.object({ key: z.string(), cert: z.string() }).optional() })
const messageSchema = z.object({ id: z.number(), userId: z.string(), body: z.string() })

const config = configSchema.safeParse(JSON.parse(process.env.B24_BENCH_STATIC ?? 'null'))
if (!config.success || !process.send) {
  console.error('static-portal-process: start it through bench/static-portal.ts')
  process.exit(2)
}
const portal = await startStaticPortal(config.data)
process.on('message', (message) => {
  const parsed = messageSchema.safeParse(message)
  if (!parsed.success) return
  portal.setBody(parsed.data.userId, parsed.data.body)
  process.send?.({ id: parsed.data.id })
})
process.on('disconnect', () => void portal.close().then(() => process.exit(0)))
process.send({ origin: portal.webhookUrl('0').replace(/\/rest\/0\/.*$/, '') })
