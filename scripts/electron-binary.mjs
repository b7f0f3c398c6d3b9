// Where the Electron binary is, and the one sentence that says what to do when it is not there. The postinstall
// warning, `npm run demo`, `npm start` and the Electron tests all use these, so they give the same fix.
import { createRequire } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The Electron binary's path, or null where it was never downloaded (offline CI). It reads the package's
 * `path.txt` instead of requiring `electron`, because since Electron 42 requiring it tries to download the binary.
 * @returns {string | null}
 */
export function electronBinary() {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const pathFile = join(packageDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
      ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8'))
      : join(packageDir, 'dist', readFileSync(pathFile, 'utf8'))
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

/** The one fix for a missing binary. */
export const ELECTRON_FIX = 'npx install-electron'

/** What `npm run demo` and `npm start` print without the binary: the fix, and what works without it. */
export const MISSING_ELECTRON_MESSAGE =
  `The Electron binary is not installed, so the app cannot start: run \`${ELECTRON_FIX}\` (it needs internet); ` +
  'until then `npm run --silent cli -- list --demo` and the headless host (`npm run headless -- --demo --show`) ' +
  'work without it.'
