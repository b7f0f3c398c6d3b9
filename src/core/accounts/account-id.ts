// How an account is named and shown: its id `HOST/USER_ID` and its masked credential. Both are built from the
// portal origin and user id alone, so they can never contain a secret.
import type { AuthKind } from '@shared/types'
import { maskWebhookUrl } from '../bitrix'

/** `HOST/USER_ID`; `URL.host` keeps a port only when it is not the scheme's default. */
export function accountIdOf(portal: string, userId: string): string {
  return `${new URL(portal).host}/${userId}`
}

export function hostOf(portal: string): string {
  return new URL(portal).host
}

/** What the renderer may show instead of the credential: `https://HOST/rest/1/••••/`, or the portal for OAuth. */
export function maskedCredentialOf(account: { portal: string; userId: string; authKind: AuthKind }): string {
  return account.authKind === 'webhook'
    ? maskWebhookUrl({ origin: account.portal, userId: account.userId })
    : `${account.portal} (OAuth)`
}
