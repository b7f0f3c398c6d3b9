// How the built bin starts and ends: its compiled code kept between runs; over as soon as its output is out, and
// quietly when the reader of that output goes away first.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { DemoPortal } from '../../core/demo'
import { startSeededPortal } from '../../core/demo/test-support'
import { STATE_FILE_NAME } from '../../core/sync'
import { EXIT } from '../exit-codes'
import { byType, noStackTrace, type Sandbox } from './bin'
import { eachTestOnPortal } from './portal'

let portal: DemoPortal
let box: Sandbox
let url: string
eachTestOnPortal(startSeededPortal, (setup) => ({ portal, box, url } = setup))

/** A list long enough that what `list` prints does not fit in a pipe's buffer. */
const manyGroups = Array.from({ length: 1500 }, (_, index) => ({
  id: String(1000 + index),
  name: `Projekt Nord ${index} — planning, reporting and coordination across all regions`,
  role: 'K',
}))

it("keeps V8's compiled command line in Node's compile cache, so the next start does not compile it again", async () => {
  const tmp = path.join(box.configDir, '..', 'tmp')
  mkdirSync(tmp)
  expect(await box.run(['--version'], { env: { TMPDIR: tmp } })).toMatchObject({ code: 0 })
  const [cache] = readdirSync(path.join(tmp, 'node-compile-cache'))
  expect(readdirSync(path.join(tmp, 'node-compile-cache', cache!)).length).toBeGreaterThan(0)
})

describe('the command is over once what it printed is out', () => {
  it('list ends with its whole output even when something in the process would keep it running', async () => {
    // Stands for what a library may leave behind (a timer, a socket, V8's background work): Node alone would wait.
    const env = box.preload('leftover.mjs', 'setTimeout(() => {}, 600_000)\n')
    portal.control.setMemberships('1', manyGroups)
    const result = await box.run(['--webhook', url, '--json', 'list'], { env })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const [account] = (JSON.parse(result.stdout) as { accounts: { groups: unknown[] }[] }).accounts
    expect(account?.groups).toHaveLength(manyGroups.length)
  })
})

describe('a reader that goes away (`| head`)', () => {
  it('ends list without a stack trace, with the status of a tool ended by SIGPIPE', async () => {
    portal.control.setMemberships('1', manyGroups)
    const list = box.start(['--webhook', url, 'list'])
    // Gone after the first chunk: the table (140 KB) is still being written.
    list.child.stdout!.once('data', () => list.child.stdout!.destroy())
    const { code, stderr } = await list.exited
    expect(code).toBe(EXIT.outputClosed)
    expect(stderr).not.toMatch(noStackTrace)
    expect(stderr).toBe('')
  })

  it('stops watch as a signal would, with its state saved, at its next line', async () => {
    const watch = box.start(['--webhook', url, '--json', 'watch', '--interval', '1'])
    await watch.waitFor((run) => byType(run.events(), 'synced').length >= 1, 'the first poll')
    watch.child.stdout!.destroy()
    const { code, stderr } = await watch.exited
    expect(code).toBe(EXIT.outputClosed)
    expect(stderr).toBe('')
    expect(readFileSync(path.join(box.configDir, STATE_FILE_NAME), 'utf8')).toContain('New Project Title')
  })
})
