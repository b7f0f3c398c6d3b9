// OAuth token refresh at the token server (`oauth.bitrix.info` or the region's, taken from `server_endpoint`).
import { z } from 'zod'
import { BitrixError } from './errors'
import { isAllowedOrigin } from './origin-policy'
import type { Transport } from './transport'
import type { OAuthCredentials } from './types'

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1).max(2000),
  refresh_token: z.string().min(1).max(2000),
  server_endpoint: z.string().max(500).optional(),
  user_id: z.union([z.number().int().positive().transform(String), z.string().regex(/^\d+$/)]).optional(),
})

/** The token endpoint behind a `server_endpoint` (`https://oauth.bitrix.info/rest/` -> `.../oauth/token/`). */
export function tokenUrlFromServerEndpoint(serverEndpoint: string | undefined, fallback: string): string {
  if (!serverEndpoint) return fallback
  try {
    const url = new URL('/oauth/token/', serverEndpoint)
    return isAllowedOrigin(url.href) ? url.href : fallback
  } catch {
    return fallback
  }
}

/** Exchanges the refresh token for new tokens (the refresh token rotates: the old one is dead afterwards). */
export async function refreshTokens(
  credentials: OAuthCredentials,
  transport: Transport,
  redact: (text: string) => string,
  signal?: AbortSignal,
): Promise<OAuthCredentials> {
  const url = new URL(credentials.tokenServerUrl)
  url.search = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    refresh_token: credentials.refreshToken,
  }).toString()
  const answer = await transport.send({ url: url.href, method: 'GET' }, signal)
  const json = interpretTokenAnswer(answer.status, answer.text, redact)
  const tokens = tokenResponseSchema.safeParse(json)
  if (!tokens.success) {
    throw new BitrixError({
      code: 'BAD_RESPONSE',
      reason: 'shape',
      status: answer.status,
      detail: 'token answer without tokens',
    })
  }
  return {
    ...credentials,
    accessToken: tokens.data.access_token,
    refreshToken: tokens.data.refresh_token,
    userId: credentials.userId ?? tokens.data.user_id ?? null,
    tokenServerUrl: tokenUrlFromServerEndpoint(tokens.data.server_endpoint, credentials.tokenServerUrl),
  }
}

const tokenErrorSchema = z.object({ error: z.string().min(1).max(200), error_description: z.unknown().optional() })

/** The token server answers `{access_token, ...}` or `{error, error_description}` at the top level. */
function interpretTokenAnswer(status: number, text: string, redact: (text: string) => string): unknown {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const error = tokenErrorSchema.safeParse(json)
  if (error.success) {
    const description = error.data.error_description
    throw new BitrixError({
      code: error.data.error,
      status,
      detail: typeof description === 'string' ? redact(description.slice(0, 300)) : null,
    })
  }
  if (json === undefined || status >= 400) {
    const reason = text.trim() === '' ? 'empty' : json === undefined ? 'not_json' : 'status'
    const code = status >= 400 ? `HTTP_${status}` : 'BAD_RESPONSE'
    throw new BitrixError({ code, status, reason, detail: 'unusable token server answer', excerpt: redact(text) })
  }
  return json
}
