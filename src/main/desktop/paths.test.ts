import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { appIconPath, resourcesDir, trayIconPath } from './paths'
import type { TrayIconState } from './tray-status'
import { TRAY_ICON_STATES } from './tray-status'

const projectResources = resolve(import.meta.dirname, '../../../resources')

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(path: string) {
  const bytes = readFileSync(path)
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] }
}

describe('resource paths', () => {
  it('finds resources in the project in development and beside the asar when packaged', () => {
    expect(resourcesDir({ isPackaged: false, appPath: '/src/app', resourcesPath: '/x' })).toBe('/src/app/resources')
    expect(resourcesDir({ isPackaged: true, appPath: '/x/app.asar', resourcesPath: '/opt/b24/resources' })).toBe(
      '/opt/b24/resources/resources',
    )
  })

  it('uses template images on macOS only', () => {
    expect(trayIconPath('/r', 'attention', 'darwin')).toBe('/r/tray/tray-attentionTemplate.png')
    expect(trayIconPath('/r', 'attention', 'win32')).toBe('/r/tray/tray-attention.png')
  })
})

describe('shipped icons', () => {
  const cases: [TrayIconState, NodeJS.Platform][] = TRAY_ICON_STATES.flatMap((state) => [
    [state, 'darwin'],
    [state, 'linux'],
  ])
  it.each(cases)('the %s icon for %s exists at 16 px and 32 px (@2x), with transparency', (state, platform) => {
    const path = trayIconPath(projectResources, state, platform)
    expect(pngHeader(path)).toEqual({ width: 16, height: 16, colourType: 6 })
    expect(pngHeader(path.replace(/\.png$/, '@2x.png'))).toEqual({ width: 32, height: 32, colourType: 6 })
  })

  it('the app icon is large enough for every installer (512 px)', () => {
    const { width, height } = pngHeader(appIconPath(projectResources))
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(512)
  })
})
