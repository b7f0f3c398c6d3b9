// The `profile` method's answer -> the user's id, display name and photo.
import { z } from 'zod'
import { BitrixError } from './errors'
import { resolvePortalUrl } from './portal-urls'
import type { Profile } from './types'

const optionalText = z.string().max(1000).nullable().optional()

const profileSchema = z.looseObject({
  ID: z.union([z.number().int().positive().transform(String), z.string().regex(/^\d+$/)]),
  NAME: optionalText,
  LAST_NAME: optionalText,
  PERSONAL_PHOTO: optionalText,
})

export function parseProfile(result: unknown, origin: string): Omit<Profile, 'movedTo'> {
  const parsed = profileSchema.safeParse(result)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new BitrixError({
      code: 'BAD_RESPONSE',
      reason: 'shape',
      status: 200,
      detail: `result.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    })
  }
  const { ID, NAME, LAST_NAME, PERSONAL_PHOTO } = parsed.data
  const name = [NAME, LAST_NAME]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ')
  return { id: ID, name: name || null, photoUrl: resolvePortalUrl(PERSONAL_PHOTO, origin) }
}
