// The error taxonomy: every code a portal, the token server or this client can produce, with its kind, whether a
// later retry makes sense, the documented HTTP status and the key of its user-facing message (namespace `errors`).
import type { Dictionaries, KeysOf } from '@shared/i18n'
import type { ErrorKind } from '@shared/types'

export interface ErrorCodeRule {
  kind: ErrorKind
  /** Whether trying again later can succeed without the user doing anything. */
  retryable: boolean
  /** Key in the `errors` namespace: a key without a message there is a compile error. */
  message: KeysOf<Dictionaries['errors']>
  /** The HTTP status the portal documents for the code (the demo portal answers with it). */
  status?: number
}

/** Codes of the Bitrix24 REST error table (`bitrix24-api.md`), spelled as the portal spells them. */
export const PORTAL_ERROR_CODES: Readonly<Record<string, ErrorCodeRule>> = {
  INTERNAL_SERVER_ERROR: { kind: 'server', retryable: true, message: 'internalServerError', status: 500 },
  ERROR_UNEXPECTED_ANSWER: { kind: 'server', retryable: true, message: 'internalServerError', status: 500 },
  QUERY_LIMIT_EXCEEDED: { kind: 'rate_limit', retryable: true, message: 'queryLimitExceeded', status: 503 },
  OVERLOAD_LIMIT: { kind: 'overload', retryable: true, message: 'overloadLimit', status: 503 },
  OPERATION_TIME_LIMIT: { kind: 'method_time', retryable: true, message: 'operationTimeLimit', status: 429 },
  ERROR_BATCH_METHOD_NOT_ALLOWED: { kind: 'protocol', retryable: false, message: 'programmingError', status: 405 },
  ERROR_BATCH_LENGTH_EXCEEDED: { kind: 'protocol', retryable: false, message: 'programmingError', status: 400 },
  ERROR_METHOD_NOT_FOUND: { kind: 'not_found', retryable: false, message: 'methodNotFound', status: 404 },
  NO_AUTH_FOUND: { kind: 'auth', retryable: false, message: 'noAuthFound', status: 401 },
  INVALID_CREDENTIALS: { kind: 'permission', retryable: false, message: 'invalidCredentials', status: 403 },
  insufficient_scope: { kind: 'scope', retryable: false, message: 'insufficientScope', status: 403 },
  expired_token: { kind: 'auth', retryable: false, message: 'expiredToken', status: 401 },
  invalid_token: { kind: 'auth', retryable: false, message: 'invalidToken', status: 401 },
  user_access_error: { kind: 'permission', retryable: false, message: 'userAccessError', status: 403 },
  ACCESS_DENIED: { kind: 'plan', retryable: false, message: 'accessDenied', status: 403 },
  // The portal's INVALID_REQUEST means "HTTPS required": only the user can change the address.
  INVALID_REQUEST: { kind: 'auth', retryable: false, message: 'httpsRequired', status: 400 },
  // Waiting for an administrator can end without the user: worth a rare retry.
  method_confirm_waiting: { kind: 'permission', retryable: true, message: 'methodConfirmWaiting', status: 401 },
  WRONG_AUTH_TYPE: { kind: 'auth', retryable: false, message: 'wrongAuthType', status: 401 },
  wrong_client: { kind: 'auth', retryable: false, message: 'wrongClient', status: 401 },
  payment_required: { kind: 'plan', retryable: false, message: 'paymentRequired', status: 402 },
  ERROR_MANIFEST_IS_NOT_AVAILABLE: {
    kind: 'not_found',
    retryable: false,
    message: 'manifestNotAvailable',
    status: 404,
  },
  // A closed public part is usually maintenance on a self-hosted portal: it reopens by itself.
  PORTAL_DELETED: { kind: 'server', retryable: true, message: 'portalDeleted', status: 500 },
}

/** Codes of the OAuth token server (`oauth.bitrix.info` or the region's). */
export const TOKEN_SERVER_ERROR_CODES: Readonly<Record<string, ErrorCodeRule>> = {
  invalid_grant: { kind: 'auth', retryable: false, message: 'invalidGrant', status: 400 },
  invalid_client: { kind: 'auth', retryable: false, message: 'invalidClient', status: 401 },
  // Not the portal's INVALID_REQUEST: from the token server it means a malformed refresh request.
  invalid_request: { kind: 'auth', retryable: false, message: 'invalidGrant', status: 400 },
  PAYMENT_REQUIRED: { kind: 'plan', retryable: false, message: 'paymentRequired', status: 402 },
}

/** Codes this client makes up for what the portal never says itself. */
export const SYNTHETIC_ERROR_CODES: Readonly<Record<string, ErrorCodeRule>> = {
  NETWORK: { kind: 'network', retryable: true, message: 'network' },
  TIMEOUT: { kind: 'network', retryable: true, message: 'timeout' },
  // A bad certificate does not fix itself within one call, but may after the user or the network changes.
  TLS_ERROR: { kind: 'network', retryable: false, message: 'tls' },
  ABORTED: { kind: 'network', retryable: false, message: 'aborted' },
  BAD_RESPONSE: { kind: 'protocol', retryable: true, message: 'badResponse' },
  TOO_MANY_REDIRECTS: { kind: 'protocol', retryable: false, message: 'tooManyRedirects' },
  INSECURE_REDIRECT: { kind: 'protocol', retryable: false, message: 'insecureRedirect' },
  PORTAL_MOVED: { kind: 'moved', retryable: false, message: 'portalMoved' },
  // Account settings the user must fix; kind `auth` because, like bad credentials, only the user can.
  INVALID_WEBHOOK_URL: { kind: 'auth', retryable: false, message: 'webhookUrl.invalid' },
  INVALID_PORTAL_URL: { kind: 'auth', retryable: false, message: 'portalUrl.invalid' },
  INVALID_OAUTH_CREDENTIALS: { kind: 'auth', retryable: false, message: 'oauthCredentials' },
  INSECURE_ORIGIN: { kind: 'auth', retryable: false, message: 'insecureOrigin' },
  INVALID_GROUP_URL_TEMPLATE: { kind: 'auth', retryable: false, message: 'groupUrlTemplate' },
  UNEXPECTED: { kind: 'server', retryable: true, message: 'unexpected' },
}

const UPPERCASE_INDEX = new Map(
  [PORTAL_ERROR_CODES, TOKEN_SERVER_ERROR_CODES].flatMap((table) =>
    Object.entries(table).map(([code, rule]) => [code.toUpperCase(), rule] as const),
  ),
)

function ruleForStatus(status: number | null | undefined): ErrorCodeRule {
  if (status === 401) return { kind: 'auth', retryable: false, message: 'httpAuth' }
  if (status === 403) return { kind: 'permission', retryable: false, message: 'httpAuth' }
  if (status === 404) return { kind: 'not_found', retryable: false, message: 'httpNotFound' }
  if (status === 429) return { kind: 'rate_limit', retryable: true, message: 'queryLimitExceeded' }
  if (status !== null && status !== undefined && status >= 500) {
    return { kind: 'server', retryable: true, message: 'httpServer' }
  }
  return { kind: 'protocol', retryable: false, message: 'unknownPortalError' }
}

/**
 * The rule for a code: exact spelling first (the token server's `invalid_request` is not the portal's
 * `INVALID_REQUEST`), then case-insensitively, then `HTTP_<status>`, then by the answer's HTTP status.
 */
export function ruleFor(code: string, status?: number | null): ErrorCodeRule {
  const exact = PORTAL_ERROR_CODES[code] ?? TOKEN_SERVER_ERROR_CODES[code] ?? SYNTHETIC_ERROR_CODES[code]
  if (exact) return exact
  const caseless = UPPERCASE_INDEX.get(code.toUpperCase())
  if (caseless) return caseless
  const httpCode = /^HTTP_(\d{3})$/.exec(code)
  if (httpCode) return ruleForStatus(Number(httpCode[1]))
  return ruleForStatus(status)
}

/** The kind of an error code (an unknown portal code is judged by its HTTP status, when given). */
export function errorKindOf(code: string, status?: number | null): ErrorKind {
  return ruleFor(code, status).kind
}

/** The HTTP status the documentation gives for a portal code, or 400 for an unknown one. */
export function documentedStatusOf(code: string): number {
  return ruleFor(code).status ?? 400
}
