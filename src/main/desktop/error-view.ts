// Turns whatever a service threw into a secret-free ErrorView for the renderer. Only the error's code, kind and
// message key (the BitrixErrorShape contract) are trusted; its own message may carry a URL or a token and is
// never passed on.
import type { Translator } from '@shared/i18n'
import type { ErrorKind, ErrorView } from '@shared/types'

interface ErrorShape {
  code: string
  kind: ErrorKind
  messageKey: string
  retryAt?: unknown
}

function hasErrorShape(error: unknown): error is ErrorShape {
  if (typeof error !== 'object' || error === null) return false
  const candidate = error as Record<string, unknown>
  return (
    typeof candidate.code === 'string' && typeof candidate.kind === 'string' && typeof candidate.messageKey === 'string'
  )
}

function isoOrNull(value: unknown): string | null {
  const time = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null
  return time && !Number.isNaN(time.getTime()) ? time.toISOString() : null
}

/** An error of the desktop shell itself, with a `tray:errors.*` message. */
export function desktopError(
  code: string,
  kind: ErrorKind,
  key: string,
  translator: Translator,
  params: Record<string, string> = {},
): ErrorView {
  const messageKey = `tray:errors.${key}`
  return { code, kind, messageKey, message: translator.t(messageKey, params), retryAt: null }
}

export function errorViewOf(error: unknown, translator: Translator): ErrorView {
  if (!hasErrorShape(error)) return desktopError('UNEXPECTED', 'protocol', 'unexpected', translator)
  const unexpected = translator.t('tray:errors.unexpected')
  return {
    code: error.code,
    kind: error.kind,
    messageKey: error.messageKey,
    message: translator.t(error.messageKey, { defaultValue: unexpected }),
    retryAt: isoOrNull(error.retryAt),
  }
}
