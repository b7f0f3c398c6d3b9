// A renamed Bitrix24 cloud portal during `watch`: the client follows it by itself, and a stored account keeps the new
// address, as the app does, so the next start talks to it directly.
import type { DemoPortal } from '../core/demo'
import { SEED_GROUPS, startSeededPortal } from '../core/demo/test-support'
import { fetchWithHosts } from '../core/bitrix/test-support/hosts-fetch'
import { cliHarness, type CliHarness } from './test-support'

const CLOUD = 'https://acme.bitrix24.com'
const RENAMED = 'https://acme-renamed.bitrix24.com'
const CODE = 'fake_code_renamed_portal'

let old: DemoPortal
let renamed: DemoPortal
let cli: CliHarness
/** Held back before it is sent, when set: the request that proves the new address. */
let proving: Promise<void> | null = null

beforeEach(async () => {
  old = await startSeededPortal(SEED_GROUPS.slice(0, 1))
  renamed = await startSeededPortal(SEED_GROUPS.slice(0, 1))
  for (const portal of [old, renamed]) portal.control.createWebhook('1', { code: CODE })
  const hosts = fetchWithHosts({ [CLOUD]: old.origin, [RENAMED]: renamed.origin })
  const fetch: typeof globalThis.fetch = async (input, init) => {
    if (proving && String(input).startsWith(`${RENAMED}/`) && String(input).endsWith('/profile')) await proving
    return hosts(input, init)
  }
  proving = null
  cli = cliHarness({ clientOptions: { fetch } })
  expect(await cli.run(['accounts', 'add', '--webhook', `${CLOUD}/rest/1/${CODE}/`]).code).toBe(0)
})

afterEach(async () => {
  await Promise.all([old.close(), renamed.close()])
  cli.cleanup()
})

it('stores the new address of a stored account whose cloud portal was renamed while watching', async () => {
  old.control.moveTo(RENAMED)
  const watch = cli.run(['watch', '--json', '--interval', '1'])
  await watch.waitFor((run) => run.events().filter((event) => event.type === 'synced').length >= 2, 'two polls')
  watch.stop()
  expect(await watch.code).toBe(0)

  const accounts = cli.run(['accounts', 'list', '--json'])
  expect(await accounts.code).toBe(0)
  expect(accounts.events()[0]).toMatchObject({
    accounts: [{ id: `${new URL(CLOUD).host}/1`, portal: RENAMED }],
  })
  expect(`${watch.stdout()}${watch.stderr()}`).not.toContain(CODE)
})

it('keeps a new address still being proved when watch is stopped, so it is not lost at exit', async () => {
  let release = () => {}
  proving = new Promise((resolve) => (release = resolve))
  old.control.moveTo(RENAMED)
  const watch = cli.run(['watch', '--json', '--interval', '1'])
  await watch.waitFor((run) => run.events().some((event) => event.type === 'synced'), 'the first poll')
  watch.stop()
  // The stop is asked while the proof is held back: watch ends only once it is through.
  setTimeout(release, 300)
  expect(await watch.code).toBe(0)
  const accounts = cli.run(['accounts', 'list', '--json'])
  expect(await accounts.code).toBe(0)
  expect(accounts.events()[0]).toMatchObject({ accounts: [{ portal: RENAMED }] })
})
