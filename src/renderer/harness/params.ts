// The harness URL (`index.html?fixture=few&theme=dark&lang=ru&view=changes`), validated: a typo falls back to the
// default and says so in the console instead of showing a half-built state.
import { z } from 'zod'
import { FIXTURE_NAMES } from './fixtures'

const paramsSchema = z.object({
  fixture: z.enum(FIXTURE_NAMES).catch('few'),
  theme: z.enum(['system', 'light', 'dark']).catch('system'),
  lang: z.enum(['system', 'en', 'ru', 'de']).catch('system'),
  view: z.enum(['groups', 'changes', 'settings']).catch('groups'),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']).catch('linux'),
  /** How many groups `fixture=many` holds (5,000 by default): the benchmarks measure 5k, 20k and 50k. */
  groups: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})

export type HarnessParams = z.infer<typeof paramsSchema>

export function parseHarnessParams(search: string): HarnessParams {
  const raw = Object.fromEntries(new URLSearchParams(search))
  const params = paramsSchema.parse(raw)
  for (const key of Object.keys(params) as (keyof HarnessParams)[]) {
    if (raw[key] !== undefined && raw[key] !== String(params[key])) console.warn(`harness: ignoring ${key}=${raw[key]}`)
  }
  return params
}
