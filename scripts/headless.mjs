#!/usr/bin/env node
// `npm run headless -- [--demo] [--user-data-dir DIR] [--show] [--lang CODE]`: the desktop app without the Electron
// binary. Builds the app when out/ is missing or older than its sources, then runs the headless host
// (e2e/headless/host.ts), which prints {"control":URL,"cdp":URL} once ready and runs until Ctrl+C.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((file) =>
  path.join(root, file),
)
const inputs = ['src', 'resources', 'electron.vite.config.ts', 'svelte.config.js', 'package.json']

/** The newest modification time under a file or folder. */
function newest(target) {
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = stat.mtimeMs
  for (const entry of readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)))
  return latest
}

const stale =
  outputs.some((file) => !existsSync(file)) ||
  Math.max(...inputs.map((input) => newest(path.join(root, input)))) >
    Math.min(...outputs.map((f) => statSync(f).mtimeMs))
if (stale) {
  // The host's stdout is one JSON line; the build's progress goes to stderr.
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', process.stderr, 'inherit'],
    },
  )
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const host = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'e2e/headless/host.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
)
// Ctrl+C reaches the host through the terminal's process group; a SIGTERM sent to this script is passed on.
process.on('SIGTERM', () => host.kill('SIGTERM'))
process.on('SIGINT', () => {})
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
