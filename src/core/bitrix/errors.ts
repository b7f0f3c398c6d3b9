// The client's one error type, and its secret-free view for the renderer, logs and the command line.
import type { ErrorKind, ErrorView } from '@shared/types'
import { createTranslator, isMessageKey, type MessageKey, type Translate } from '@shared/i18n'
import { ruleFor } from './error-codes'
import { redactPatterns } from './redact'
import type { BitrixErrorShape } from './types'

export { errorKindOf } from './error-codes'

export interface BitrixErrorInit {
  code: string
  /** HTTP status of the answer, if there was one. */
  status?: number | null
  /** Developer detail (the portal's error_description, what was wrong with the answer). Scrubbed again here. */
  detail?: string | null
  kind?: ErrorKind
  retryable?: boolean
  retryAt?: Date | null
  /** Key in the `errors` namespace, without the namespace (`noAuthFound`) or with it (`errors:noAuthFound`). */
  messageKey?: string
  movedTo?: string | null
  reason?: string | null
  excerpt?: string | null
}

const EXCERPT_LENGTH = 200

/** A short, single-line, scrubbed excerpt of an answer body. */
export function excerptOf(body: string, redact: (text: string) => string = redactPatterns): string {
  // Control characters (and the line breaks among them) must not reach a one-line message.
  const flat = [...redact(body)]
    .map((char) => (char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127 ? ' ' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat
}

export class BitrixError extends Error implements BitrixErrorShape {
  override readonly name = 'BitrixError'
  readonly code: string
  readonly kind: ErrorKind
  readonly retryable: boolean
  readonly retryAt: Date | null
  readonly messageKey: string
  readonly movedTo: string | null
  readonly status: number | null
  readonly reason: string | null
  readonly excerpt: string | null
  private readonly init: BitrixErrorInit

  constructor(init: BitrixErrorInit) {
    const rule = ruleFor(init.code, init.status)
    const status = init.status ?? null
    const detail = init.detail ? redactPatterns(init.detail) : null
    const excerpt = init.excerpt ? excerptOf(init.excerpt) : null
    const parts = [init.code, status === null ? '' : ` (HTTP ${status})`, detail ? `: ${detail}` : '']
    if (excerpt) parts.push(`; answer: ${JSON.stringify(excerpt)}`)
    super(parts.join(''))
    this.init = { ...init, detail, excerpt }
    this.code = init.code
    this.kind = init.kind ?? rule.kind
    this.retryable = init.retryable ?? rule.retryable
    this.retryAt = init.retryAt ?? null
    const key = init.messageKey ?? rule.message
    this.messageKey = key.startsWith('errors:') ? key : `errors:${key}`
    this.movedTo = init.movedTo ?? null
    this.status = status
    this.reason = init.reason ?? null
    this.excerpt = excerpt
  }

  /** The same error with some fields changed (e.g. the retry time once it is known). */
  with(changes: Partial<BitrixErrorInit>): BitrixError {
    return new BitrixError({ ...this.init, ...changes })
  }
}

export function isBitrixErrorShape(error: unknown): error is BitrixErrorShape {
  if (!(error instanceof Error)) return false
  const candidate = error as Partial<Record<keyof BitrixErrorShape, unknown>>
  return (
    typeof candidate.code === 'string' && typeof candidate.kind === 'string' && typeof candidate.messageKey === 'string'
  )
}

let english: Translate | null = null
function englishT(): Translate {
  english ??= createTranslator('en').t
  return english
}

/** An http(s) origin exactly as given, or null: a path or query could carry what was meant for the other site. */
function originOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || !URL.canParse(value)) return null
  const url = new URL(value)
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value ? value : null
}

/** What an error without the client's shape becomes: each shell says it in its own words (the app points to its log). */
export interface UnexpectedView {
  kind: ErrorKind
  messageKey: MessageKey
}

const UNEXPECTED_RULE = ruleFor('UNEXPECTED')
const CORE_UNEXPECTED: UnexpectedView = { kind: UNEXPECTED_RULE.kind, messageKey: `errors:${UNEXPECTED_RULE.message}` }

/** The error's own code, kind and message key: the contract every typed error of the core (and of a shell) keeps. */
function hasErrorShape(error: unknown): error is Pick<BitrixErrorShape, 'code' | 'kind' | 'messageKey'> {
  if (typeof error !== 'object' || error === null) return false
  const candidate = error as Partial<Record<keyof BitrixErrorShape, unknown>>
  return (
    typeof candidate.code === 'string' && typeof candidate.kind === 'string' && typeof candidate.messageKey === 'string'
  )
}

function isoOrNull(value: unknown): string | null {
  const time = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null
  return time && !Number.isNaN(time.getTime()) ? time.toISOString() : null
}

/**
 * The one secret-free view of any error, for every shell. A typed error keeps its code, kind, message key, retry
 * time and (for PORTAL_MOVED) the new origin when it is a bare origin; its own message, which may carry a URL or a
 * token, is never used. Anything else becomes UNEXPECTED in the shell's words (`unexpected`), which also stand in for
 * a message key that has no translation.
 */
export function toErrorView(error: unknown, t: Translate = englishT(), unexpected = CORE_UNEXPECTED): ErrorView {
  if (!hasErrorShape(error)) {
    return { code: 'UNEXPECTED', ...unexpected, message: t(unexpected.messageKey), retryAt: null }
  }
  const { retryAt, movedTo } = error as Partial<Pick<BitrixErrorShape, 'retryAt' | 'movedTo'>>
  const newOrigin = error.code === 'PORTAL_MOVED' ? originOrNull(movedTo) : null
  return {
    code: error.code,
    kind: error.kind,
    messageKey: error.messageKey,
    message: isMessageKey(error.messageKey) ? t(error.messageKey) : t(unexpected.messageKey),
    retryAt: isoOrNull(retryAt),
    ...(newOrigin ? { movedTo: newOrigin } : {}),
  }
}
