// Inline checks of the add-account forms, so a typo is named while typing, before anything is sent to main.
// Main validates every request again with its zod schemas and its own parser (the renderer is not trusted); these
// checks only mirror its rules for quick feedback, with URL parsing rather than zod to keep the bundle small.

export type WebhookIssue = 'empty' | 'notUrl' | 'httpsRequired' | 'notWebhook'

export type WebhookCheck = { ok: true; origin: string; userId: string } | { ok: false; issue: WebhookIssue }

/** Whether the text parses as an http(s) URL with a host. */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** `/rest/USER_ID/CODE/`, optionally followed by a method name as copied from the portal's example. */
const WEBHOOK_PATH = /^\/rest\/0*([1-9]\d*)\/([A-Za-z0-9_-]+)(?:\/(?:[\w.]+)?)?$/

/** Plain http is for this machine only (the demo portal), as in main's HTTPS rule. */
const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/i

/** Adds https:// when the user left the scheme out, as main does (`acme.bitrix24.com/rest/1/x/`). */
function withScheme(text: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`
}

export function checkWebhookUrl(input: string): WebhookCheck {
  const text = input.trim()
  if (text === '') return { ok: false, issue: 'empty' }
  const candidate = withScheme(text)
  if (/\s/.test(text) || !isHttpUrl(candidate)) return { ok: false, issue: 'notUrl' }
  const url = new URL(candidate)
  const path = WEBHOOK_PATH.exec(url.pathname)
  if (!path || url.search !== '' || url.hash !== '') return { ok: false, issue: 'notWebhook' }
  if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname)) return { ok: false, issue: 'httpsRequired' }
  return { ok: true, origin: url.origin, userId: path[1] ?? '' }
}

export interface OAuthFields {
  portal: string
  accessToken: string
  refreshToken: string
  clientId: string
  clientSecret: string
  tokenServerUrl: string
}

export type OAuthIssue = 'required' | 'notUrl'
export type OAuthIssues = Partial<Record<keyof OAuthFields, OAuthIssue>>

const REQUIRED: readonly (keyof OAuthFields)[] = ['portal', 'accessToken', 'refreshToken', 'clientId', 'clientSecret']

/** Every missing or malformed field at once, so the user fixes the form in one pass. */
export function checkOAuthFields(fields: OAuthFields): OAuthIssues {
  const issues: OAuthIssues = {}
  for (const name of REQUIRED) if (fields[name].trim() === '') issues[name] = 'required'
  const portal = fields.portal.trim()
  if (!issues.portal && (!isHttpUrl(withScheme(portal)) || !new URL(withScheme(portal)).hostname.includes('.')))
    issues.portal = 'notUrl'
  const tokenServer = fields.tokenServerUrl.trim()
  if (tokenServer !== '' && !/^https:/i.test(tokenServer)) issues.tokenServerUrl = 'notUrl'
  else if (tokenServer !== '' && !isHttpUrl(tokenServer)) issues.tokenServerUrl = 'notUrl'
  return issues
}
