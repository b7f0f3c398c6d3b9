// The one action that fixes each kind of error, offered next to its message.
import type { ErrorKind, ErrorView } from '@shared/types'

export type ErrorAction = 'updateCredentials' | 'scopeHelp' | 'retry' | 'acceptMove'

const ACTION_BY_KIND: Readonly<Record<ErrorKind, ErrorAction>> = {
  // The code is wrong, the webhook was deleted or blocked, or the user lost access: only new credentials help.
  auth: 'updateCredentials',
  permission: 'updateCredentials',
  // The portal moved and the new address must be proved with the same user's credentials.
  moved: 'updateCredentials',
  scope: 'scopeHelp',
  // The rest pass with time or with a change on the portal's side (a plan upgrade, support lifting a block).
  plan: 'retry',
  rate_limit: 'retry',
  overload: 'retry',
  method_time: 'retry',
  server: 'retry',
  network: 'retry',
  protocol: 'retry',
  not_found: 'retry',
}

/** The host a moved portal now answers at, as the user reads it, or null when the error names none. */
export function movedHost(error: Pick<ErrorView, 'kind' | 'movedTo'>): string | null {
  if (error.kind !== 'moved' || !error.movedTo || !URL.canParse(error.movedTo)) return null
  return new URL(error.movedTo).host
}

/** A moved portal that named its new address: the user confirms it (main proves it before storing it). */
export function actionForError(error: Pick<ErrorView, 'kind' | 'movedTo'>): ErrorAction {
  if (movedHost(error)) return 'acceptMove'
  return ACTION_BY_KIND[error.kind]
}
