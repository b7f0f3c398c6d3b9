// The contract of every command, proven through the built bin in a process of its own (see bin.ts).
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { DemoPortal } from '../../core/demo'
import { SEED_GROUPS, startSeededPortal } from '../../core/demo/test-support'
import { startRawServer, unusedPort, type RawServer } from '../../core/bitrix/test-support/raw-server'
import packageJson from '../../../package.json' with { type: 'json' }
import { noStackTrace, parseLines, ROOT, type Sandbox } from './bin'
import { seededListJson } from '../test-support-seeded'
import { eachTestOnPortal } from './portal'

let portal: DemoPortal
let box: Sandbox
let url: string
let host: string
eachTestOnPortal(startSeededPortal, (setup) => ({ portal, box, url, host } = setup))

const codeOf = (webhookUrl: string) => webhookUrl.split('/').at(-2)!

describe('version and help', () => {
  it('--version prints the package version', async () => {
    const result = await box.run(['--version'])
    expect(result).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` })
  })

  it("each subcommand's --help shows the global options too", async () => {
    for (const command of [['list'], ['watch'], ['open'], ['accounts', 'add'], ['demo-portal']]) {
      const result = await box.run([...command, '--help'], { configDir: null })
      expect(result.code).toBe(0)
      expect(result.stdout).toContain('Global options:')
      expect(result.stdout).toMatch(/--config-dir <dir>/)
      expect(result.stdout).toMatch(/--webhook <url>/)
    }
  })

  it('--lang and LANG apply to help text', async () => {
    const russian = await box.run(['--lang', 'ru', 'watch', '--help'], { configDir: null })
    expect(russian.stdout).toContain('опрашивать до Ctrl+C')
    expect(russian.stdout).toContain('Общие параметры:')
    const german = await box.run(['--help'], { configDir: null, env: { LANG: 'de_DE.UTF-8' } })
    expect(german.stdout).toContain('die Gruppen aller aktiven Konten auflisten')
    expect(german.stdout).toContain('Befehle:')
  })
})

describe('list', () => {
  it('prints the documented JSON document and exits 0', async () => {
    const result = await box.run(['--webhook', url, '--json', 'list'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual(seededListJson(portal))
  })

  it('prints a table for people', async () => {
    const result = await box.run(['list'], { env: { B24_WEBHOOK_URL: url } })
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')).toEqual([
      `${host}/1 · Ann Lee · 2 groups`,
      'ID  ROLE    TYPE  ARCHIVED  NAME',
      '77  member  -               New Project Title',
      '79  owner   -               Scrum Project',
      '',
    ])
  })

  it('cuts a long CJK or emoji name to 60 terminal columns, not 60 characters, so a row fits the terminal', async () => {
    const cjk = '製品開発チーム'.repeat(5)
    const emoji = `Launch ${'🚀'.repeat(40)}`
    portal.control.setMemberships('1', [
      { id: '77', name: cjk, role: 'K' },
      { id: '79', name: emoji, role: 'A' },
    ])
    const result = await box.run(['list'], { env: { B24_WEBHOOK_URL: url } })
    expect(result.code).toBe(0)
    // Sorted by name. 7 + 26 × 2 columns and the ellipsis; 35 wide characters are 70 columns: 29 of them (58) and "…".
    expect(result.stdout.split('\n').slice(1)).toEqual([
      'ID  ROLE    TYPE  ARCHIVED  NAME',
      `79  owner   -               Launch ${'🚀'.repeat(26)}…`,
      `77  member  -               ${cjk.slice(0, 29)}…`,
      '',
    ])
  })

  it('--json never loads the table code, whose grapheme segmenter alone costs more to start than a small list', async () => {
    // Counts the segmenters made in the process, written down as it exits.
    const count = path.join(box.configDir, '..', 'segmenters.txt')
    const env = box.preload(
      'segmenters.mjs',
      [
        "import { writeFileSync } from 'node:fs'",
        'let made = 0',
        'const Original = Intl.Segmenter',
        'Intl.Segmenter = class extends Original { constructor(...args) { super(...args); made++ } }',
        `process.on('exit', () => writeFileSync(${JSON.stringify(count)}, String(made)))`,
      ].join('\n'),
    )
    expect(await box.run(['--webhook', url, '--json', 'list'], { env })).toMatchObject({ code: 0 })
    expect(readFileSync(count, 'utf8')).toBe('0')
    expect(await box.run(['--webhook', url, 'list'], { env })).toMatchObject({ code: 0 })
    expect(Number(readFileSync(count, 'utf8'))).toBeGreaterThan(0)
  })

  it('exits 3 with the error sentence only when the webhook was revoked, never printing the code', async () => {
    portal.control.revokeWebhook(codeOf(url))
    const result = await box.run(['--webhook', url, 'list'])
    expect(result.code).toBe(3)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      `${host}/1: The portal refused this webhook: it may have been deleted or blocked, or its user lacks permission. ` +
        'Create a new inbound webhook and use its URL.\n',
    )
    expect(result.stdout + result.stderr).not.toContain(codeOf(url))
  })

  it('keeps the app’s code and kind in JSON under the command line’s words', async () => {
    portal.control.revokeWebhook(codeOf(url))
    const result = await box.run(['--webhook', url, '--json', 'list'])
    expect(result.code).toBe(3)
    const [account] = JSON.parse(result.stdout).accounts
    expect(account.error).toEqual({
      code: 'INVALID_CREDENTIALS',
      kind: 'permission',
      message: expect.stringContaining('use its URL'),
      movedTo: null,
    })
  })

  it('exits 4 when the portal is unreachable, and says so without "the app will try again"', async () => {
    const port = await unusedPort()
    const result = await box.run(['--webhook', `http://127.0.0.1:${port}/rest/1/abc123/`, 'list'])
    expect(result.code).toBe(4)
    expect(result.stderr).toBe(`127.0.0.1:${port}/1: The portal refused the connection. Check the address.\n`)
  })

  it('exits 4 for an answer it cannot use', async () => {
    portal.control.injectFaults(Array.from({ length: 5 }, () => ({ type: 'html' as const, status: 200 })))
    const result = await box.run(['--webhook', url, 'list'])
    expect(result.code).toBe(4)
    expect(result.stderr).not.toMatch(/the app/i)
  })

  it('exits 5 when the portal is still limiting after the retries', async () => {
    portal.control.injectFaults(Array.from({ length: 10 }, () => ({ type: 'error' as const, code: 'OVERLOAD_LIMIT' })))
    const result = await box.run(['--webhook', url, 'list'])
    expect(result.code).toBe(5)
    expect(result.stderr).toMatch(/Contact Bitrix24 support to lift the block\.\n$/)
  })

  it('exits 3 and explains when no account is set up', async () => {
    const result = await box.run(['list'])
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('b24-groups accounts add')
  })

  it('refuses a plain-http webhook elsewhere in its own words, naming what the command line allows', async () => {
    const result = await box.run(['--webhook', 'http://example.com/rest/1/abc123/', 'list'])
    expect(result.code).toBe(3)
    expect(result.stderr).toBe(
      'The webhook URL must start with https:// (plain http only to this computer, as for the demo portal).\n',
    )
  })

  it('exits 3 for a URL that is not a webhook, with one sentence', async () => {
    const result = await box.run(['--webhook', 'https://example.com/not-a-webhook', 'list'])
    expect(result.code).toBe(3)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })
})

describe('usage errors exit 2', () => {
  it.each([
    [['frobnicate']],
    [['watch', '--interval', '0']],
    [['open', 'abc']],
    [['--lang', 'fr', 'list']],
    [['--demo', '--webhook', 'https://a.bitrix24.com/rest/1/x/', 'list']],
    [['demo-portal', '--port', '70000']],
    [['accounts', 'set-portal', 'nowhere.example/1', 'https://a.example/rest/1/x/']],
  ])('%j', async (args) => {
    const result = await box.run(args)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/\S/)
    expect(result.stderr).not.toMatch(noStackTrace)
  })
})

describe('a config directory that cannot be used', () => {
  it('exits 7 with one sentence naming it and no stack trace', async () => {
    // The config directory is a file: once "something unexpected", now the documented disk problem (exit 7).
    const file = path.join(box.configDir, '..', 'not-a-directory')
    writeFileSync(file, 'x')
    const result = await box.run(['accounts', 'list'], { configDir: path.join(file, 'config') })
    expect(result.code).toBe(7)
    expect(result.stderr).toMatch(/^Cannot save to .+not-a-directory\/config \(ENOTDIR\)\. .+\n$/)
    expect(result.stderr).not.toMatch(noStackTrace)
  })
})

describe('open', () => {
  it('prints the group page with --print', async () => {
    const result = await box.run(['--webhook', url, 'open', '79', '--print'])
    expect(result).toMatchObject({ code: 0, stdout: `${portal.origin}/workgroups/group/79/\n` })
  })

  it('exits 2 for a group the user is not in', async () => {
    const result = await box.run(['--webhook', url, 'open', '12345', '--print'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('12345')
  })
})

describe('demo-portal', () => {
  it('prints a webhook URL that answers until SIGINT, then exits 0', async () => {
    const demo = box.start(['--json', 'demo-portal'])
    await demo.waitFor((run) => run.stdout().includes('webhookUrl'), 'the listening line')
    const { webhookUrl } = demo.events()[0] as { webhookUrl: string }
    const list = await box.run(['--webhook', webhookUrl, '--json', 'list'])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout).accounts[0].user.name).toBe('Alex Morgan')
    demo.child.kill('SIGINT')
    expect((await demo.exited).code).toBe(0)
  })

  it("list --demo prints the demo accounts' groups, and the scope to tick for the one without details", async () => {
    const result = await box.run(['--demo', 'list'])
    expect(result.code).toBe(0)
    const headings = result.stdout.split('\n').filter((line) => line.includes(' · Alex Morgan · '))
    expect(headings.map((line) => line.replace(/:\d+\//, ':PORT/'))).toEqual([
      '127.0.0.1:PORT/1 · Alex Morgan · 10 groups',
      '127.0.0.1:PORT/1 · Alex Morgan · 4 groups',
      '127.0.0.1:PORT/1 · Alex Morgan · 3 groups',
    ])
    expect(result.stdout.split('\n')[0]).toBe(headings[0])
    // The partner portal's details come in camelCase and show all the same.
    expect(result.stdout).toMatch(/^14 +moderator +collab +Joint launch team {2}\[extranet\]$/m)
    // The club's webhook lacks socialnetwork: its groups, no details, one line on stderr saying what to tick.
    expect(result.stdout).toMatch(/^5 +owner +- +Half marathon 2027$/m)
    const clubId = /^(127\.0\.0\.1:\d+\/1) · Alex Morgan · 3 groups$/m.exec(result.stdout)![1]
    expect(result.stderr.startsWith(`${clubId}: no group details. `)).toBe(true)
    expect(result.stderr.split('\n')).toEqual([expect.stringContaining('tick "socialnetwork" (Social network)'), ''])
  })

  it('list --demo --json: details from both key styles, and detailsError only on the webhook without the scope', async () => {
    const result = await box.run(['--demo', '--json', 'list'])
    expect(result.code).toBe(0)
    const { accounts } = JSON.parse(result.stdout) as {
      accounts: {
        groups: { id: string; details: { type: string; memberCount: number } | null }[]
        detailsError: { code: string } | null
      }[]
    }
    expect(accounts.map((account) => account.detailsError?.code ?? null)).toEqual([null, null, 'insufficient_scope'])
    expect(accounts[0]!.groups.find((group) => group.id === '7')?.details).toMatchObject({
      type: 'project',
      memberCount: 9,
    })
    expect(accounts[1]!.groups.find((group) => group.id === '3')?.details).toMatchObject({
      type: 'project',
      memberCount: 12,
    })
    expect(accounts[2]!.groups.map((group) => group.details)).toEqual([null, null, null])
  })
})

describe('text from a hostile portal is inert in the terminal', () => {
  const hostile = [
    { GROUP_ID: '1', GROUP_NAME: 'Payroll\n12:00:00  host/1  you were removed from “Payroll”', ROLE: 'K' },
    {
      GROUP_ID: '2',
      GROUP_NAME: '\u001b[2J\u001b]0;pwned\u0007\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007',
      ROLE: 'K',
    },
    { GROUP_ID: '3', GROUP_NAME: 'txt.exe\u202Egpj', ROLE: 'A' },
    { GROUP_ID: '4', GROUP_NAME: 'over\rwrite \u009b31m', ROLE: 'E' },
  ]
  let raw: RawServer
  let rawUrl: string
  beforeEach(async () => {
    raw = await startRawServer((req, res) => {
      res.setHeader('content-type', 'application/json')
      const result = req.url?.includes('profile')
        ? { ID: '1', NAME: 'Eve\u001b[31m', LAST_NAME: '\u202eHacker\nforged line' }
        : hostile
      res.end(JSON.stringify({ result, time: { start: 0, finish: 0 } }))
    })
    rawUrl = `${raw.origin}/rest/1/abc123/`
  })
  afterEach(() => raw.close())

  // Any control character but the newline that ends each line, and the bidi controls.
  const unsafe = /[^\P{Cc}\n]|[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u

  it('list shows control and bidi characters escaped, one line per group', async () => {
    const result = await box.run(['--webhook', rawUrl, 'list'])
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(unsafe)
    const lines = result.stdout.trimEnd().split('\n')
    // A header, the column titles, and one line for each of the four groups: nothing forged.
    expect(lines).toHaveLength(6)
    expect(lines[0]).toBe(`${new URL(raw.origin).host}/1 · Eve\\x1B[31m \\u202EHacker\\x0Aforged line · 4 groups`)
    expect(lines.filter((line) => line.includes('you were removed'))).toEqual([
      // This portal answers every method with the list, so the details are refused (type "-", nothing archived).
      expect.stringMatching(/^1\s+member\s+-\s+Payroll\\x0A12:00:00 {2}host\/1 {2}you were removed from “Payroll”$/),
    ])
    expect(result.stdout).toContain('txt.exe\\u202Egpj')
    expect(result.stdout).toContain('over\\x0Dwrite \\x9B31m')
  })

  it('--json keeps the exact text, escaped by JSON', async () => {
    const result = await box.run(['--webhook', rawUrl, '--json', 'list'])
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(unsafe)
    const [account] = (parseLines(result.stdout)[0] as { accounts: { groups: { name: string }[] }[] }).accounts
    expect(account!.groups.map((group) => group.name).sort()).toEqual(hostile.map((group) => group.GROUP_NAME).sort())
  })
})

const keyring = process.env.B24_KEYRING_HARNESS === '1'
describe.skipIf(!keyring)(
  'accounts on the real keychain (skipped: run under `node scripts/with-keyring.mjs`, which sets B24_KEYRING_HARNESS=1)',
  () => {
    it('adds from standard input without --webhook, lists it masked, lists its groups, removes it', async () => {
      const add = await box.run(['accounts', 'add', '--label', 'Work'], { stdin: `${url}\n` })
      expect(add).toMatchObject({ code: 0, stdout: `Added ${host}/1 (Ann Lee).\n` })

      const listed = await box.run(['accounts', 'list', '--json'])
      expect(listed.code).toBe(0)
      expect(listed.stdout).not.toContain(codeOf(url))
      expect(JSON.parse(listed.stdout)).toEqual({
        accounts: [
          {
            id: `${host}/1`,
            portal: portal.origin,
            user: { id: '1', name: 'Ann Lee' },
            label: 'Work',
            authKind: 'webhook',
            credential: `${portal.origin}/rest/1/••••/`,
            enabled: true,
            saved: true,
            createdAt: expect.any(String),
          },
        ],
      })
      const table = await box.run(['accounts', 'list'])
      expect(table.stdout.split('\n')[0]).toMatch(/^ACCOUNT\s+USER\s+STATUS\s+CREDENTIAL$/)

      const groups = await box.run(['--json', 'list'])
      expect(groups.code).toBe(0)
      expect(JSON.parse(groups.stdout).accounts[0].groups).toHaveLength(2)

      const remove = await box.run(['accounts', 'remove', `${host}/1`])
      expect(remove).toMatchObject({ code: 0, stdout: `Removed ${host}/1.\n` })
      expect(JSON.parse((await box.run(['accounts', 'list', '--json'])).stdout)).toEqual({ accounts: [] })
    })

    it('aligns the accounts table in terminal columns when a user name is CJK or has an emoji', async () => {
      portal.control.setProfile('1', { name: '田中', lastName: '太郎' })
      portal.control.setProfile('2', { name: 'Ops', lastName: '🚀' })
      portal.control.setMemberships('2', [...SEED_GROUPS])
      for (const user of ['1', '2']) {
        expect((await box.run(['accounts', 'add', '--webhook', portal.webhookUrl(user)])).code).toBe(0)
      }
      const table = await box.run(['accounts', 'list'])
      expect(table.code).toBe(0)
      const account = (user: string) => `${host}/${user}`.padEnd('ACCOUNT'.length)
      // '田中 太郎' is 9 columns (the widest), 'Ops 🚀' 6: the STATUS column starts at the same column on every row.
      expect(table.stdout.split('\n')).toEqual([
        `${'ACCOUNT'.padEnd(account('1').length)}  USER       STATUS   CREDENTIAL`,
        `${account('1')}  田中 太郎  enabled  ${portal.origin}/rest/1/••••/`,
        `${account('2')}  Ops 🚀     enabled  ${portal.origin}/rest/2/••••/`,
        '',
      ])
    })

    it('reads --webhook - from standard input', async () => {
      const add = await box.run(['accounts', 'add', '--webhook', '-'], { stdin: url })
      expect(add.code).toBe(0)
    })

    it('asks for the URL with hidden input on a terminal, and never echoes it', async () => {
      // `script` gives the bin a pseudo-terminal, as a shell would; what the test writes is what the user types.
      const command = [process.execPath, box.configDir, url].map((word) => `'${word}'`)
      const shell = `${command[0]} bin/b24-groups.mjs --config-dir ${command[1]} accounts add`
      const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' }
      delete env.B24_WEBHOOK_URL
      const child = spawn('script', ['-qefc', shell, '/dev/null'], { cwd: ROOT, env })
      let out = ''
      child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text))
      const deadline = Date.now() + 15_000
      while (!out.includes('input hidden') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25))
      // Typed, then the terminal closes: `script` ends when its input does.
      child.stdin.end(`${url}\r`)
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
      expect(out).toContain('Inbound webhook URL (input hidden): ')
      expect(out).toContain(`Added ${host}/1 (Ann Lee).`)
      expect(out).not.toContain(codeOf(url))
      expect(code).toBe(0)
    })

    it('accounts set-portal exits 2 for an address with a path, without echoing it, and for an unknown account', async () => {
      const add = await box.run(['accounts', 'add'], { stdin: url })
      expect(add.code).toBe(0)
      const withPath = await box.run(['accounts', 'set-portal', `${host}/1`, `${portal.origin}/rest/1/secret9/`])
      expect(withPath.code).toBe(2)
      expect(withPath.stderr).not.toContain('secret9')
      const unknown = await box.run(['accounts', 'set-portal', 'nowhere.example/1', 'https://nowhere.example'])
      expect(unknown.code).toBe(2)
    })

    it('refuses a revoked webhook on add with exit 3 and stores nothing', async () => {
      portal.control.revokeWebhook(codeOf(url))
      const add = await box.run(['accounts', 'add'], { stdin: url })
      expect(add.code).toBe(3)
      expect(add.stderr.trim().split('\n')).toHaveLength(1)
      expect(JSON.parse((await box.run(['accounts', 'list', '--json'])).stdout)).toEqual({ accounts: [] })
    })
  },
)
