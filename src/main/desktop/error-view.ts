// What only the desktop shell says about errors: its own failures (a shortcut that is taken, a link refused) with
// `tray:errors.*` messages, and its words for an error it did not expect. Every other error view comes from the
// core's one `toErrorView`, which the CLI uses too.
import type { Dictionaries, KeysOf, Translator } from '@shared/i18n'
import type { ErrorKind, ErrorView } from '@shared/types'
import type { UnexpectedView } from '../../core/bitrix'

/** The app writes a log file, so its unexpected error points there; `toErrorView` takes it as the shell's words. */
export const DESKTOP_UNEXPECTED: UnexpectedView = { kind: 'protocol', messageKey: 'tray:errors.unexpected' }

/** An error of the desktop shell itself, with a `tray:errors.*` message. */
export function desktopError(
  code: string,
  kind: ErrorKind,
  key: KeysOf<Dictionaries['tray']['errors']>,
  translator: Translator,
  params: Record<string, string> = {},
): ErrorView {
  const messageKey = `tray:errors.${key}` as const
  return { code, kind, messageKey, message: translator.t(messageKey, params), retryAt: null }
}
