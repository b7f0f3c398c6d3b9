// One open client per account and configuration: an OAuth client keeps its refreshed tokens between polls.

export interface ClientCache<C> {
  /** The cached client while `key` (the account's configuration) is unchanged; a newly opened one otherwise. */
  get(accountId: string, key: string): Promise<C>
  delete(accountId: string): void
}

export function createClientCache<C>(open: (accountId: string) => Promise<C>): ClientCache<C> {
  const entries = new Map<string, { key: string; client: Promise<C> }>()
  return {
    get(accountId, key) {
      const cached = entries.get(accountId)
      if (cached?.key === key) return cached.client
      const entry = { key, client: open(accountId) }
      entries.set(accountId, entry)
      // A failed open (keychain locked) is not cached, so the next poll asks again; but only this entry goes, since
      // a newer client opened meanwhile (new credentials) must stay.
      entry.client.catch(() => {
        if (entries.get(accountId) === entry) entries.delete(accountId)
      })
      return entry.client
    },
    delete: (accountId) => void entries.delete(accountId),
  }
}
