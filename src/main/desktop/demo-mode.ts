// Demo mode: the demo's portals started in-process (DEMO_ACCOUNTS: each with its scenario, a believable set of groups
// and a membership change now and then) and a session-only account on each. Nothing of it is saved: the accounts live
// in memory, and quitting removes them (with their snapshots and history) and closes the portals.
import type { AccountView } from '@shared/types'
import type { DemoPortal, DemoSet } from '../../core/demo'

export interface DemoModeDeps {
  startDemo(): Promise<DemoSet>
  accounts: {
    addWebhook(input: { webhookUrl: string; label?: string; sessionOnly?: boolean }): Promise<AccountView>
    remove(accountId: string, options?: { force?: boolean }): Promise<void>
  }
}

export interface DemoMode {
  /** Starts the portals and adds their accounts; returns the primary one (a second call: the same). */
  start(): Promise<AccountView>
  /** The primary account's portal while running (the end-to-end tests script changes through it). */
  portal(): DemoPortal | null
  stop(): Promise<void>
}

export function createDemoMode(deps: DemoModeDeps): DemoMode {
  let running: Promise<{ set: DemoSet; accounts: AccountView[] }> | null = null
  let portal: DemoPortal | null = null

  /** Removes every one of them, even when one removal fails (that first failure is then thrown). */
  async function removeAll(accounts: readonly AccountView[]) {
    const removed = await Promise.allSettled(
      accounts.map((account) => deps.accounts.remove(account.id, { force: true })),
    )
    const failed = removed.find((outcome) => outcome.status === 'rejected')
    if (failed) throw failed.reason
  }

  async function launch() {
    const set = await deps.startDemo()
    const accounts: AccountView[] = []
    try {
      // One after another, so the accounts are listed in the set's order with the primary first.
      for (const member of set.members) {
        accounts.push(
          await deps.accounts.addWebhook({
            webhookUrl: member.webhookUrl,
            label: member.spec.label,
            sessionOnly: true,
          }),
        )
      }
    } catch (error) {
      try {
        await removeAll(accounts)
      } finally {
        await set.close()
      }
      throw error
    }
    portal = set.members[0]?.portal ?? null
    return { set, accounts }
  }

  return {
    async start() {
      running ??= launch().catch((error: unknown) => {
        running = null
        throw error
      })
      const { accounts } = await running
      return accounts[0]!
    },
    portal: () => portal,
    async stop() {
      const current = running
      running = null
      if (!current) return
      const { set, accounts } = await current
      portal = null
      try {
        await removeAll(accounts)
      } finally {
        await set.close()
      }
    },
  }
}
