#!/usr/bin/env node
// The `b24-groups` command. It runs the command line built into out/cli/ (`npm run build`, vite.cli.config.ts), plain
// JavaScript with no TypeScript step. In a clone, where the sources are beside it, a build that is missing or older
// than any file it was built from is made first, so `npm run cli -- …` works without a build step of its own.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import module from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { lockOwner, tryLock } from './build-lock.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const bundle = `${root}out/cli/index.mjs`
const inputsFile = `${root}out/cli/inputs.json`

/** True when the bundle exists and no file it was built from (as the build listed them) is newer or gone. */
function isFresh() {
  try {
    const builtAt = statSync(bundle).mtimeMs
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'))
    return inputs.every((input) => statSync(`${root}${input}`).mtimeMs <= builtAt)
  } catch {
    return false
  }
}

/**
 * Builds out/cli. Two commands started at once on a fresh clone must not build over each other (the build empties the
 * directory first): the one that takes the lock builds, the other waits for it and uses its build. The lock names
 * its owner's pid and is taken over only once that process is gone (build-lock.mjs), never from a live build.
 */
function build() {
  const lock = `${root}out/.cli-build.lock`
  mkdirSync(`${root}out`, { recursive: true })
  // A live build is waited for this long at most; on a machine that slow, the user is told which process holds it.
  const deadline = Date.now() + 600_000
  while (!tryLock(lock)) {
    if (Date.now() > deadline) {
      const owner = lockOwner(lock)
      process.stderr.write(`Another build of the command line${owner ? ` (pid ${owner})` : ''} is still running.\n`)
      return false
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100)
    if (!existsSync(lock) && isFresh()) return true
  }
  try {
    if (isFresh()) return true
    if (process.stderr.isTTY) process.stderr.write('Building the command line (out/cli)...\n')
    const vite = `${root}node_modules/vite/bin/vite.js`
    const result = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.ts'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    return result.status === 0
  } finally {
    rmSync(lock, { force: true })
  }
}

const inClone = existsSync(`${root}src/cli/index.ts`)
if (inClone && !isFresh() && !build()) {
  process.stderr.write('Could not build the command line; run `npm run build` to see why.\n')
  process.exit(1)
}

// V8's compiled code for the bundle is kept between runs (Node's own cache, in the temporary directory, checked
// against the file's contents): a start after the first reads it instead of compiling the command line again.
module.enableCompileCache?.()
const { main } = await import(pathToFileURL(bundle).href)
// main returns once the command's work is done and what it printed is out. End here, not when Node would end by
// itself: that waits for V8's background work too, and after a few requests that is an optimised build of undici's
// HTTP parser that nothing will run (about 50 ms of CPU, a quarter of a small `list`).
process.exit(await main(process.argv.slice(2)))
