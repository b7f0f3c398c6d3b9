// Electron 42+ no longer downloads its binary when the package is installed; this postinstall does it.
// Where the download cannot happen (an offline CI machine, a proxy), it warns once and lets the install succeed:
// everything but the Electron smoke test runs without the binary.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { ELECTRON_FIX } from './electron-binary.mjs'

const require = createRequire(import.meta.url)
let electronDir
try {
  electronDir = path.dirname(require.resolve('electron/package.json'))
} catch {
  process.exit(0) // production install without devDependencies: nothing to provision
}
if (process.env.B24_SKIP_ELECTRON_DOWNLOAD || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.warn('bitrix24-groups: Electron binary download skipped by environment variable.')
  process.exit(0)
}
if (existsSync(path.join(electronDir, 'path.txt'))) process.exit(0)

const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
  stdio: ['ignore', 'ignore', 'pipe'],
  timeout: 5 * 60 * 1000,
  encoding: 'utf8',
})
if (result.status === 0 && existsSync(path.join(electronDir, 'path.txt'))) process.exit(0)
const reason = (result.error?.message ?? result.stderr ?? '').split('\n').find((line) => line.trim()) ?? 'unknown error'
console.warn(
  `bitrix24-groups: warning: could not download the Electron binary (${reason.trim().slice(0, 160)}). ` +
    `The app cannot start until \`${ELECTRON_FIX}\` succeeds; the command line and the headless host ` +
    '(`npm run headless`) work without it, and the tests that need Electron are skipped.',
)
process.exit(0)
