// Test doubles for the accounts tests: a keytar that keeps entries in memory and can be switched off or locked, and
// a fake Bitrix24 client over a table of portals. Not imported by production code.
import type { Group } from '@shared/types'
import { BitrixError } from '../bitrix'
import type { BitrixClient, Credentials, OAuthCredentials } from '../bitrix'
import type { CreateClient } from './registry'
import type { KeytarLike } from './secrets'

export interface FakeKeytar extends KeytarLike {
  entries: Map<string, string>
  /** 'ok', or the text the next calls fail with. */
  state: 'ok' | 'unavailable' | 'locked'
  reads: number
}

export function fakeKeytar(): FakeKeytar {
  const key = (service: string, account: string) => `${service}\u0000${account}`
  const fake: FakeKeytar = {
    entries: new Map(),
    state: 'ok',
    reads: 0,
    async getPassword(service, account) {
      check()
      fake.reads += 1
      return fake.entries.get(key(service, account)) ?? null
    },
    async setPassword(service, account, password) {
      check()
      fake.entries.set(key(service, account), password)
    },
    async deletePassword(service, account) {
      check()
      return fake.entries.delete(key(service, account))
    },
    async findCredentials(service) {
      check()
      return [...fake.entries]
        .filter(([name]) => name.startsWith(`${service}\u0000`))
        .map(([name, password]) => ({ account: name.slice(service.length + 1), password }))
    },
  }
  function check() {
    if (fake.state === 'unavailable') throw new Error('Could not connect: No such file or directory')
    if (fake.state === 'locked') throw new Error('Cannot create an item in a locked collection')
  }
  return fake
}

export interface FakeUser {
  id: string
  name: string | null
  groupCount: number
}

export interface FakePortal {
  users: Map<string, FakeUser>
  /** Webhook code -> user id. */
  webhooks: Map<string, string>
  /** Access token -> user id; a token in `expiredTokens` is refreshed once by the fake client. */
  accessTokens: Map<string, string>
  expiredTokens: Set<string>
  /** Every request fails with this, when set. */
  failWith: BitrixError | null
  /** The portal answers from this origin now (the client reports `movedTo`). */
  movedTo: string | null
}

function groupsOf(origin: string, count: number): Group[] {
  return Array.from({ length: count }, (_, index) => ({
    id: String(index + 1),
    name: `Group ${index + 1}`,
    roleCode: 'K',
    role: 'member',
    extranet: false,
    imageUrl: null,
    url: `${origin}/workgroups/group/${index + 1}/`,
  }))
}

/** A table of fake portals and the client factory that talks to them. */
export function fakeBitrix() {
  const portals = new Map<string, FakePortal>()
  const created: Array<{ credentials: Credentials; allowHttp: boolean | undefined }> = []

  function portal(origin: string, users: FakeUser[] = []): FakePortal {
    const entry: FakePortal = {
      users: new Map(users.map((user) => [user.id, user])),
      webhooks: new Map(),
      accessTokens: new Map(),
      expiredTokens: new Set(),
      failWith: null,
      movedTo: null,
    }
    portals.set(origin, entry)
    return entry
  }

  const createClient: CreateClient = (initial, options) => {
    created.push({ credentials: initial, allowHttp: options.allowHttp })
    let credentials = initial

    async function answer(): Promise<{ user: FakeUser; origin: string; movedTo: string | null }> {
      let origin = credentials.origin
      let target = portals.get(origin)
      if (!target) throw new BitrixError({ code: 'NETWORK', detail: 'connection refused' })
      let movedTo: string | null = null
      if (target.movedTo) {
        movedTo = target.movedTo
        origin = target.movedTo
        target = portals.get(origin)
        if (!target) throw new BitrixError({ code: 'NETWORK', detail: 'connection refused' })
      }
      if (target.failWith) throw target.failWith
      let userId: string | undefined
      if (credentials.kind === 'webhook') userId = target.webhooks.get(credentials.code)
      else {
        if (target.expiredTokens.has(credentials.accessToken)) {
          const rotated: OAuthCredentials = {
            ...credentials,
            accessToken: `${credentials.accessToken}-rotated`,
            refreshToken: `${credentials.refreshToken}-rotated`,
          }
          target.accessTokens.set(rotated.accessToken, target.accessTokens.get(credentials.accessToken) ?? '')
          target.expiredTokens.delete(credentials.accessToken)
          credentials = rotated
          await options.onTokensRefreshed?.(rotated)
        }
        userId = target.accessTokens.get(credentials.accessToken)
      }
      const user = userId === undefined ? undefined : target.users.get(userId)
      if (!user) throw new BitrixError({ code: 'NO_AUTH_FOUND', status: 401 })
      return { user, origin, movedTo }
    }

    const client: BitrixClient = {
      origin: initial.origin,
      async getProfile() {
        const { user, movedTo } = await answer()
        return { id: user.id, name: user.name, photoUrl: null, movedTo }
      },
      async getUserGroups() {
        const { user, origin, movedTo } = await answer()
        return { groups: groupsOf(origin, user.groupCount), time: null, movedTo }
      },
      async getGroupDetails() {
        await answer()
        return { details: {}, requests: 1 }
      },
    }
    return client
  }

  return { portals, portal, createClient, created }
}
