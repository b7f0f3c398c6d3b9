// The secrets of the accounts in use, for the log to remove verbatim wherever they appear (an error message quoting
// a URL, a portal echoing a token). Read from the account service's credential cache after a poll succeeded: the
// poll's client has read them by then, so this never adds a keychain prompt.
import { secretsOf } from '../bitrix/credentials'
import type { Credentials } from '../bitrix/types'

export interface KnownSecrets {
  /** Every remembered secret; called on every log line, so it returns a kept array. */
  list(): readonly string[]
  /** Reads the account's current credentials (rotated tokens included); a failed read keeps what was known. */
  remember(accountId: string): Promise<void>
  forget(accountId: string): void
}

export function createKnownSecrets(getCredentials: (accountId: string) => Promise<Credentials>): KnownSecrets {
  const byAccount = new Map<string, string[]>()
  let all: readonly string[] = []
  const rebuild = () => {
    all = [...new Set([...byAccount.values()].flat().filter((secret) => secret.length > 0))]
  }
  // A newer read of the same account wins even if an older one settles later.
  const latestRead = new Map<string, number>()
  let reads = 0

  return {
    list: () => all,
    async remember(accountId) {
      const read = ++reads
      latestRead.set(accountId, read)
      let credentials: Credentials
      try {
        credentials = await getCredentials(accountId)
      } catch {
        return // removed meanwhile, or the keychain went away: the poll that needs them reports it
      }
      if (latestRead.get(accountId) !== read) return
      byAccount.set(accountId, secretsOf(credentials))
      rebuild()
    },
    forget(accountId) {
      latestRead.delete(accountId)
      byAccount.delete(accountId)
      rebuild()
    },
  }
}
