// Turns what the user pastes (a webhook URL, a portal address, OAuth fields) into credentials, or a BitrixError whose
// message key says exactly what is wrong. Error details name the problem, never the pasted value.
import { z } from 'zod'
import type { Dictionaries, KeysOf } from '@shared/i18n'
import { oauthCredentialsInputSchema } from '@shared/model'
import { BitrixError } from './errors'
import { MASK } from './redact'
import { isAllowedOrigin } from './origin-policy'
import type { Credentials, OAuthCredentials, WebhookCredentials } from './types'

export const DEFAULT_TOKEN_SERVER_URL = 'https://oauth.bitrix.info/oauth/token/'

export interface ParseOptions {
  /** Accept plain http to a non-loopback host (a self-hosted portal served over HTTP). */
  allowHttp?: boolean
}

type ErrorsOf<Group extends 'webhookUrl' | 'portalUrl'> = KeysOf<Dictionaries['errors'][Group]>

function webhookError(problem: ErrorsOf<'webhookUrl'>, detail: string): BitrixError {
  return new BitrixError({ code: 'INVALID_WEBHOOK_URL', messageKey: `webhookUrl.${problem}`, detail })
}

/** Parses with a scheme, or as https when the user left the scheme out (`acme.bitrix24.com/rest/1/x/`). */
function parseLooseUrl(input: string): URL | null {
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(input)
  try {
    return new URL(hasScheme ? input : `https://${input}`)
  } catch {
    return null
  }
}

function assertWebScheme(
  url: URL,
  allowHttp: boolean,
  fail: (problem: 'notHttps' | 'notUrl', detail: string) => BitrixError,
): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw fail('notHttps', `scheme ${url.protocol} is not https`)
  if (!url.hostname) throw fail('notUrl', 'no host')
  if (!isAllowedOrigin(url.href, allowHttp)) throw fail('notHttps', 'plain http to a non-loopback host')
}

// Webhook codes are letters and digits; a dot means the user pasted a method name where the code belongs.
const WEBHOOK_CODE = /^[A-Za-z0-9_-]+$/

/**
 * Parses an inbound webhook URL `https://HOST/rest/USER_ID/CODE/`, with or without the trailing slash and with or
 * without a method name pasted after it (`.../profile.json`).
 */
export function parseWebhookUrl(input: string, options: ParseOptions = {}): WebhookCredentials {
  const trimmed = typeof input === 'string' ? input.trim() : ''
  const url = trimmed && !/\s/.test(trimmed) ? parseLooseUrl(trimmed) : null
  if (!url) throw webhookError('notUrl', 'not a URL')
  assertWebScheme(url, options.allowHttp ?? false, webhookError)
  // Refused, not trimmed: a query, fragment or user info means the URL is not what the user thinks it is, and the
  // message names the part, never the pasted value (it holds the code).
  if (url.search || url.hash || url.username || url.password || /[?#]/.test(trimmed)) {
    throw webhookError('extras', 'a query, fragment or user info after the webhook URL')
  }
  const segments = url.pathname.split('/').filter(Boolean)
  if (segments[0]?.toLowerCase() !== 'rest') throw webhookError('noRest', 'the path does not start with /rest/')
  const userId = segments[1] ?? ''
  if (!/^\d+$/.test(userId) || /^0+$/.test(userId)) throw webhookError('userIdNotNumber', 'no numeric user id')
  const code = segments[2] ?? ''
  if (!WEBHOOK_CODE.test(code)) throw webhookError('codeMissing', 'no webhook code after the user id')
  return { kind: 'webhook', origin: url.origin, userId: String(Number(userId)), code }
}

/** The secret parts of credentials: what a log or a message must never carry. */
export function secretsOf(credentials: Credentials): string[] {
  return credentials.kind === 'webhook'
    ? [credentials.code]
    : [credentials.accessToken, credentials.refreshToken, credentials.clientSecret]
}

/** `https://HOST/rest/1/••••/`: what may be shown instead of the webhook URL. */
export function maskWebhookUrl(credentials: Pick<WebhookCredentials, 'origin' | 'userId'>): string {
  return `${credentials.origin}/rest/${credentials.userId}/${MASK}/`
}

/** A secret-free description of any credentials: the masked webhook URL, or `https://HOST (OAuth)`. */
export function maskCredentials(credentials: Credentials): string {
  return credentials.kind === 'webhook' ? maskWebhookUrl(credentials) : `${credentials.origin} (OAuth)`
}

function portalError(problem: ErrorsOf<'portalUrl'>, detail: string): BitrixError {
  return new BitrixError({ code: 'INVALID_PORTAL_URL', messageKey: `portalUrl.${problem}`, detail })
}

/** A portal address as the user types it (`acme.bitrix24.com`, `https://acme.bitrix24.com/stream/`) -> its origin. */
export function normalizePortalOrigin(input: string, options: ParseOptions = {}): string {
  const trimmed = typeof input === 'string' ? input.trim() : ''
  const url = trimmed && !/\s/.test(trimmed) ? parseLooseUrl(trimmed) : null
  // A bare word is a typo, not a portal: portals have dotted names (or are this machine).
  const plausibleHost =
    url && (url.hostname.includes('.') || url.hostname.startsWith('[') || url.hostname === 'localhost')
  if (!url || !plausibleHost) {
    throw portalError('notUrl', 'not a portal address')
  }
  assertWebScheme(url, options.allowHttp ?? false, portalError)
  return url.origin
}

// The model's OAuth fields; a stored account also knows its user.
const oauthInputSchema = oauthCredentialsInputSchema.extend({
  userId: z
    .string()
    .regex(/^[1-9]\d*$/)
    .nullable()
    .optional(),
})

export type OAuthInput = z.input<typeof oauthInputSchema>

/** Validates OAuth fields as the user or a store gives them (`portal` may be an address or an origin). */
export function parseOAuthCredentials(input: unknown, options: ParseOptions = {}): OAuthCredentials {
  const parsed = oauthInputSchema.safeParse(input)
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'input'
    throw new BitrixError({ code: 'INVALID_OAUTH_CREDENTIALS', detail: `${field} is missing or invalid` })
  }
  const { portal, accessToken, refreshToken, clientId, clientSecret, tokenServerUrl, userId } = parsed.data
  const origin = normalizePortalOrigin(portal, options)
  const tokenServer = tokenServerUrl?.trim() || DEFAULT_TOKEN_SERVER_URL
  // The token server gets the refresh token and client secret: https only, loopback aside.
  if (!isAllowedOrigin(tokenServer)) {
    throw new BitrixError({ code: 'INVALID_OAUTH_CREDENTIALS', detail: 'tokenServerUrl must be an https URL' })
  }
  return {
    kind: 'oauth',
    origin,
    userId: userId ?? null,
    accessToken,
    refreshToken,
    clientId,
    clientSecret,
    tokenServerUrl: new URL(tokenServer).href,
  }
}
