import { defaultConfigDir, resolveConfigDir } from './config-dir'

describe('config directory', () => {
  it('is the Electron user-data directory of each platform by default', () => {
    expect(defaultConfigDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Bitrix24 Groups')
    expect(defaultConfigDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe('/cfg/Bitrix24 Groups')
    expect(defaultConfigDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Bitrix24 Groups')
    expect(defaultConfigDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Bitrix24 Groups',
    )
  })

  it('prefers --config-dir, then B24_GROUPS_CONFIG_DIR, resolving relative paths', () => {
    const env = { B24_GROUPS_CONFIG_DIR: 'from-env' }
    expect(resolveConfigDir('opt', env, 'linux', '/home/ann', '/work')).toBe('/work/opt')
    expect(resolveConfigDir(undefined, env, 'linux', '/home/ann', '/work')).toBe('/work/from-env')
    expect(resolveConfigDir(undefined, {}, 'linux', '/home/ann', '/work')).toBe('/home/ann/.config/Bitrix24 Groups')
  })
})
