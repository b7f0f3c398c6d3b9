// The Bitrix24 REST client's public surface. Everything else in this folder is an implementation detail.
export type * from './types'
export { BitrixError, toErrorView, errorKindOf, isBitrixErrorShape } from './errors'
export type { UnexpectedView } from './errors'
export type { BitrixErrorInit } from './errors'
export { documentedStatusOf } from './error-codes'
export {
  parseWebhookUrl,
  maskWebhookUrl,
  maskCredentials,
  normalizePortalOrigin,
  parseOAuthCredentials,
  secretsOf,
  DEFAULT_TOKEN_SERVER_URL,
} from './credentials'
export type { OAuthInput, ParseOptions } from './credentials'
export { isLoopbackOrigin, isAllowedOrigin, assertAllowedOrigin } from './origin-policy'
export { isBitrixCloudHost, BITRIX_CLOUD_DOMAINS } from './cloud-hosts'
export { createRateLimiterRegistry, defaultRateLimiterRegistry, DEFAULT_BUCKET } from './rate-limiter'
export { createBitrixClient, GROUPS_METHOD, DEFAULT_TIMEOUT_MS, INCONSISTENT_LIST } from './client'
export { createGroupUrlBuilder, DEFAULT_GROUP_URL_TEMPLATE, resolvePortalUrl, trustedGroupUrl } from './portal-urls'
export { createRedactor, redactPatterns, MASK } from './redact'
export { APP_VERSION, DEFAULT_USER_AGENT } from './version'
