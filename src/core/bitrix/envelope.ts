// Reads a portal's answer: an error body (whatever the HTTP status, 200 included), a success envelope
// `{result, next?, total?, time?}`, or a bad answer (HTML, empty, not JSON, wrong shape) as a protocol error.
import { z } from 'zod'
import { BitrixError } from './errors'
import type { TimeInfo } from './types'

export interface Envelope {
  result: unknown
  next: number | null
  total: number | null
  time: TimeInfo | null
}

interface Answer {
  status: number
  readonly text: string
}

const parseText = (answer: Answer): unknown => JSON.parse(answer.text)

const errorBodySchema = z.object({
  error: z.string().min(1).max(200),
  error_description: z.unknown().optional(),
})

const countSchema = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)])

const envelopeSchema = z.object({
  result: z.unknown().refine((value) => value !== undefined, 'result is missing'),
  next: countSchema.optional(),
  total: countSchema.optional(),
  time: z.unknown().optional(),
})

const numberish = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
])

const timeSchema = z.object({
  start: numberish,
  finish: numberish,
  duration: numberish,
  processing: numberish,
  date_start: z.string().optional(),
  date_finish: z.string().optional(),
  operating: numberish.optional(),
  operating_reset_at: numberish.optional(),
})

/** The `time` block, read leniently: it only informs scheduling, so a malformed one is dropped, not fatal. */
export function parseTimeInfo(value: unknown): TimeInfo | null {
  const parsed = timeSchema.safeParse(value)
  if (!parsed.success) return null
  const time = parsed.data
  return {
    start: time.start,
    finish: time.finish,
    duration: time.duration,
    processing: time.processing,
    dateStart: time.date_start ?? null,
    dateFinish: time.date_finish ?? null,
    operating: time.operating ?? null,
    operatingResetAt: time.operating_reset_at ?? null,
  }
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml|<h1|<title)/i.test(text)
}

function badAnswer(answer: Answer, reason: string, detail: string, redact: (text: string) => string): BitrixError {
  // An HTTP error status says more than "unreadable": a proxy's HTML 502 is a server problem, a 404 page not found.
  const code = answer.status >= 400 ? `HTTP_${answer.status}` : 'BAD_RESPONSE'
  return new BitrixError({ code, status: answer.status, reason, detail, excerpt: redact(answer.text) })
}

/**
 * Interprets an answer; throws a BitrixError for anything but a success envelope. `read` makes the body JSON (it must
 * return what JSON.parse of the text returns, and throw when that throws): by default JSON.parse of the text.
 */
export function interpretAnswer<A extends Answer>(
  answer: A,
  redact: (text: string) => string,
  read: (answer: A) => unknown = parseText,
): Envelope {
  let json: unknown
  try {
    json = read(answer)
  } catch {
    if (answer.text.trim() === '') return throwIt(badAnswer(answer, 'empty', 'empty answer', redact))
    const html = looksLikeHtml(answer.text)
    return throwIt(badAnswer(answer, html ? 'html' : 'not_json', html ? 'HTML instead of JSON' : 'not JSON', redact))
  }
  // Only a body with an `error` member can be an error body; asking zod about every success body made it build and
  // throw away a failure report on each poll.
  const error = hasErrorMember(json) ? errorBodySchema.safeParse(json) : null
  if (error?.success) {
    const description = error.data.error_description
    throw new BitrixError({
      code: error.data.error,
      status: answer.status,
      detail: typeof description === 'string' ? redact(description.slice(0, 300)) : null,
    })
  }
  if (answer.status >= 400 || answer.status < 200) {
    return throwIt(badAnswer(answer, 'status', `HTTP ${answer.status} without an error code`, redact))
  }
  const envelope = envelopeSchema.safeParse(json)
  if (!envelope.success) {
    const issue = envelope.error.issues[0]
    const where = issue?.path.join('.') || 'answer'
    return throwIt(badAnswer(answer, 'shape', `unexpected shape at ${where}: ${issue?.message ?? 'invalid'}`, redact))
  }
  return {
    result: envelope.data.result,
    next: envelope.data.next ?? null,
    total: envelope.data.total ?? null,
    time: parseTimeInfo(envelope.data.time),
  }
}

function hasErrorMember(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { error?: unknown }).error !== undefined
}

function throwIt(error: BitrixError): never {
  throw error
}
