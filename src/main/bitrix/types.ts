// Public contract of the Bitrix24 REST client. Accounts, sync, the CLI and the desktop shell code against these
// types; the implementation lives beside this file.
import type { ErrorKind, Group } from '@shared/types'

export interface WebhookCredentials {
  kind: 'webhook'
  /** Portal origin, e.g. `https://acme.bitrix24.com` (port kept when not default). */
  origin: string
  userId: string
  /** The secret webhook code. Never log it. */
  code: string
}

export interface OAuthCredentials {
  kind: 'oauth'
  origin: string
  /** Filled from `profile` or the token response; may be unknown until the first call. */
  userId: string | null
  accessToken: string
  refreshToken: string
  clientId: string
  clientSecret: string
  /** Token endpoint, default `https://oauth.bitrix.info/oauth/token/`, then the last `server_endpoint`. */
  tokenServerUrl: string
}

export type Credentials = WebhookCredentials | OAuthCredentials

/** The `time` block of a Bitrix24 answer. */
export interface TimeInfo {
  start: number
  finish: number
  duration: number
  processing: number
  dateStart: string | null
  dateFinish: string | null
  /** Seconds this method used in the rolling 10-minute window. */
  operating: number | null
  /** Unix time (s) when the oldest minute drops out of that window. */
  operatingResetAt: number | null
}

export interface GroupsResult {
  groups: Group[]
  time: TimeInfo | null
  /** Set when the portal answered from another origin after a redirect (the portal moved). */
  movedTo: string | null
}

export interface Profile {
  id: string
  /** "NAME LAST_NAME", trimmed, or null when both are empty. */
  name: string | null
  photoUrl: string | null
}

/** What every client error exposes (implemented by `BitrixError`). */
export interface BitrixErrorShape extends Error {
  /** The portal's error code, or NETWORK, TIMEOUT, BAD_RESPONSE, HTTP_<status>, ... */
  code: string
  kind: ErrorKind
  retryable: boolean
  /** When a retry makes sense, if known. */
  retryAt: Date | null
  /** i18n key of the user-facing message (namespace `errors`). */
  messageKey: string
  /** For kind `moved`: the new origin. */
  movedTo: string | null
}

export interface BitrixClient {
  readonly origin: string
  getUserGroups(signal?: AbortSignal): Promise<GroupsResult>
  getProfile(signal?: AbortSignal): Promise<Profile>
}
