// Inline checks of the add-account forms, so a typo is named while typing, before anything is sent to main
// (which validates again: the renderer is not trusted).
import * as z from 'zod/mini'

export type WebhookIssue = 'empty' | 'notUrl' | 'httpsRequired' | 'notWebhook'

export type WebhookCheck =
  { ok: true; origin: string; userId: string; insecure: boolean } | { ok: false; issue: WebhookIssue }

const httpUrl = z.httpUrl()

/** `/rest/USER_ID/CODE/`, optionally followed by a method name as copied from the portal's example. */
const WEBHOOK_PATH = /^\/rest\/(\d+)\/([A-Za-z0-9_-]{4,})(?:\/(?:[\w.]+)?)?$/

/** Cloud portals refuse plain HTTP (`INVALID_REQUEST`); self-hosted ones may allow it. */
const CLOUD_HOST = /(^|\.)bitrix24\.[a-z]{2,3}(\.[a-z]{2})?$/i

export function checkWebhookUrl(input: string): WebhookCheck {
  const text = input.trim()
  if (text === '') return { ok: false, issue: 'empty' }
  if (!httpUrl.safeParse(text).success) return { ok: false, issue: 'notUrl' }
  const url = new URL(text)
  const path = WEBHOOK_PATH.exec(url.pathname)
  if (!path || url.search !== '' || url.hash !== '') return { ok: false, issue: 'notWebhook' }
  const insecure = url.protocol === 'http:'
  if (insecure && CLOUD_HOST.test(url.hostname)) return { ok: false, issue: 'httpsRequired' }
  return { ok: true, origin: url.origin, userId: path[1] ?? '', insecure }
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
  if (!issues.portal && !httpUrl.safeParse(fields.portal.trim()).success) issues.portal = 'notUrl'
  const tokenServer = fields.tokenServerUrl.trim()
  if (tokenServer !== '' && !httpUrl.safeParse(tokenServer).success) issues.tokenServerUrl = 'notUrl'
  return issues
}
