import type { CliContext } from '../context'
import { EXIT, type ExitCode } from '../exit-codes'

export async function demoPortalCommand(context: CliContext, options: { port?: number }): Promise<ExitCode> {
  const { t } = context.i18n
  const { DEMO_ACCOUNTS, startDemoPortal } = await import('../../core/demo')
  // The primary demo account's portal: one port to give, one webhook to print.
  const primary = DEMO_ACCOUNTS[0]!
  const portal = await startDemoPortal({
    port: options.port ?? 0,
    scenario: primary.scenario,
    scenarioIntervalMs: primary.changeEveryMs,
    detailsKeyStyle: primary.detailsKeyStyle,
  })
  const url = portal.webhookUrl()
  if (context.options.json) context.json({ type: 'listening', origin: portal.origin, webhookUrl: url })
  else {
    context.out(t('cli:demo.listening', { origin: portal.origin }))
    context.out(t('cli:demo.webhook', { url }))
    context.out(t('cli:demo.hint', { url }))
  }
  await context.deps.untilStopped()
  await portal.close()
  return EXIT.ok
}
