// The accounts' error type, and the translation of client errors into what adding or using an account means to the
// user ("tick sonet_group", "the webhook was deleted"). Every error has the client's error shape, so the shells turn
// any of them into an ErrorView with the same `toErrorView`.
import type { MessageKey } from '@shared/i18n'
import { accounts as messages } from '@shared/i18n/accounts'
import type { AuthKind, ErrorKind } from '@shared/types'
import { isBitrixErrorShape, type BitrixErrorShape } from '../bitrix'

export interface AccountErrorInit {
  code: string
  /** `accounts:...` or another namespace's key; a key without a message is a compile error. */
  messageKey: MessageKey
  kind?: ErrorKind
  retryable?: boolean
  retryAt?: Date | null
  movedTo?: string | null
  status?: number | null
  reason?: string | null
  excerpt?: string | null
  /** English text for logs and the command line; by default the English message of `messageKey`. */
  message?: string
  cause?: unknown
}

/** The English text of an `accounts:` key, so Error.message reads well in logs and the command line. */
export function englishAccountsMessage(messageKey: string): string | null {
  if (!messageKey.startsWith('accounts:')) return null
  let node: unknown = messages.en
  for (const part of messageKey.slice('accounts:'.length).split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined
  }
  return typeof node === 'string' ? node : null
}

export class AccountError extends Error implements BitrixErrorShape {
  override name = 'AccountError'
  readonly code: string
  readonly kind: ErrorKind
  readonly retryable: boolean
  readonly retryAt: Date | null
  readonly messageKey: string
  readonly movedTo: string | null
  readonly status: number | null
  readonly reason: string | null
  readonly excerpt: string | null

  constructor(init: AccountErrorInit) {
    super(init.message ?? englishAccountsMessage(init.messageKey) ?? init.code, { cause: init.cause })
    this.code = init.code
    this.messageKey = init.messageKey
    // Most account problems are ones only the user can fix, which is what `auth` tells the sync engine.
    this.kind = init.kind ?? 'auth'
    this.retryable = init.retryable ?? false
    this.retryAt = init.retryAt ?? null
    this.movedTo = init.movedTo ?? null
    this.status = init.status ?? null
    this.reason = init.reason ?? null
    this.excerpt = init.excerpt ?? null
  }
}

export const accountNotFound = (accountId: string) =>
  new AccountError({
    code: 'ACCOUNT_NOT_FOUND',
    messageKey: 'accounts:errors.accountNotFound',
    message: `No account ${accountId}`,
  })

/** The accounts message for a client error, or null to keep the client's own (already specific) message. */
function accountsKeyFor(error: BitrixErrorShape, authKind: AuthKind): MessageKey | null {
  const { code, kind } = error
  switch (code) {
    case 'INVALID_WEBHOOK_URL':
      // The client's messages name what exactly is wrong with the URL; only its generic one is replaced.
      return error.messageKey.endsWith('webhookUrl.invalid') ? 'accounts:errors.invalidWebhookUrl' : null
    case 'INVALID_PORTAL_URL':
      return error.messageKey.endsWith('portalUrl.invalid') ? 'accounts:errors.invalidPortal' : null
    case 'NO_AUTH_FOUND':
      return authKind === 'webhook' ? 'accounts:errors.wrongCode' : 'accounts:errors.signInAgain'
    case 'expired_token':
    case 'invalid_token':
    case 'invalid_grant':
      return 'accounts:errors.signInAgain'
    case 'insufficient_scope':
      return 'accounts:errors.missingScope'
    case 'INVALID_CREDENTIALS':
      return authKind === 'webhook' ? 'accounts:errors.webhookRevoked' : 'accounts:errors.signInAgain'
    case 'user_access_error':
      return 'accounts:errors.appRestricted'
    case 'INVALID_REQUEST':
    case 'INSECURE_ORIGIN':
    case 'INSECURE_REDIRECT':
      return 'accounts:errors.httpsRequired'
    case 'method_confirm_waiting':
      return 'accounts:errors.awaitingApproval'
    case 'TLS_ERROR':
    case 'ABORTED':
      return null
  }
  switch (kind) {
    case 'plan':
      return 'accounts:errors.planRequired'
    case 'network':
      return 'accounts:errors.unreachable'
    case 'not_found':
      return 'accounts:errors.notFound'
    case 'rate_limit':
    case 'overload':
    case 'method_time':
      return 'accounts:errors.busy'
    case 'server':
    case 'protocol':
      return 'accounts:errors.badAnswer'
    default:
      return null
  }
}

/**
 * What a failure while proving or using an account's credentials means to the user. Client errors keep their code,
 * kind and retry time and get the account-specific message; account errors pass through; anything else is wrapped
 * without its message (which could carry anything).
 */
export function toAccountError(error: unknown, authKind: AuthKind): AccountError {
  if (error instanceof AccountError) return error
  if (isBitrixErrorShape(error)) {
    // The client's own key came with its error (its table's keys are typed); toErrorView checks it again.
    const messageKey = accountsKeyFor(error, authKind) ?? (error.messageKey as MessageKey)
    return new AccountError({
      code: error.code,
      kind: error.kind,
      retryable: error.retryable,
      retryAt: error.retryAt,
      movedTo: error.movedTo,
      status: error.status,
      reason: error.reason,
      excerpt: error.excerpt,
      messageKey,
      message: `${englishAccountsMessage(messageKey) ?? messageKey} (${error.code})`,
      cause: error,
    })
  }
  return new AccountError({
    code: 'UNEXPECTED',
    kind: 'server',
    messageKey: 'accounts:errors.badAnswer',
    // The cause is left out on purpose: an unknown error's text could carry a URL with a webhook code.
    message: 'Unexpected error while checking the account',
  })
}
