#!/usr/bin/env node
// Runs a command with a display: on Linux without $DISPLAY or $WAYLAND_DISPLAY (CI, SSH) it uses `xvfb-run -a`
// when installed, so the Electron smoke test can open its window where an Electron binary exists.
// Chromium-only tests are headless and do not need it; elsewhere the command runs as it is.
import { spawnSync } from 'node:child_process'

const command = process.argv.slice(2)
if (command.length === 0) {
  console.error('usage: with-display.mjs COMMAND [ARGS...]')
  process.exit(2)
}
const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
const hasXvfb = headlessLinux && spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0
const [bin, ...args] = hasXvfb ? ['xvfb-run', '-a', ...command] : command
const run = spawnSync(bin, args, { stdio: 'inherit', shell: process.platform === 'win32' })
process.exit(run.status ?? 1)
