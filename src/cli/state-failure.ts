// A config or state directory the file system refuses to write (read-only, full, not a directory), or one another
// writer holds: one sentence naming it and the documented exit code, never "something unexpected".
import type { Translator } from '@shared/i18n'
import { diskMessage, isDiskError, leaseHeldMessage, StateLeaseHeldError } from '../core/sync'
import { EXIT, type ExitCode } from './exit-codes'

export function stateFailure(
  error: unknown,
  translator: Translator | { i18n: Translator },
  configDir: string | undefined,
): { message: string; code: ExitCode } | null {
  const { t } = 'i18n' in translator ? translator.i18n : translator
  if (error instanceof StateLeaseHeldError) return { message: leaseHeldMessage(t, error), code: EXIT.stateInUse }
  const wrapped = (error as { cause?: unknown } | null)?.cause
  const cause = isDiskError(error) ? error : isDiskError(wrapped) ? wrapped : null
  if (!cause) return null
  return { message: diskMessage(t, configDir ?? cause.path ?? '?', cause.code), code: EXIT.notSaved }
}
