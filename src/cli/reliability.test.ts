// Faults of a hostile or merely odd world, through the shipped `b24-groups` entry point run as a subprocess.
import type { ServerResponse } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { startRawServer, type RawServer } from '../core/bitrix/test-support/raw-server'
import { startDemoPortal, type DemoPortal } from '../core/demo'
import { spawnCli } from './test-support-subprocess'

const dirs: string[] = []
const servers: RawServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function configDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'b24-rel-'))
  dirs.push(dir)
  return dir
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>)

describe('a portal that throttles for good (watch, real loopback portal)', () => {
  it('waits as the backoff says when operating_reset_at comes in milliseconds, not at 1 ms per request', async () => {
    let groupRequests = 0
    const portal = await startRawServer((req, res) => {
      const time = {
        start: 0,
        finish: 0,
        duration: 0,
        processing: 0,
        operating: 480,
        operating_reset_at: Date.now() + 600_000,
      }
      if (req.url?.includes('sonet_group.user.groups')) groupRequests++
      if (groupRequests <= 1) return sendJson(res, 200, { result: [], time })
      sendJson(res, 429, {
        error: 'OPERATION_TIME_LIMIT',
        error_description: 'Method is blocked due to operation time limit.',
      })
    })
    servers.push(portal)
    const run = spawnCli(['--config-dir', configDir(), '--json', 'watch', '--interval', '1'], {
      env: { B24_WEBHOOK_URL: `${portal.origin}/rest/1/abcdef123/` },
    })
    await run.waitFor((r) => jsonLines(r.stdout()).some((event) => event.type === 'error'), 'the throttled answer')
    const after = groupRequests
    // Two seconds are many a 1 ms timer's worth; the backoff asks again only after the 10-minute window.
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    run.stop()
    expect(await run.code).toBe(0)
    expect(groupRequests - after).toBe(0)
    const error = jsonLines(run.stdout()).find((event) => event.type === 'error')
    expect(Date.parse(String(error?.retryAt)) - Date.now()).toBeLessThanOrEqual(3_600_000)
    expect(run.stderr()).not.toContain('TimeoutOverflowWarning')
  })
})

describe('one writer per state directory (watch, list)', () => {
  let portal: DemoPortal
  beforeEach(async () => {
    portal = await startDemoPortal({ rateLimit: false })
    portal.control.setMemberships('1', [
      { id: '77', name: 'New Project Title', role: 'K' },
      { id: '79', name: 'Scrum Project', role: 'A' },
    ])
  })
  afterEach(() => portal.close())

  const synced = (count: number) => (run: { stdout(): string }) =>
    jsonLines(run.stdout()).filter((event) => event.type === 'synced').length >= count

  it('refuses a second watch on the same directory, naming the one that holds it (exit 6)', async () => {
    const dir = configDir()
    const env = { B24_WEBHOOK_URL: portal.webhookUrl('1') }
    const first = spawnCli(['--config-dir', dir, '--json', 'watch', '--interval', '60'], { env })
    await first.waitFor(synced(1), 'the first watch to sync')
    const second = spawnCli(['--config-dir', dir, 'watch', '--interval', '60'], { env })
    expect(await second.code).toBe(6)
    expect(second.stderr().trim().split('\n')).toHaveLength(1)
    expect(second.stderr()).toMatch(/^The directory .+ is in use by b24-groups watch \(pid \d+ on .+, since .+\)\. /)
    first.stop()
    expect(await first.code).toBe(0)
    // Once the first has stopped, the directory is free again.
    const third = spawnCli(['--config-dir', dir, '--json', 'watch', '--interval', '60'], { env })
    await third.waitFor(synced(1), 'the third watch to sync')
    third.stop()
    expect(await third.code).toBe(0)
  })

  it('list reads the state but never writes it, also while a watch holds the directory', async () => {
    const dir = configDir()
    const env = { B24_WEBHOOK_URL: portal.webhookUrl('1') }
    const empty = spawnCli(['--config-dir', dir, 'list'], { env })
    expect(await empty.code).toBe(0)
    expect(readdirSync(dir).filter((name) => name.startsWith('sync-state'))).toEqual([])

    const watch = spawnCli(['--config-dir', dir, '--json', 'watch', '--interval', '60'], { env })
    // The watch writes twice after its first poll: the groups, then their details; both are on disk before `list`.
    const file = path.join(dir, 'sync-state.json')
    await watch.waitFor(
      (r) => synced(1)(r) && existsSync(file) && readFileSync(file, 'utf8').includes('"details"'),
      'the watch to sync',
    )
    const before = readFileSync(path.join(dir, 'sync-state.json'))
    const list = spawnCli(['--config-dir', dir, '--json', 'list'], { env })
    expect(await list.code).toBe(0)
    expect(readFileSync(path.join(dir, 'sync-state.json'))).toEqual(before)
    watch.stop()
    expect(await watch.code).toBe(0)
  })
})

describe('a state directory that stops taking writes (watch)', () => {
  let portal: DemoPortal
  beforeEach(async () => {
    portal = await startDemoPortal({ rateLimit: false })
    portal.control.setMemberships('1', [{ id: '77', name: 'New Project Title', role: 'K' }])
  })
  afterEach(() => portal.close())

  it('says so once, reports each change once, and ends with exit 7 and a sentence, not a stack trace', async () => {
    const dir = configDir()
    const run = spawnCli(['--config-dir', dir, '--json', 'watch', '--interval', '1'], {
      env: { B24_WEBHOOK_URL: portal.webhookUrl('1') },
    })
    await run.waitFor(
      (r) =>
        jsonLines(r.stdout()).some((event) => event.type === 'synced') && existsSync(path.join(dir, 'sync-state.json')),
      'the baseline, saved',
    )
    // Tests run as root, where permissions do not stop a write: a non-empty directory where the state file belongs
    // makes every write fail for real (EISDIR), as a read-only or full disk would.
    rmSync(path.join(dir, 'sync-state.json'))
    mkdirSync(path.join(dir, 'sync-state.json', 'in-the-way'), { recursive: true })
    portal.control.setMemberships('1', [{ id: '77', name: 'New Project Title', role: 'E' }])
    await run.waitFor((r) => jsonLines(r.stdout()).some((event) => event.type === 'state'), 'the disk problem')
    const syncedSoFar = jsonLines(run.stdout()).filter((event) => event.type === 'synced').length
    await run.waitFor(
      (r) => jsonLines(r.stdout()).filter((event) => event.type === 'synced').length >= syncedSoFar + 3,
      'three more polls',
    )
    run.stop()
    expect(await run.code).toBe(7)

    const events = jsonLines(run.stdout())
    expect(events.filter((event) => event.type === 'change')).toEqual([
      expect.objectContaining({ kind: 'role_changed', from: 'K', to: 'E' }),
    ])
    expect(events.filter((event) => event.type === 'state')).toEqual([
      expect.objectContaining({ saved: false, dir, code: 'EISDIR', message: expect.stringContaining(dir) }),
    ])
    const stderr = run.stderr().trim().split('\n')
    expect(stderr.at(-2)).toBe(
      `Cannot save to ${dir} (EISDIR). Check that it is a writable directory, or use another --config-dir.`,
    )
    expect(stderr.at(-1)).toMatch(/^Changes since the last save were not saved to /)
    expect(run.stderr()).not.toMatch(/\n\s+at |Error:/)
  })

  it('accounts add on a directory that cannot be written says which and exits 7', async () => {
    const blocker = path.join(configDir(), 'a-file')
    writeFileSync(blocker, '')
    const url = portal.webhookUrl('1')
    const run = spawnCli(['--config-dir', path.join(blocker, 'config'), 'accounts', 'add', '--webhook', '-'], {
      stdin: `${url}\n`,
    })
    expect(await run.code).toBe(7)
    expect(run.stderr().trim()).toBe(
      `Cannot save to ${path.join(blocker, 'config')} (ENOTDIR). Check that it is a writable directory, or use another --config-dir.`,
    )
    expect(run.stderr()).not.toContain(url.split('/').at(-2))
    expect(existsSync(path.join(blocker, 'config'))).toBe(false)
  })
})

describe('a list whose pages do not add up (watch, list)', () => {
  const item = (id: number) => ({ GROUP_ID: String(id), GROUP_NAME: `G${id}`, ROLE: 'K' })

  async function lyingPortal(lieFrom: () => boolean) {
    const portal = await startRawServer((req, res, body) => {
      if (req.url?.endsWith('/profile')) return sendJson(res, 200, { result: { ID: '1', NAME: 'Ann' } })
      const start = Number((JSON.parse(body || '{}') as { start?: number }).start ?? 0)
      if (start === 0) return sendJson(res, 200, { result: [item(1), item(2)], total: 4, next: 2 })
      // The lie: total says 4, the last page is empty.
      sendJson(res, 200, { result: lieFrom() ? [] : [item(3), item(4)], total: 4 })
    })
    servers.push(portal)
    return portal
  }

  it('watch reports no false left/joined pairs when the last page comes back empty', async () => {
    let lying = false
    const portal = await lyingPortal(() => lying)
    const run = spawnCli(['--config-dir', configDir(), '--json', 'watch', '--interval', '1'], {
      env: { B24_WEBHOOK_URL: `${portal.origin}/rest/1/abcdef123/` },
    })
    await run.waitFor((r) => jsonLines(r.stdout()).some((event) => event.type === 'synced'), 'the baseline')
    lying = true
    const before = portal.requests.length
    await run.waitFor(() => portal.requests.length >= before + 8, 'two polls of the lying portal')
    run.stop()
    expect(await run.code).toBe(0)
    expect(jsonLines(run.stdout()).filter((event) => event.type === 'change')).toEqual([])
  })

  it('list refuses such a list with one sentence and exit 4', async () => {
    const portal = await lyingPortal(() => true)
    const run = spawnCli(['--config-dir', configDir(), 'list'], {
      env: { B24_WEBHOOK_URL: `${portal.origin}/rest/1/abcdef123/` },
    })
    expect(await run.code).toBe(4)
    expect(run.stderr().trim().split('\n')).toHaveLength(1)
  })
})

describe('odd values from a portal (list, watch)', () => {
  it('drops ids that are not positive integers with a warning, and never makes a link of them', async () => {
    const portal = await startRawServer((req, res) => {
      if (req.url?.endsWith('/profile')) return sendJson(res, 200, { result: { ID: '1', NAME: 'Ann' } })
      sendJson(res, 200, {
        result: ['..', '.', '12/../../admin', 'abc', '-3', '0', '12', 13].map((id) => ({
          GROUP_ID: id,
          GROUP_NAME: `G${String(id)}`,
          ROLE: 'K',
        })),
      })
    })
    servers.push(portal)
    const run = spawnCli(['--config-dir', configDir(), '--json', 'list'], {
      env: { B24_WEBHOOK_URL: `${portal.origin}/rest/1/abcdef123/` },
    })
    expect(await run.code).toBe(0)
    const [account] = (jsonLines(run.stdout())[0]?.accounts ?? []) as { groups: { id: string; url: string }[] }[]
    expect(account?.groups.map((group) => group.id)).toEqual(['12', '13'])
    expect(account?.groups.every((group) => /\/workgroups\/group\/\d+\/$/.test(group.url))).toBe(true)
    expect(run.stderr().trim()).toMatch(/: left out 6 groups whose id is not a number\.$/)
  })

  it('reads a role code in lower case as the same role: no "member to member" change', async () => {
    let role = 'K'
    const portal = await startRawServer((req, res) => {
      if (req.url?.endsWith('/profile')) return sendJson(res, 200, { result: { ID: '1', NAME: 'Ann' } })
      sendJson(res, 200, { result: [{ GROUP_ID: '7', GROUP_NAME: 'Sales', ROLE: role }] })
    })
    servers.push(portal)
    const run = spawnCli(['--config-dir', configDir(), '--json', 'watch', '--interval', '1'], {
      env: { B24_WEBHOOK_URL: `${portal.origin}/rest/1/abcdef123/` },
    })
    const syncs = () => jsonLines(run.stdout()).filter((event) => event.type === 'synced').length
    await run.waitFor(() => syncs() >= 1, 'the baseline')
    role = 'k'
    await run.waitFor(() => syncs() >= 3, 'two more polls')
    role = 'E'
    await run.waitFor(() => jsonLines(run.stdout()).some((event) => event.type === 'change'), 'the real change')
    run.stop()
    expect(await run.code).toBe(0)
    expect(jsonLines(run.stdout()).filter((event) => event.type === 'change')).toEqual([
      expect.objectContaining({ kind: 'role_changed', from: 'K', to: 'E' }),
    ])
  })
})

describe('values read back from files and pasted by users (open, list)', () => {
  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'https://evil.example/workgroups/group/77/'])(
    'open --print rebuilds the link from the account, never printing a tampered %s',
    async (tampered) => {
      const dir = configDir()
      const origin = 'http://127.0.0.1:9'
      const group = {
        id: '77',
        name: 'X',
        roleCode: 'K',
        role: 'member',
        extranet: false,
        imageUrl: null,
        url: tampered,
      }
      const state = {
        version: 1,
        generation: 1,
        accounts: { '127.0.0.1:9/1': { groups: [group], lastSyncAt: '2026-12-01T10:00:00.000Z' } },
        history: [],
      }
      writeFileSync(path.join(dir, 'sync-state.json'), JSON.stringify(state))
      const run = spawnCli(['--config-dir', dir, 'open', '77', '--print'], {
        env: { B24_WEBHOOK_URL: `${origin}/rest/1/abcdef123/` },
      })
      expect(await run.code).toBe(0)
      expect(run.stdout()).toBe(`${origin}/workgroups/group/77/\n`)
    },
  )

  it.each([
    ['a query', 'https://acme.bitrix24.com/rest/1/fake_code_extras_1/?auth=1'],
    ['a fragment', 'https://acme.bitrix24.com/rest/1/fake_code_extras_1/#x'],
    ['user info', 'https://me:fake_code_extras_1@acme.bitrix24.com/rest/1/fake_code_extras_1/'],
  ])('refuses a webhook URL with %s in one sentence that does not echo the code (exit 3)', async (_what, url) => {
    const run = spawnCli(['--config-dir', configDir(), 'list'], { env: { B24_WEBHOOK_URL: url } })
    expect(await run.code).toBe(3)
    expect(run.stderr().trim()).toBe(
      'The webhook URL must end after the code: remove the ?query, the #fragment or the name:password@ part and paste it again.',
    )
    expect(run.stdout() + run.stderr()).not.toContain('fake_code_extras_1')
  })
})
