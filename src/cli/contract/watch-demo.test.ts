// `watch --demo` as a new user first tries it: changes within the first minute, and no rate-limit warning, since the
// demo portal runs on this computer. Apart from watch.test.ts so that its wait overlaps the other files.
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
}, 90_000)
