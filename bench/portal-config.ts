// What the benchmark process tells the demo portal process at start, and what it answers when ready.
import { z } from 'zod'

export const PORTAL_CONFIG_ENV = 'B24_BENCH_PORTAL'

export const portalConfigSchema = z.object({
  userIds: z.array(z.string().regex(/^\d+$/)).min(1),
  tls: z.object({ key: z.string().min(1), cert: z.string().min(1) }).optional(),
})

export type PortalConfig = z.infer<typeof portalConfigSchema>

export const portalReadySchema = z.object({
  origin: z.string().url(),
  webhooks: z.record(z.string(), z.string().url()),
})

export type PortalReady = z.infer<typeof portalReadySchema>
