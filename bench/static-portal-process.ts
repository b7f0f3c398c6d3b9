// The static portal (static-portal.ts) in a process of its own, so that its CPU (TLS included) is charged to neither
// contender, as a real portal's is not. Started by startStaticPortalProcess; told each list over IPC.
import { z } from 'zod'
import { startStaticPortal } from './static-portal'

const configSchema = z.object({ tls: z.object({ key: z.string(), cert: z.string() }).optional() })
const messageSchema = z.union([
  z.object({ id: z.number(), userId: z.string(), index: z.number().int().nonnegative().optional(), body: z.string() }),
  z.object({ id: z.number(), userId: z.string(), show: z.number().int().nonnegative() }),
])

const config = configSchema.safeParse(JSON.parse(process.env.B24_BENCH_STATIC ?? 'null'))
if (!config.success || !process.send) {
  console.error('static-portal-process: start it through bench/static-portal.ts')
  process.exit(2)
}
const portal = await startStaticPortal(config.data)
/** Per user, the lists preloaded for `show`, each serialised once. */
const preloaded = new Map<string, Buffer[]>()
process.on('message', (message) => {
  const parsed = messageSchema.safeParse(message)
  if (!parsed.success) return
  const { data } = parsed
  if ('show' in data) {
    const body = preloaded.get(data.userId)?.[data.show]
    if (body === undefined) {
      console.error(`static-portal-process: no list ${data.show} preloaded for user ${data.userId}`)
      process.exit(2)
    }
    portal.setBody(data.userId, body)
  } else if (data.index !== undefined) {
    const lists = preloaded.get(data.userId) ?? []
    lists[data.index] = Buffer.from(data.body)
    preloaded.set(data.userId, lists)
  } else {
    portal.setBody(data.userId, data.body)
  }
  process.send?.({ id: data.id })
})
process.on('disconnect', () => void portal.close().then(() => process.exit(0)))
process.send({ origin: portal.webhookUrl('0').replace(/\/rest\/0\/.*$/, '') })
