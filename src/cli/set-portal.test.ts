// A portal that moved, from the command line: `list` and `watch` name the new address and the command that accepts it,
// and `accounts set-portal` proves the new address with the stored webhook before storing it.
import type { DemoPortal } from '../core/demo'
import { startDemoPortal } from '../core/demo'
import { SEED_GROUPS, startSeededPortal } from '../core/demo/test-support'
import { fetchWithHosts } from '../core/bitrix/test-support/hosts-fetch'
import { cliHarness, type CliHarness, type CliRun } from './test-support'

/** A name the client will not follow a redirect to by itself (not loopback, not a Bitrix24 cloud host). */
const NEW = 'https://acme-new.example.com'
const CODE = 'fake_code_moved_portal_1'

interface AccountJson {
  id: string
  portal: string
  user: { id: string; name: string | null }
}
interface ListJson {
  accounts: {
    id: string
    groups: { id: string; url: string }[]
    error: { code: string; kind: string; message: string; movedTo: string | null } | null
  }[]
}

let old: DemoPortal
let moved: DemoPortal
let cli: CliHarness
let runs: CliRun[]
let accountId: string
/** The names the client can reach; a test may add one. */
let hosts: Record<string, string>

/** Runs the command line, keeping the run so that every output is checked for the webhook code afterwards. */
function run(args: string[], env?: NodeJS.ProcessEnv): CliRun {
  const started = cli.run(args, env)
  runs.push(started)
  return started
}

async function storedAccounts(): Promise<AccountJson[]> {
  const list = run(['accounts', 'list', '--json'])
  expect(await list.code).toBe(0)
  return list.events()[0]?.accounts as AccountJson[]
}

beforeEach(async () => {
  old = await startSeededPortal(SEED_GROUPS.slice(0, 1))
  moved = await startSeededPortal(SEED_GROUPS.slice(0, 1))
  // The same webhook answers at the new address, as it does when Bitrix24 renames a portal.
  moved.control.createWebhook('1', { code: CODE })
  // The new name is served by the second demo portal; anything else fails like a name that does not resolve.
  hosts = { [old.origin]: old.origin, [moved.origin]: moved.origin, [NEW]: moved.origin }
  cli = cliHarness({ clientOptions: { fetch: fetchWithHosts(hosts) } })
  runs = []
  const add = run(['accounts', 'add', '--webhook', old.control.createWebhook('1', { code: CODE })])
  expect(await add.code).toBe(0)
  accountId = `${new URL(old.origin).host}/1`
})

afterEach(async () => {
  // No output of any run in the test, in any stream, ever carries the webhook code.
  for (const done of runs) expect(`${done.stdout()}\n${done.stderr()}`).not.toContain(CODE)
  await Promise.all([old.close(), moved.close()])
  cli.cleanup()
})

describe('accounts set-portal', () => {
  it('accepts a move that list reported, with the command list printed; the next list works at the new address', async () => {
    old.control.moveTo(NEW)
    const list = run(['list'])
    expect(await list.code).toBe(4)
    const command = /run: (.+)$/m.exec(list.stderr())?.[1]
    expect(command).toBe(`b24-groups --config-dir ${cli.configDir} accounts set-portal ${accountId} ${NEW}`)

    const accept = run(command!.split(' ').slice(1))
    expect(await accept.code).toBe(0)
    expect(accept.stdout().trim()).toBe(`${accountId} now uses ${NEW} (Ann Lee).`)
    expect(accept.stderr()).toBe('')

    await old.close()
    const after = run(['--json', 'list'])
    expect(await after.code).toBe(0)
    const [account] = (after.events()[0] as unknown as ListJson).accounts
    expect(account).toMatchObject({ id: accountId, error: null })
    expect(account?.groups.map((group) => group.url)).toEqual([`${NEW}/workgroups/group/77/`])
    expect(await storedAccounts()).toEqual([expect.objectContaining({ id: accountId, portal: NEW })])
  })

  it('prints the updated account with --json in the shape of accounts list --json', async () => {
    const accept = run(['--json', 'accounts', 'set-portal', accountId, moved.origin])
    expect(await accept.code).toBe(0)
    const [listed] = await storedAccounts()
    expect(accept.events()).toEqual([{ account: listed }])
    expect(listed).toMatchObject({ id: accountId, portal: moved.origin, user: { id: '1', name: 'Ann Lee' } })
  })

  it('takes the address with a trailing slash or in capitals as the same origin', async () => {
    const accept = run(['accounts', 'set-portal', accountId, `${NEW.toUpperCase().replace('HTTPS', 'https')}/`])
    expect(await accept.code).toBe(0)
    expect((await storedAccounts())[0]?.portal).toBe(NEW)
  })

  it.each([
    ['a path (a webhook URL pasted by mistake)', `${NEW}/rest/1/${CODE}/`, 'without a path or query'],
    ['a query', `${NEW}/?auth=${CODE}`, 'without a path or query'],
    ['a fragment', `${NEW}/#${CODE}`, 'without a path or query'],
    ['a user name', `https://admin:${CODE}@acme-new.example.com`, 'without a path or query'],
    ['plain http to another computer', 'http://acme-new.example.com', 'must start with https://'],
    ['another scheme', 'ftp://acme-new.example.com', 'must start with https://'],
    ['no scheme', 'acme-new.example.com', 'as a URL'],
  ])('refuses %s with exit 2 and a clear message, and changes nothing', async (_, url, message) => {
    const refused = run(['accounts', 'set-portal', accountId, url])
    expect(await refused.code).toBe(2)
    expect(refused.stderr()).toContain(message)
    expect(refused.stderr().trim().split('\n')).toHaveLength(1)
    expect(refused.stdout()).toBe('')
    expect(moved.control.stats().requests).toBe(0)
    expect((await storedAccounts())[0]?.portal).toBe(old.origin)
  })

  it('shows only the origin of an address with a path, so the user sees what to give', async () => {
    const refused = run(['accounts', 'set-portal', accountId, `${NEW}/rest/1/${CODE}/`])
    expect(await refused.code).toBe(2)
    expect(refused.stderr().trim()).toBe(`Give only the portal address, without a path or query: ${NEW}`)
  })

  it('exits 2 for an account that does not exist, the way accounts remove does', async () => {
    const unknown = run(['accounts', 'set-portal', 'nowhere.example/9', NEW])
    expect(await unknown.code).toBe(2)
    expect(unknown.stderr().trim()).toBe('There is no account nowhere.example/9.')
    expect(moved.control.stats().requests).toBe(0)
  })

  it('refuses (exit 3) an address that answers as another user, and keeps the stored portal', async () => {
    moved.control.injectFaults([
      { type: 'status', status: 200, body: { result: { ID: '2', NAME: 'Someone', LAST_NAME: 'Else' } } },
    ])
    const refused = run(['accounts', 'set-portal', accountId, NEW])
    expect(await refused.code).toBe(3)
    expect(refused.stderr().trim()).toBe(
      `${accountId}: The new address answers for a different user, so the account was left as it was.`,
    )
    expect((await storedAccounts())[0]?.portal).toBe(old.origin)
    const list = run(['--json', 'list'])
    expect(await list.code).toBe(0)
  })

  it('refuses (exit 3) an address where the webhook belongs to another user, and keeps the stored portal', async () => {
    const other = await startDemoPortal({ rateLimit: false })
    try {
      other.control.createWebhook('2', { code: CODE })
      hosts[other.origin] = other.origin
      const refused = run(['accounts', 'set-portal', accountId, other.origin])
      expect(await refused.code).toBe(3)
      expect(refused.stderr().trim().split('\n')).toHaveLength(1)
      expect((await storedAccounts())[0]?.portal).toBe(old.origin)
    } finally {
      await other.close()
    }
  })

  it('exits 4 when the new address does not answer, and keeps the stored portal', async () => {
    const refused = run(['accounts', 'set-portal', accountId, 'https://nowhere.example.com'])
    expect(await refused.code).toBe(4)
    expect(refused.stderr().trim().split('\n')).toHaveLength(1)
    expect((await storedAccounts())[0]?.portal).toBe(old.origin)
  })

  it('asks in the chosen language', async () => {
    const refused = run(['--lang', 'de', 'accounts', 'set-portal', accountId, `${NEW}/rest/`])
    expect(await refused.code).toBe(2)
    expect(refused.stderr().trim()).toBe(`Geben Sie nur die Portaladresse an, ohne Pfad und Parameter: ${NEW}`)
  })
})

describe('a move that list or watch reports', () => {
  beforeEach(() => old.control.moveTo(NEW))

  it('list --json gives the new origin in the error object; other errors give movedTo null', async () => {
    const list = run(['--json', 'list'])
    expect(await list.code).toBe(4)
    expect((list.events()[0] as unknown as ListJson).accounts[0]?.error).toEqual({
      code: 'PORTAL_MOVED',
      kind: 'moved',
      message: "The portal's address has changed.",
      movedTo: NEW,
    })
    // The human line on stderr names the address and the command in --json mode too.
    expect(list.stderr()).toContain(`accounts set-portal ${accountId} ${NEW}`)

    old.control.moveTo(null)
    old.control.revokeWebhook(CODE)
    const revoked = run(['--json', 'list'])
    expect(await revoked.code).toBe(3)
    expect((revoked.events()[0] as unknown as ListJson).accounts[0]?.error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      movedTo: null,
    })
  })

  it("list names the new address and the exact command on the account's error line", async () => {
    const list = run(['list'])
    expect(await list.code).toBe(4)
    expect(list.stderr().trim()).toBe(
      `${accountId}: The portal's address has changed. Portal moved to ${NEW}; if that is right, run: ` +
        `b24-groups --config-dir ${cli.configDir} accounts set-portal ${accountId} ${NEW}`,
    )
  })

  it('list tells a webhook given on the command line to use the new address, with no account command', async () => {
    const url = old.control.createWebhook('1', { code: CODE })
    const list = run(['--webhook', url, 'list'])
    expect(await list.code).toBe(4)
    expect(list.stderr()).toContain(
      `Portal moved to ${NEW}; if that is right, use the webhook of that address instead.`,
    )
    expect(list.stderr()).not.toContain('set-portal')
  })

  it('says it in the chosen language', async () => {
    const list = run(['--lang', 'ru', 'list'])
    expect(await list.code).toBe(4)
    expect(list.stderr()).toContain(`Портал переехал на ${NEW}; если это верно, выполните: b24-groups`)
  })

  it('watch names the new address and the command; watch --json gives movedTo in the error event', async () => {
    // A moved portal halts polling until the user acts: with no other account, watch ends (exit 3) and says how.
    const human = run(['watch', '--interval', '60'])
    expect(await human.code).toBe(3)
    expect(human.stderr()).toContain('No account can be polled until you act, so watch stops:')
    expect(human.stderr()).toMatch(
      new RegExp(
        `${accountId}: The portal's address has changed\\. Portal moved to ${NEW}; if that is right, run: ` +
          `b24-groups --config-dir ${cli.configDir} accounts set-portal ${accountId} ${NEW}$`,
        'm',
      ),
    )

    const json = run(['--json', 'watch', '--interval', '60'])
    expect(await json.code).toBe(3)
    expect(json.events()).toEqual([
      {
        type: 'error',
        account: accountId,
        code: 'PORTAL_MOVED',
        kind: 'moved',
        message: "The portal's address has changed.",
        retryAt: null,
        movedTo: NEW,
      },
    ])
  })
})
