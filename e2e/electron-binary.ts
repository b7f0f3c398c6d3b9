import { createRequire } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The Electron binary's path, or null where it was never downloaded (offline CI). It reads the package's
 * `path.txt` instead of requiring `electron`, because since Electron 42 requiring it tries to download the binary.
 */
export function electronBinary(): string | null {
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
