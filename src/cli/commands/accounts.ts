import type { AccountView } from '@shared/types'
import type { CliContext } from '../context'
import { EXIT, exitCodeForKind, type ExitCode } from '../exit-codes'
import { stateFailure } from '../state-failure'
import { renderTable } from '../table'
import { parsePortalAddress } from '../portal-move'

/** What `accounts list --json` prints per account: the renderer's secret-free view, nothing more. */
export function accountJson(account: AccountView) {
  return {
    id: account.id,
    portal: account.portal,
    user: { id: account.userId, name: account.userName },
    label: account.label,
    authKind: account.authKind,
    credential: account.maskedCredential,
    enabled: account.enabled,
    saved: account.persisted,
    createdAt: account.createdAt,
  }
}

function fail(context: CliContext, error: unknown, account?: string): ExitCode {
  const state = stateFailure(error, context, context.configDir)
  if (state) {
    context.err(state.message)
    return state.code
  }
  const view = context.describe(error)
  context.err(account ? context.i18n.t('cli:accountFailed', { account, message: view.message }) : view.message)
  // A keychain that cannot be reached is a problem with where credentials live: the credentials exit code.
  return view.code.startsWith('KEYCHAIN_') ? EXIT.credentials : exitCodeForKind(view.kind)
}

export async function accountsListCommand(context: CliContext): Promise<ExitCode> {
  const { t } = context.i18n
  const accounts = (await context.accounts()).list()
  if (context.options.json) {
    context.json({ accounts: accounts.map(accountJson) })
    return EXIT.ok
  }
  if (accounts.length === 0) {
    context.out(t('cli:noAccounts'))
    return EXIT.ok
  }
  context.lines(
    renderTable(
      [t('cli:table.account'), t('cli:table.user'), t('cli:table.status'), t('cli:table.credential')],
      accounts.map((account) => [
        account.id,
        account.userName ?? t('cli:unknownUser'),
        account.enabled ? t('cli:enabled') : t('cli:disabled'),
        account.maskedCredential,
      ]),
    ),
  )
  return EXIT.ok
}

export async function accountsAddCommand(
  context: CliContext,
  options: { webhook: string; label?: string },
): Promise<ExitCode> {
  const { t } = context.i18n
  try {
    const service = await context.accounts()
    const account = await service.addWebhook({ webhookUrl: options.webhook, label: options.label })
    if (context.options.json) context.json({ account: accountJson(account) })
    else context.out(t('cli:added', { account: account.id, user: account.userName ?? t('cli:unknownUser') }))
    return EXIT.ok
  } catch (error) {
    return fail(context, error)
  }
}

export async function accountsRemoveCommand(context: CliContext, id: string): Promise<ExitCode> {
  const { t } = context.i18n
  const service = await context.accounts()
  if (!service.get(id)) {
    context.err(t('cli:open.unknownAccount', { account: id }))
    return EXIT.usage
  }
  try {
    await service.remove(id)
    if (context.options.json) context.json({ removed: id })
    else context.out(t('cli:removed', { account: id }))
    return EXIT.ok
  } catch (error) {
    return fail(context, error, id)
  }
}

/**
 * Accepts a portal's move: proves with the stored credentials that the new address answers for the same user, then
 * stores it (the account id stays). Nothing is sent anywhere before the address is checked to be a bare origin.
 */
export async function accountsSetPortalCommand(context: CliContext, id: string, url: string): Promise<ExitCode> {
  const { t } = context.i18n
  const address = parsePortalAddress(url)
  if (!address.ok) {
    // The text given is never echoed: it may be a webhook URL with its code. Its origin alone is safe to show.
    context.err(
      address.problem === 'notOrigin'
        ? t('cli:setPortal.notOrigin', { origin: address.origin })
        : t(`cli:setPortal.${address.problem}`),
    )
    return EXIT.usage
  }
  const service = await context.accounts()
  if (!service.get(id)) {
    context.err(t('cli:open.unknownAccount', { account: id }))
    return EXIT.usage
  }
  try {
    const account = await service.updateOrigin(id, address.origin)
    if (context.options.json) context.json({ account: accountJson(account) })
    else
      context.out(
        t('cli:setPortal.done', {
          account: account.id,
          portal: account.portal,
          user: account.userName ?? t('cli:unknownUser'),
        }),
      )
    return EXIT.ok
  } catch (error) {
    return fail(context, error, id)
  }
}
