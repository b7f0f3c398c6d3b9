// Runtime schemas of IPC requests. Main only: preload and renderer import these as types, never as values,
// because a sandboxed preload cannot load zod.
import { z } from 'zod'

const accountId = z.string().min(1).max(300)
const groupId = z.string().min(1).max(64)
const changeKind = z.enum(['joined', 'left', 'role_changed', 'renamed', 'image_changed', 'extranet_changed'])

export const settingsPatchSchema = z
  .object({
    pollIntervalSeconds: z.number().int().min(15).max(3600),
    notifications: z
      .object({
        kinds: z.partialRecord(changeKind, z.boolean()),
        mutedUntil: z.iso.datetime({ offset: true }).nullable(),
      })
      .partial()
      .strict(),
    theme: z.enum(['system', 'light', 'dark']),
    language: z.enum(['system', 'en', 'ru', 'de']),
    launchAtLogin: z.boolean(),
    globalShortcut: z.string().min(1).max(100).nullable(),
    trayMenuGroupCount: z.number().int().min(0).max(50),
  })
  .partial()
  .strict()

export const requestSchemas = {
  'state:get': z.void(),
  'groups:open': z.object({ accountId, groupId }).strict(),
  'groups:copyLink': z.object({ accountId, groupId }).strict(),
  'groups:setPinned': z.object({ accountId, groupId, pinned: z.boolean() }).strict(),
  'sync:refresh': z.object({ accountId: accountId.optional() }).strict(),
  'changes:markSeen': z.object({ ids: z.array(z.string().max(100)).max(1000).optional() }).strict(),
  'accounts:test': z.object({ webhookUrl: z.string().min(1).max(2000) }).strict(),
  'accounts:addWebhook': z
    .object({
      webhookUrl: z.string().min(1).max(2000),
      label: z.string().max(100).optional(),
      sessionOnly: z.boolean().optional(),
    })
    .strict(),
  'accounts:addOAuth': z
    .object({
      portal: z.string().min(1).max(500),
      accessToken: z.string().min(1).max(2000),
      refreshToken: z.string().min(1).max(2000),
      clientId: z.string().min(1).max(500),
      clientSecret: z.string().min(1).max(500),
      tokenServerUrl: z.string().max(500).optional(),
      label: z.string().max(100).optional(),
      sessionOnly: z.boolean().optional(),
    })
    .strict(),
  'accounts:update': z
    .object({
      accountId,
      label: z.string().max(100).optional(),
      enabled: z.boolean().optional(),
      groupUrlTemplate: z.string().min(1).max(500).optional(),
    })
    .strict(),
  'accounts:remove': z.object({ accountId }).strict(),
  /** The user confirms the new address of a moved portal; main takes the address from the account's own error. */
  'accounts:acceptMove': z.object({ accountId }).strict(),
  'settings:update': settingsPatchSchema,
  'notifications:pause': z.object({ until: z.enum(['hour', 'tomorrow', 'resume']) }).strict(),
  'window:hide': z.void(),
  'demo:start': z.void(),
  'app:quit': z.void(),
} as const

export type RequestSchemas = typeof requestSchemas
export type ValidatedRequestOf<C extends keyof RequestSchemas> = z.output<RequestSchemas[C]>

/** Validates a request from the renderer; the error names the field, never echoes the payload. */
export function parseRequest<C extends keyof RequestSchemas>(channel: C, payload: unknown): ValidatedRequestOf<C> {
  const result = requestSchemas[channel].safeParse(payload)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue?.path.join('.') || 'payload'
    throw new Error(`Invalid request on ${channel}: ${where}: ${issue?.message ?? 'invalid'}`)
  }
  return result.data as ValidatedRequestOf<C>
}
