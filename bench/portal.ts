// Starts the demo portal in a child process (portal-process.ts) and controls it over its /_control/ routes.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { connectDemoControl, type RemoteDemoControl } from '../src/core/demo'
import { PORTAL_CONFIG_ENV, portalReadySchema, type PortalConfig, type PortalReady } from './portal-config'
import type { Certificate } from '../src/core/bitrix/test-support/tls'

const ENTRY = fileURLToPath(new URL('./tsx-entry.mjs', import.meta.url))
const SCRIPT = fileURLToPath(new URL('./portal-process.ts', import.meta.url))
const START_TIMEOUT_MS = 30_000

export interface PortalProcess {
  origin: string
  /** The user's webhook URL, with trailing slash. A throwaway demo secret: still, never print it. */
  webhookUrl(userId: string): string
  control: RemoteDemoControl
  close(): Promise<void>
}

export async function startPortalProcess(options: { userIds: string[]; tls?: Certificate }): Promise<PortalProcess> {
  const config: PortalConfig = { userIds: options.userIds, tls: options.tls }
  const child = fork(ENTRY, [SCRIPT], {
    env: { ...process.env, [PORTAL_CONFIG_ENV]: JSON.stringify(config) },
    // Its own plain heap: no --expose-gc, and none of the parent's flags.
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ready = await new Promise<PortalReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the demo portal process did not start in time')), START_TIMEOUT_MS)
    child.once('message', (message) => {
      clearTimeout(timer)
      const parsed = portalReadySchema.safeParse(message)
      if (parsed.success) resolve(parsed.data)
      else reject(new Error(`the demo portal process sent an unexpected message: ${parsed.error.issues[0]?.message}`))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the demo portal process exited with code ${code} before it was ready`))
    })
  })
  return {
    origin: ready.origin,
    webhookUrl(userId) {
      const url = ready.webhooks[userId]
      if (!url) throw new Error(`the demo portal has no webhook for user ${userId}`)
      return url
    },
    control: connectDemoControl(ready.origin),
    async close() {
      if (child.connected) child.disconnect()
      await exited
    },
  }
}
