// What the user gives to add an account: one webhook input and one OAuth input, checked the same way by the IPC
// handlers, the account registry and the REST client.
import { z } from 'zod'

const label = z.string().trim().max(100)
const options = {
  label: label.optional(),
  /** Keep the secret in memory until quit rather than in the keychain. */
  sessionOnly: z.boolean().optional(),
}

export const webhookUrlSchema = z.string().min(1).max(2000)

export const webhookInputSchema = z.object({ webhookUrl: webhookUrlSchema, ...options }).strict()
export type WebhookInput = z.input<typeof webhookInputSchema>

/** The OAuth fields of a local application, as the user types them (`portal` may be an address or an origin). */
export const oauthCredentialsInputSchema = z.object({
  portal: z.string().min(1).max(500),
  accessToken: z.string().min(1).max(2000),
  refreshToken: z.string().min(1).max(2000),
  clientId: z.string().min(1).max(500),
  clientSecret: z.string().min(1).max(500),
  tokenServerUrl: z.string().max(500).optional(),
})

export const oauthInputSchema = oauthCredentialsInputSchema.extend(options).strict()
export type OAuthAccountInput = z.input<typeof oauthInputSchema>

/** An account's label as the user edits it. */
export const labelSchema = label
