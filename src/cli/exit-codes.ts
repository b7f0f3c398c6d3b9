import type { ErrorKind } from '@shared/types'

/** The command line's exit codes: part of its documented contract, scripts depend on them. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  credentials: 3,
  unreachable: 4,
  limited: 5,
  /** Another `watch` or the app writes this state directory (the sentence names it). */
  stateInUse: 6,
  /** The state or config directory cannot be written (read-only, full, no permission, not a directory). */
  notSaved: 7,
  /**
   * What we print lost its reader (`| head` read what it wanted): 128 + SIGPIPE, the status a shell reports for any
   * Unix tool ended that way. `watch` stops as on SIGTERM first, with its state saved.
   */
  outputClosed: 141,
} as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

const BY_KIND: Record<ErrorKind, ExitCode> = {
  auth: EXIT.credentials,
  permission: EXIT.credentials,
  scope: EXIT.credentials,
  plan: EXIT.credentials,
  network: EXIT.unreachable,
  protocol: EXIT.unreachable,
  server: EXIT.unreachable,
  not_found: EXIT.unreachable,
  moved: EXIT.unreachable,
  rate_limit: EXIT.limited,
  overload: EXIT.limited,
  method_time: EXIT.limited,
}

export function exitCodeForKind(kind: ErrorKind): ExitCode {
  return BY_KIND[kind]
}
