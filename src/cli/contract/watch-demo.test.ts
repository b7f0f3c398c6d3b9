// `watch --demo` as a new user first tries it: changes within the first minute, and no rate-limit warning, since the
// demo's portals run on this computer. Apart from watch.test.ts so that its wait overlaps the other files.
import { byType, sandbox, type Sandbox } from './bin'

let box: Sandbox
beforeEach(() => (box = sandbox()))
afterEach(() => box.cleanup())

it('shows a change within its first minute and no rate-limit warning', async () => {
  const started = Date.now()
  const watch = box.start(['--demo', '--json', 'watch'])
  await watch.waitFor((run) => byType(run.events(), 'change').length >= 1, 'the first demo change', 60_000)
  expect(Date.now() - started).toBeLessThan(60_000)
  watch.child.kill('SIGINT')
  const { code, stderr } = await watch.exited
  expect(code).toBe(0)
  expect(stderr).toBe('')
  expect(byType(watch.events(), 'error')).toEqual([])
  // Three demo accounts; the club portal's webhook lacks socialnetwork, said once, and its memberships are polled.
  const synced = byType(watch.events(), 'synced') as { account: string }[]
  expect(new Set(synced.map((event) => event.account)).size).toBe(3)
  const details = byType(watch.events(), 'details') as { account: string }[]
  expect(details).toEqual([expect.objectContaining({ available: false, code: 'insufficient_scope', kind: 'scope' })])
}, 90_000)
