#!/usr/bin/env node
// Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so tests talk to a real
// Secret Service without touching the developer's own keychain. Sets B24_KEYRING_HARNESS=1 for the tests.
// Where dbus-run-session or gnome-keyring-daemon is missing (macOS, Windows, a Linux without them), the command
// runs as it is and keychain tests say that they were skipped.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const command = process.argv.slice(2)
if (command.length === 0) {
  console.error('usage: with-keyring.mjs COMMAND [ARGS...]')
  process.exit(2)
}

const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0
const canHarness = process.platform === 'linux' && has('dbus-run-session') && has('gnome-keyring-daemon')

if (!canHarness || process.env.B24_KEYRING_HARNESS === '1') {
  if (!canHarness)
    console.warn('with-keyring: no dbus-run-session/gnome-keyring-daemon here; keychain tests will skip.')
  const run = spawnSync(command[0], command.slice(1), { stdio: 'inherit', shell: process.platform === 'win32' })
  process.exit(run.status ?? 1)
}

const home = mkdtempSync(path.join(tmpdir(), 'b24-keyring-home-'))
const inner = [
  // The daemon daemonizes and prints its environment; we only need it running on this private bus.
  'printf pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || { echo "with-keyring: gnome-keyring-daemon failed to start" >&2; exit 1; }',
  'exec "$@"',
].join('\n')
const run = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, 'sh', ...command], {
  stdio: 'inherit',
  env: {
    ...process.env,
    HOME: home,
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_RUNTIME_DIR: home,
    npm_config_cache: process.env.npm_config_cache ?? path.join(process.env.HOME ?? home, '.npm'),
    B24_KEYRING_HARNESS: '1',
  },
})
rmSync(home, { recursive: true, force: true })
process.exit(run.status ?? 1)
