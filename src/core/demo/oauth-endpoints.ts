// The demo's OAuth server: the token endpoint (refresh_token and authorization_code grants, rotating refresh tokens)
// and an authorization endpoint that approves at once, as a signed-in user would.
import { errorAnswer, json, type Answer } from './http-answer'
import type { Params } from './rest-methods'
import type { PortalState } from './portal-state'

const ACCESS_TOKEN_LIFETIME_S = 3600

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

export function tokenEndpoint(state: PortalState, params: Params, origin: string, now: number): Answer {
  if (text(params.client_id) !== state.app.clientId || text(params.client_secret) !== state.app.clientSecret) {
    return errorAnswer(401, 'invalid_client', 'Invalid client')
  }
  const grantType = text(params.grant_type)
  const grant =
    grantType === 'refresh_token'
      ? state.redeemRefreshToken(text(params.refresh_token))
      : grantType === 'authorization_code'
        ? state.redeemAuthorizationCode(text(params.code))
        : undefined
  if (grant === undefined) return errorAnswer(400, 'invalid_request', 'Unsupported grant_type')
  if (grant === null) return errorAnswer(400, 'invalid_grant', 'Invalid grant')
  return json(200, {
    access_token: grant.accessToken,
    expires: Math.floor(now / 1000) + ACCESS_TOKEN_LIFETIME_S,
    expires_in: ACCESS_TOKEN_LIFETIME_S,
    scope: 'sonet_group,socialnetwork,user',
    domain: new URL(origin).host,
    server_endpoint: `${origin}/rest/`,
    status: 'L',
    client_endpoint: `${origin}/rest/`,
    member_id: state.memberId,
    user_id: Number(grant.userId),
    refresh_token: grant.refreshToken,
  })
}

/**
 * `/oauth/authorize/?client_id=..&state=..[&redirect_uri=..][&user_id=..]`: approves for the user (default 1) and
 * redirects with the code, or answers it as JSON when there is nowhere to redirect.
 */
export function authorizeEndpoint(state: PortalState, url: URL, origin: string): Answer {
  if (url.searchParams.get('client_id') !== state.app.clientId)
    return errorAnswer(400, 'invalid_client', 'Invalid client')
  const userId = url.searchParams.get('user_id') ?? '1'
  if (!/^\d+$/.test(userId)) return errorAnswer(400, 'invalid_request', 'Invalid user_id')
  const grant = {
    code: state.issueAuthorizationCode(userId),
    state: url.searchParams.get('state') ?? '',
    domain: new URL(origin).host,
    member_id: state.memberId,
    scope: 'sonet_group,socialnetwork,user',
    server_domain: new URL(origin).host,
  }
  const redirectUri = url.searchParams.get('redirect_uri')
  if (!redirectUri) return json(200, grant)
  let target: URL
  try {
    target = new URL(redirectUri)
  } catch {
    return errorAnswer(400, 'invalid_request', 'Invalid redirect_uri')
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return errorAnswer(400, 'invalid_request', 'Invalid redirect_uri')
  }
  for (const [key, value] of Object.entries(grant)) target.searchParams.set(key, value)
  return { status: 302, headers: { Location: target.href }, body: '' }
}
