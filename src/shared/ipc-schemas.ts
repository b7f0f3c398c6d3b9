// Runtime schemas of IPC requests. Main only: preload and renderer import these as types, never as values,
// because a sandboxed preload cannot load zod.
import { z } from 'zod'
import {
  accountIdSchema,
  GROUP_PAGES,
  groupIdSchema,
  labelSchema,
  oauthInputSchema,
  settingsPatchSchema,
  webhookInputSchema,
  webhookUrlSchema,
} from './model'

const accountId = accountIdSchema
const groupId = groupIdSchema

/** The patch schema is the model's, derived from the one settings schema. */
export { settingsPatchSchema }

export const requestSchemas = {
  'state:get': z.void(),
  /** `page`: one of the group's sub-pages (tasks, calendar, …); without it, the group's own page. */
  'groups:open': z.object({ accountId, groupId, page: z.enum(GROUP_PAGES).optional() }).strict(),
  'groups:copyLink': z.object({ accountId, groupId }).strict(),
  'groups:setPinned': z.object({ accountId, groupId, pinned: z.boolean() }).strict(),
  'sync:refresh': z.object({ accountId: accountId.optional() }).strict(),
  'changes:markSeen': z.object({ ids: z.array(z.string().max(100)).max(1000).optional() }).strict(),
  'accounts:test': z.object({ webhookUrl: webhookUrlSchema }).strict(),
  'accounts:addWebhook': webhookInputSchema,
  'accounts:addOAuth': oauthInputSchema,
  'accounts:update': z
    .object({
      accountId,
      label: labelSchema.optional(),
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
  'app:info': z.void(),
  'app:openLogs': z.void(),
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
