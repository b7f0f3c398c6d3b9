// The CLI build lock: its rule as a pure function, and the bin itself in a throwaway clone, where a lock held by a
// live process is waited for however old it is, and taken over once that process is gone.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ANCIENT_LOCK_MS, UNREADABLE_LOCK_GRACE_MS, mayTakeOver } from './build-lock.mjs'

describe('mayTakeOver', () => {
  const alive = () => true
  const dead = () => false

  it('never takes a lock over from a live owner, however long its build runs', () => {
    expect(mayTakeOver({ content: '4242', ageMs: 200_000, isAlive: alive })).toBe(false)
    expect(mayTakeOver({ content: '4242\n', ageMs: ANCIENT_LOCK_MS - 1, isAlive: alive })).toBe(false)
  })

  it('takes over the lock of an owner that is gone, however fresh', () => {
    expect(mayTakeOver({ content: '4242', ageMs: 0, isAlive: dead })).toBe(true)
  })

  it('asks about the pid the lock names', () => {
    const asked: number[] = []
    mayTakeOver({ content: ' 4242\n', ageMs: 5, isAlive: (pid) => (asked.push(pid), true) })
    expect(asked).toEqual([4242])
  })

  it('waits out the grace period for a lock without a readable pid, which may be being written', () => {
    for (const content of [null, '', 'garbage', '-1', '0']) {
      expect(mayTakeOver({ content, ageMs: 50, isAlive: alive })).toBe(false)
      expect(mayTakeOver({ content, ageMs: UNREADABLE_LOCK_GRACE_MS + 1, isAlive: alive })).toBe(true)
    }
  })

  it('takes over an ancient lock even when its pid is alive, as that pid may be another process by now', () => {
    expect(mayTakeOver({ content: '4242', ageMs: ANCIENT_LOCK_MS + 1, isAlive: alive })).toBe(true)
  })
})

describe('the bin with its build lock', () => {
  const here = import.meta.dirname
  let clone: string
  let holder: ChildProcess | null = null

  // A clone whose build is stale, and whose "vite" records each build and writes a bundle that says it ran.
  beforeEach(() => {
    clone = mkdtempSync(join(tmpdir(), 'b24-build-lock-'))
    mkdirSync(join(clone, 'bin'))
    for (const file of ['b24-groups.mjs', 'build-lock.mjs']) copyFileSync(join(here, file), join(clone, 'bin', file))
    mkdirSync(join(clone, 'src/cli'), { recursive: true })
    writeFileSync(join(clone, 'src/cli/index.ts'), '')
    mkdirSync(join(clone, 'node_modules/vite/bin'), { recursive: true })
    writeFileSync(
      join(clone, 'node_modules/vite/bin/vite.js'),
      `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
appendFileSync('builds.log', 'built\\n')
mkdirSync('out/cli', { recursive: true })
writeFileSync('out/cli/inputs.json', '[]')
writeFileSync('out/cli/index.mjs', 'export async function main() { process.stdout.write("bundle ran\\\\n"); return 0 }')
`,
    )
    writeFileSync(join(clone, 'package.json'), '{"type":"module"}')
    mkdirSync(join(clone, 'out'))
  })

  afterEach(() => {
    holder?.kill('SIGKILL')
    holder = null
    rmSync(clone, { recursive: true, force: true })
  })

  const lockFile = () => join(clone, 'out/.cli-build.lock')
  const builds = () => (existsSync(join(clone, 'builds.log')) ? readFileSync(join(clone, 'builds.log'), 'utf8') : '')

  function holdLock(pid: number, ageMs: number) {
    writeFileSync(lockFile(), String(pid))
    const then = (Date.now() - ageMs) / 1000
    utimesSync(lockFile(), then, then)
  }

  function runBin() {
    const child = spawn(process.execPath, [join(clone, 'bin/b24-groups.mjs'), '--version'], { cwd: clone })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const exited = new Promise<{ code: number | null; stdout: string }>((done) =>
      child.once('exit', (code) => done({ code, stdout })),
    )
    return { child, exited }
  }

  it('waits for a live build holding an old lock, and builds once its owner is gone', async () => {
    holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'])
    // Older than the two minutes after which the bin used to take a lock over.
    holdLock(holder.pid!, 200_000)
    const bin = runBin()
    await new Promise((done) => setTimeout(done, 1_500))
    expect(bin.child.exitCode).toBeNull()
    expect(builds()).toBe('')
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(holder.pid))

    holder.kill('SIGKILL')
    expect(await bin.exited).toEqual({ code: 0, stdout: 'bundle ran\n' })
    expect(builds()).toBe('built\n')
    expect(existsSync(lockFile())).toBe(false)
  })

  it('takes over at once a lock whose owner has exited', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    holdLock(Number(gone.stdout), 0)
    expect(await runBin().exited).toEqual({ code: 0, stdout: 'bundle ran\n' })
    expect(builds()).toBe('built\n')
  })
})
