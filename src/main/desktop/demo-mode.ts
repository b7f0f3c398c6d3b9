// Demo mode: the demo portal started in-process with its scenario (a believable set of groups and a membership
// change about every 20 seconds) and a session-only account on it. Nothing of it is saved: the account lives in
// memory, and quitting removes it (with its snapshot and history) and closes the portal.
import type { AccountView } from '@shared/types'
import type { DemoPortal } from '../../core/demo'

export const DEMO_ACCOUNT_LABEL = 'Demo portal'

export interface DemoModeDeps {
  startPortal(): Promise<DemoPortal>
  accounts: {
    addWebhook(input: { webhookUrl: string; label?: string; sessionOnly?: boolean }): Promise<AccountView>
    remove(accountId: string, options?: { force?: boolean }): Promise<void>
  }
}

export interface DemoMode {
  /** Starts the portal and adds its account; a second call returns the same account. */
  start(): Promise<AccountView>
  /** The running portal, if any (the end-to-end test scripts changes through it). */
  portal(): DemoPortal | null
  stop(): Promise<void>
}

export function createDemoMode(deps: DemoModeDeps): DemoMode {
  let running: Promise<{ portal: DemoPortal; account: AccountView }> | null = null
  let portal: DemoPortal | null = null

  async function launch() {
    const started = await deps.startPortal()
    portal = started
    try {
      const account = await deps.accounts.addWebhook({
        webhookUrl: started.webhookUrl(),
        label: DEMO_ACCOUNT_LABEL,
        sessionOnly: true,
      })
      return { portal: started, account }
    } catch (error) {
      portal = null
      await started.close()
      throw error
    }
  }

  return {
    async start() {
      running ??= launch().catch((error: unknown) => {
        running = null
        throw error
      })
      return (await running).account
    },
    portal: () => portal,
    async stop() {
      const current = running
      running = null
      if (!current) return
      const { portal: started, account } = await current
      portal = null
      try {
        await deps.accounts.remove(account.id, { force: true })
      } finally {
        await started.close()
      }
    },
  }
}
