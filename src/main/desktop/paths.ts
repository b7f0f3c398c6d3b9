// Where the app finds its images. electron-builder copies `resources/` next to the asar archive (extraResources),
// because tray images must be real files: on Linux the tray hands a file path to the StatusNotifierItem host.
import { join } from 'node:path'
import type { TrayIconState } from './tray-status'
import { trayIconFile } from './tray-status'

export interface AppLocation {
  isPackaged: boolean
  /** `app.getAppPath()`: the project root in development. */
  appPath: string
  /** `process.resourcesPath`: the packaged app's resources folder. */
  resourcesPath: string
}

export function resourcesDir(location: AppLocation): string {
  return location.isPackaged ? join(location.resourcesPath, 'resources') : join(location.appPath, 'resources')
}

/** The 1x image; Electron picks the `@2x` file beside it on high-density displays. */
export function trayIconPath(dir: string, state: TrayIconState, platform: NodeJS.Platform): string {
  return join(dir, 'tray', trayIconFile(state, platform === 'darwin' ? 'darwin' : 'linux'))
}

export function appIconPath(dir: string): string {
  return join(dir, 'icon.png')
}
