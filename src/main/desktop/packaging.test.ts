// electron-builder cannot run here (it downloads Electron), so its configuration is checked with the tool's own
// offline parts: the loader that merges electron-builder.yml with package.json, and the JSON-schema validator that
// `electron-builder` runs before building.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import type { Configuration } from 'electron-builder'

const projectDir = resolve(import.meta.dirname, '../../..')
const require = createRequire(import.meta.url)
// app-builder-lib is electron-builder's engine (its exact dependency); these are the functions its CLI calls.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

const packageJson = JSON.parse(readFileSync(resolve(projectDir, 'package.json'), 'utf8')) as {
  productName: string
  scripts: Record<string, string>
}

let config: Configuration
beforeAll(async () => {
  config = await getConfig(projectDir, null, null)
})

const targets = (value: unknown) => (Array.isArray(value) ? value : [value]).map(String)

describe('electron-builder configuration', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('is rejected by the same validator when a key is misspelt, so the check above has teeth', async () => {
    const broken = { ...config, deb: { ...config.deb, dependz: ['x'] } } as Configuration
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration\.deb/)
  })

  it('names the app as package.json does and never publishes', () => {
    expect(config.productName).toBe(packageJson.productName)
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/)
    expect(config.publish).toBeNull()
  })

  it('builds AppImage and a deb that depends on libsecret (keytar needs it) on Linux', () => {
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb'])
    expect(config.deb?.depends).toContain('libsecret-1-0')
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/)
  })

  it('builds a dmg of a Dock-less menu-bar app on macOS and an NSIS installer on Windows', () => {
    expect(targets(config.mac?.target)).toEqual(['dmg'])
    expect(config.mac?.extendInfo).toMatchObject({ LSUIElement: true })
    expect(targets(config.win?.target)).toEqual(['nsis'])
  })

  it('packs the built app and ships the tray images as real files', () => {
    expect(JSON.stringify(config.files)).toContain('out/**')
    expect(config.extraResources).toEqual([{ from: 'resources', to: 'resources', filter: ['**/*.png'] }])
  })

  it('points at icons that exist', () => {
    for (const icon of [config.mac?.icon, config.win?.icon, config.linux?.icon]) {
      expect(icon && existsSync(resolve(projectDir, icon))).toBe(true)
    }
  })

  it('is what `npm run dist` runs, after building the app', () => {
    expect(packageJson.scripts.dist).toBe('electron-vite build && electron-builder')
  })
})
