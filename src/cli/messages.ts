// The command line's own words for a failure where the app's do not fit ("the app will try again" from a command
// that runs once, "add it again" for a webhook that was never added). Only the sentence changes: the code and kind
// stay the app's, so scripts see the same `code`/`kind` in JSON either way.
import { isMessageKey, type Translate } from '@shared/i18n'
import type { ErrorView } from '@shared/types'

/**
 * The view with the message of `cli:messages.NAMESPACE.KEY` when the command line has one for the view's message key,
 * in its `_adHoc` form for a webhook given on the command line; else the view as it is.
 */
export function cliErrorView(view: ErrorView, t: Translate, account?: { stored: boolean }): ErrorView {
  const separator = view.messageKey.indexOf(':')
  if (separator < 0) return view
  const key = `cli:messages.${view.messageKey.slice(0, separator)}.${view.messageKey.slice(separator + 1)}`
  if (!isMessageKey(key)) return view
  const adHoc = `${key}_adHoc`
  const message = t(account && !account.stored && isMessageKey(adHoc) ? adHoc : key)
  return message === view.message ? view : { ...view, message }
}
