// A portal that moved: the new address the client reports, the check of an address the user gives, and the hint that
// tells the user how to accept a move. Only origins are ever printed: a path or query could carry a webhook code.
import type { ErrorView } from '@shared/types'
import { isLoopbackOrigin } from '../core/bitrix'
import type { CliContext } from './context'

/** The new origin of a PORTAL_MOVED failure (toErrorView keeps it only when it is a bare origin), if any. */
export function movedToOf(view: ErrorView): string | null {
  return view.code === 'PORTAL_MOVED' ? (view.movedTo ?? null) : null
}

export type PortalAddress =
  | { ok: true; origin: string }
  | { ok: false; problem: 'notUrl' | 'notHttps' }
  | { ok: false; problem: 'notOrigin'; origin: string }

/**
 * A portal address the user typed: an https origin, or plain http to this machine (the demo portal), as everywhere
 * else on the command line. A path, query, fragment or user name is refused rather than dropped: it may be a webhook
 * URL pasted by mistake, and the user should see that only the origin is meant.
 */
export function parsePortalAddress(text: string): PortalAddress {
  const trimmed = text.trim()
  if (!URL.canParse(trimmed)) return { ok: false, problem: 'notUrl' }
  const url = new URL(trimmed)
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackOrigin(url.origin))
  if (!allowed) return { ok: false, problem: 'notHttps' }
  if (url.href !== `${url.origin}/`) return { ok: false, problem: 'notOrigin', origin: url.origin }
  return { ok: true, origin: url.origin }
}

/** A word the shell passes through unchanged: quoted only when it needs to be. */
export function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

/**
 * What to do about a move: for a stored account, the exact command that accepts it (with the same `--config-dir`, so it
 * changes the account that was reported); for a webhook given on the command line, to use the new address's webhook.
 */
export function movedHint(context: CliContext, account: { id: string; stored: boolean }, origin: string): string {
  const { t } = context.i18n
  if (!account.stored) return t('cli:moved.adHoc', { origin })
  const configDir = context.options.configDir ? ['--config-dir', context.options.configDir] : []
  const command = ['b24-groups', ...configDir, 'accounts', 'set-portal', account.id, origin].map(shellWord).join(' ')
  return t('cli:moved.stored', { origin, command })
}
