import { readdirSync } from 'node:fs'
import type { DemoPortal } from '../core/demo'
import { SEED_GROUPS, startSeededPortal } from '../core/demo/test-support'
import { cliHarness, type CliHarness } from './test-support'
import { seededListJson } from './test-support-seeded'

let portal: DemoPortal
let cli: CliHarness

beforeEach(async () => {
  portal = await startSeededPortal()
  cli = cliHarness()
})

afterEach(async () => {
  await portal.close()
  cli.cleanup()
})

describe('list', () => {
  it('prints the documented JSON document for a webhook', async () => {
    const url = portal.webhookUrl('1')
    const run = cli.run(['--webhook', url, '--json', 'list'])
    expect(await run.code).toBe(0)
    expect(JSON.parse(run.stdout())).toEqual(seededListJson(portal))
    expect(run.stderr()).toBe('')
  })

  it('prints a readable table by default, in the chosen language', async () => {
    const run = cli.run(['--webhook', portal.webhookUrl('1'), '--lang', 'ru', 'list'])
    expect(await run.code).toBe(0)
    const lines = run.stdout().trimEnd().split('\n')
    expect(lines[0]).toMatch(/\/1 · Ann Lee · 2 группы$/)
    expect(lines[1]).toMatch(/^ID\s+РОЛЬ\s+ТИП\s+АРХИВ\s+НАЗВАНИЕ$/)
    expect(lines[2]).toMatch(/^77\s+участник\s+-\s+New Project Title$/)
    expect(lines[3]).toMatch(/^79\s+владелец\s+-\s+Scrum Project$/)
  })

  it('takes the webhook from B24_WEBHOOK_URL', async () => {
    const run = cli.run(['--json', 'list'], { B24_WEBHOOK_URL: portal.webhookUrl('1') })
    expect(await run.code).toBe(0)
    expect(run.events()[0]?.accounts).toHaveLength(1)
  })

  it('exits 3 with one plain sentence when the webhook was revoked, and never prints the code', async () => {
    const url = portal.webhookUrl('1')
    const code = url.split('/').at(-2)!
    portal.control.revokeWebhook(code)
    const run = cli.run(['--webhook', url, '--json', 'list'])
    expect(await run.code).toBe(3)
    const account = (run.events()[0]?.accounts as { error: { code: string } }[])[0]
    // A deleted webhook answers INVALID_CREDENTIALS, as Bitrix24 does.
    expect(account?.error.code).toBe('INVALID_CREDENTIALS')
    expect(run.stderr().trim().split('\n')).toHaveLength(1)
    expect(run.stdout() + run.stderr()).not.toContain(code)
    expect(run.stderr()).not.toMatch(/\n\s+at /)
  })

  it('exits 4 when the portal is unreachable', async () => {
    const url = portal.webhookUrl('1')
    await portal.close()
    const run = cli.run(['--webhook', url, 'list'])
    expect(await run.code).toBe(4)
    expect(run.stderr()).toMatch(/\S/)
  })

  it('exits 4 for an answer it cannot use', async () => {
    portal.control.injectFaults([{ type: 'html', status: 200 }])
    const run = cli.run(['--webhook', portal.webhookUrl('1'), 'list'])
    expect(await run.code).toBe(4)
  })

  it('exits 5 when the portal is still rate-limiting after the retries', async () => {
    portal.control.injectFaults(Array.from({ length: 10 }, () => ({ type: 'error' as const, code: 'OVERLOAD_LIMIT' })))
    const run = cli.run(['--webhook', portal.webhookUrl('1'), 'list'])
    expect(await run.code).toBe(5)
  })

  it('exits 3 and explains when no account is set up', async () => {
    const run = cli.run(['list'])
    expect(await run.code).toBe(3)
    expect(run.stderr()).toContain('b24-groups accounts add')
  })
})

describe('usage errors exit 2', () => {
  it.each([
    [['frobnicate']],
    [['watch', '--interval', '0']],
    [['watch', '--interval', 'soon']],
    [['open', 'abc']],
    [['--lang', 'fr', 'list']],
    [['--demo', '--webhook', 'https://a.bitrix24.com/rest/1/x/', 'list']],
    [['demo-portal', '--port', '70000']],
  ])('%j', async (args) => {
    const run = cli.run(args)
    expect(await run.code).toBe(2)
    expect(run.stderr()).toMatch(/\S/)
    expect(run.stderr()).not.toMatch(/\n\s+at /)
  })

  it('refuses a URL that is not a webhook with a clear message (exit 3, a credentials problem)', async () => {
    const run = cli.run(['--webhook', 'https://example.com/not-a-webhook', 'list'])
    expect(await run.code).toBe(3)
    expect(run.stderr().trim().split('\n')).toHaveLength(1)
  })
})

describe('open', () => {
  it('prints the group page URL with --print', async () => {
    const run = cli.run(['--webhook', portal.webhookUrl('1'), 'open', '79', '--print'])
    expect(await run.code).toBe(0)
    expect(run.stdout().trim()).toBe(`${portal.origin}/workgroups/group/79/`)
    expect(run.opened).toEqual([])
  })

  it('opens the page in the browser', async () => {
    const run = cli.run(['--webhook', portal.webhookUrl('1'), 'open', '77'])
    expect(await run.code).toBe(0)
    expect(run.opened).toEqual([`${portal.origin}/workgroups/group/77/`])
  })

  it('exits 1 for an unexpected failure with one sentence that names no secret', async () => {
    const url = portal.webhookUrl('1')
    const code = url.split('/').at(-2)!
    cli.failOpenWith = new Error(`browser failed for ${url}sonet_group.user.groups`)
    const run = cli.run(['--webhook', url, 'open', '77'])
    expect(await run.code).toBe(1)
    expect(run.stderr()).toContain('browser failed')
    expect(run.stderr()).not.toContain(code)
    expect(run.stderr()).not.toMatch(/\n\s+at /)
  })

  it('exits 2 for a group the user is not in', async () => {
    const run = cli.run(['--webhook', portal.webhookUrl('1'), 'open', '12345', '--print'])
    expect(await run.code).toBe(2)
    expect(run.stderr()).toContain('12345')
  })
})

describe('watch', () => {
  it('streams JSON lines: a baseline, then each change, and exits 0 when stopped', async () => {
    const run = cli.run(['--webhook', portal.webhookUrl('1'), '--json', 'watch', '--interval', '1'])
    await run.waitFor((r) => r.events().some((e) => e.type === 'synced'), 'the baseline sync')
    expect(run.events()[0]).toMatchObject({ type: 'synced', groupCount: 2, baseline: true })
    // Polling a portal on this computer every second is no rate-limit risk: no warning.
    expect(run.stderr()).toBe('')

    portal.control.setMemberships('1', [{ id: '77', name: 'New Project Title', role: 'E' }])
    await run.waitFor((r) => r.events().filter((e) => e.type === 'change').length >= 2, 'two changes')
    run.stop()
    expect(await run.code).toBe(0)
    const changes = run.events().filter((e) => e.type === 'change')
    expect(changes.map((c) => [c.kind, (c.group as { id: string }).id, c.from, c.to, c.whileAway])).toEqual(
      expect.arrayContaining([
        ['role_changed', '77', 'K', 'E', false],
        ['left', '79', 'A', null, false],
      ]),
    )
    const synced = run.events().filter((e) => e.type === 'synced')
    expect(synced.at(-1)).toMatchObject({ groupCount: 1, baseline: false })
  })

  it('reports what changed while it was not running, marked whileAway', async () => {
    const url = portal.webhookUrl('1')
    const first = cli.run(['--webhook', url, '--json', 'watch', '--interval', '60'])
    await first.waitFor((r) => r.events().some((e) => e.type === 'synced'), 'the baseline')
    first.stop()
    expect(await first.code).toBe(0)

    portal.control.setMemberships('1', [...SEED_GROUPS, { id: '81', name: 'Überraschung', role: 'K' }])
    const second = cli.run(['--webhook', url, '--json', 'watch', '--interval', '60'])
    await second.waitFor((r) => r.events().some((e) => e.type === 'synced'), 'the first sync after restart')
    second.stop()
    expect(await second.code).toBe(0)
    expect(second.events().filter((e) => e.type === 'change')).toEqual([
      expect.objectContaining({ kind: 'joined', whileAway: true, group: expect.objectContaining({ id: '81' }) }),
    ])
  })

  it('prints error lines and ends with exit 3 when every account needs new credentials', async () => {
    const url = portal.webhookUrl('1')
    portal.control.revokeWebhook(url.split('/').at(-2)!)
    const run = cli.run(['--webhook', url, '--json', 'watch', '--interval', '1'])
    expect(await run.code).toBe(3)
    expect(run.events()).toEqual([
      expect.objectContaining({ type: 'error', code: 'INVALID_CREDENTIALS', kind: 'permission', retryAt: null }),
    ])
  })
})

describe('demo', () => {
  it('lists the demo portal groups with --demo and no account at all', async () => {
    const run = cli.run(['--demo', '--json', 'list'])
    expect(await run.code).toBe(0)
    const [account] = run.events()[0]?.accounts as { groups: unknown[]; user: { name: string } }[]
    expect(account?.groups.length).toBeGreaterThan(5)
    expect(account?.user.name).toBe('Alex Morgan')
  })

  it('watch --demo shows the main job and leaves no demo snapshot in the config directory', async () => {
    const run = cli.run(['--demo', '--json', 'watch'])
    await run.waitFor((r) => r.events().some((e) => e.type === 'synced'), 'the demo baseline')
    run.stop()
    expect(await run.code).toBe(0)
    expect(readdirSync(cli.configDir).filter((name) => name !== 'config.json')).toEqual([])
  })

  it('demo-portal prints a webhook URL that works until stopped', async () => {
    const run = cli.run(['--json', 'demo-portal'])
    await run.waitFor((r) => r.stdout().includes('webhookUrl'), 'the listening line')
    const { webhookUrl } = run.events()[0] as { webhookUrl: string }
    const list = cli.run(['--webhook', webhookUrl, '--json', 'list'])
    expect(await list.code).toBe(0)
    run.stop()
    expect(await run.code).toBe(0)
  })
})

const keyring = process.env.B24_KEYRING_HARNESS === '1'
describe.skipIf(!keyring)(
  'accounts on the real keychain (skipped: run under `node scripts/with-keyring.mjs`, which sets B24_KEYRING_HARNESS=1)',
  () => {
    let keychainCli: CliHarness
    beforeEach(async () => {
      const { createKeychainSecretStore } = await import('../core/accounts')
      keychainCli = cliHarness({
        secrets: createKeychainSecretStore({ service: `Bitrix24 Groups CLI test ${Date.now()}-${Math.random()}` }),
      })
    })
    afterEach(() => keychainCli.cleanup())

    it('adds, lists (masked) and removes an account, then lists its groups from the stored account', async () => {
      const url = portal.webhookUrl('1')
      const code = url.split('/').at(-2)!
      const add = keychainCli.run(['accounts', 'add', '--webhook', url, '--label', 'Work'])
      expect(await add.code).toBe(0)
      expect(add.stdout()).toContain('Ann Lee')

      const list = keychainCli.run(['accounts', 'list', '--json'])
      expect(await list.code).toBe(0)
      const [account] = list.events()[0]?.accounts as { id: string; credential: string; label: string }[]
      expect(account).toMatchObject({ label: 'Work', credential: expect.stringContaining('••••') })
      expect(list.stdout()).not.toContain(code)
      expect(await keychainCli.secrets.get(account!.id)).toMatchObject({ kind: 'webhook', code })

      const groups = keychainCli.run(['--json', 'list'])
      expect(await groups.code).toBe(0)
      expect((groups.events()[0]?.accounts as { groups: unknown[] }[])[0]?.groups).toHaveLength(2)

      const remove = keychainCli.run(['accounts', 'remove', account!.id])
      expect(await remove.code).toBe(0)
      expect(await keychainCli.secrets.get(account!.id)).toBeNull()
      const after = keychainCli.run(['accounts', 'list', '--json'])
      expect(await after.code).toBe(0)
      expect(after.events()[0]).toEqual({ accounts: [] })
    })

    it('reads the webhook to add from standard input or B24_WEBHOOK_URL, keeping it off the command line', async () => {
      const fromStdin = keychainCli.run(['accounts', 'add', '--webhook', '-'], {}, `${portal.webhookUrl('1')}\n`)
      expect(await fromStdin.code).toBe(0)
      portal.control.setProfile('2', { name: 'Bo', lastName: 'Chen' })
      const fromEnv = keychainCli.run(['accounts', 'add'], { B24_WEBHOOK_URL: portal.webhookUrl('2') })
      expect(await fromEnv.code).toBe(0)
      const list = keychainCli.run(['accounts', 'list', '--json'])
      expect(await list.code).toBe(0)
      expect((list.events()[0]?.accounts as { user: { name: string } }[]).map((a) => a.user.name)).toEqual([
        'Ann Lee',
        'Bo Chen',
      ])
    })

    it('refuses a revoked webhook on add with its own message and stores nothing', async () => {
      const url = portal.webhookUrl('1')
      portal.control.revokeWebhook(url.split('/').at(-2)!)
      const add = keychainCli.run(['accounts', 'add', '--webhook', url])
      expect(await add.code).toBe(3)
      expect(add.stderr().trim().split('\n')).toHaveLength(1)
      expect(await keychainCli.secrets.list()).toEqual([])
    })

    it('exits 2 when removing an account that does not exist', async () => {
      const remove = keychainCli.run(['accounts', 'remove', 'nowhere.example/9'])
      expect(await remove.code).toBe(2)
    })
  },
)
