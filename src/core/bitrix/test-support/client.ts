// What the client tests share: a limiter that never waits, a client on a webhook URL, and the BitrixError a call fails
// with.
import { createBitrixClient } from '../client'
import { parseWebhookUrl } from '../credentials'
import { BitrixError } from '../errors'
import { createRateLimiterRegistry } from '../rate-limiter'
import type { BitrixClientOptions } from '../types'

/** A per-portal limiter registry that lets every test request through at once. */
export const unlimited = () => createRateLimiterRegistry({ drainPerSecond: 1000, burst: 1000 })

/** A client on a webhook URL (plain http allowed, for servers on 127.0.0.1) that never sleeps between tries. */
export function webhookTestClient(webhookUrl: string, options: Partial<BitrixClientOptions> = {}) {
  return createBitrixClient({
    credentials: parseWebhookUrl(webhookUrl, { allowHttp: true }),
    allowHttp: true,
    rateLimiters: unlimited(),
    sleep: async () => {},
    ...options,
  })
}

/** The BitrixError the call fails with; fails the test when it succeeds or fails otherwise. */
export async function failureOf(promise: Promise<unknown>): Promise<BitrixError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof BitrixError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}
