import type { Settings } from 'electron'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AutostartDeps } from './autostart'
import {
  applyLaunchAtLogin,
  autostartExecutable,
  autostartPath,
  loginItemSettings,
  quoteExecArgument,
  removeEntryFile,
  writeEntryFile,
  xdgAutostartEntry,
} from './autostart'

const entry = { name: 'Bitrix24 Groups', comment: 'Your Bitrix24 groups in the tray', icon: 'bitrix24-groups' }

describe('XDG autostart entry', () => {
  it('is a complete desktop entry for a plain install', () => {
    expect(xdgAutostartEntry({ ...entry, exec: '/opt/Bitrix24 Groups/bitrix24-groups' })).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Bitrix24 Groups',
        'Comment=Your Bitrix24 groups in the tray',
        'Exec="/opt/Bitrix24 Groups/bitrix24-groups"',
        'Icon=bitrix24-groups',
        'Terminal=false',
        'Categories=Network;Office;',
        'X-GNOME-Autostart-enabled=true',
        'X-GNOME-Autostart-Delay=5',
        '',
      ].join('\n'),
    )
  })

  it('passes arguments, quoted only where needed', () => {
    const text = xdgAutostartEntry({ ...entry, exec: '/usr/bin/b24', args: ['--hidden', 'a b'] })
    expect(text).toContain('Exec=/usr/bin/b24 --hidden "a b"\n')
  })

  it.each([
    ['plain', 'plain'],
    ['with space', '"with space"'],
    ['100%', '100%%'],
    ['$HOME', '"\\$HOME"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['`cmd`', '"\\`cmd\\`"'],
    ['', '""'],
  ])('quotes the Exec argument %j as %s', (argument, quoted) => {
    expect(quoteExecArgument(argument)).toBe(quoted)
  })

  it('escapes a backslash once more for the string value (four in the file for one in the path)', () => {
    expect(xdgAutostartEntry({ ...entry, exec: '/opt/a\\b' })).toContain('Exec="/opt/a\\\\\\\\b"\n')
  })

  it('cannot be broken into extra keys by a line break in the name', () => {
    const text = xdgAutostartEntry({ ...entry, name: 'Evil\nExec=rm -rf ~', exec: '/usr/bin/b24' })
    expect(text.split('\n').filter((line) => line.startsWith('Exec='))).toEqual(['Exec=/usr/bin/b24'])
  })

  it('lives in XDG_CONFIG_HOME/autostart, or ~/.config/autostart', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe('/cfg/autostart/bitrix24-groups.desktop')
    expect(autostartPath({}, '/home/ann')).toBe('/home/ann/.config/autostart/bitrix24-groups.desktop')
    expect(autostartPath({ XDG_CONFIG_HOME: 'relative' }, '/home/ann')).toBe(
      '/home/ann/.config/autostart/bitrix24-groups.desktop',
    )
  })

  it('starts the AppImage file, not its temporary mount', () => {
    expect(autostartExecutable('/tmp/.mount_b24xyz/bitrix24-groups', { APPIMAGE: '/home/ann/Apps/B24.AppImage' })).toBe(
      '/home/ann/Apps/B24.AppImage',
    )
    expect(autostartExecutable('/opt/b24/bitrix24-groups', {})).toBe('/opt/b24/bitrix24-groups')
  })
})

describe('login items on macOS and Windows', () => {
  it('names the executable on Windows and relies on the bundle on macOS', () => {
    expect(loginItemSettings(true, 'win32', 'C:\\B24\\b24.exe')).toEqual({
      openAtLogin: true,
      path: 'C:\\B24\\b24.exe',
      args: [],
    })
    expect(loginItemSettings(false, 'darwin', '/Applications/B24.app/Contents/MacOS/B24')).toEqual({
      openAtLogin: false,
    })
  })
})

describe('applying launch at login', () => {
  function deps(platform: NodeJS.Platform) {
    const calls: unknown[][] = []
    const value: AutostartDeps = {
      platform,
      execPath: '/opt/b24/bitrix24-groups',
      env: {},
      home: '/home/ann',
      setLoginItemSettings: (settings: Settings) => void calls.push(['login-item', settings]),
      writeFile: async (path, content) => void calls.push(['write', path, content.split('\n')[0]]),
      removeFile: async (path) => void calls.push(['remove', path]),
      entry,
    }
    return { value, calls }
  }

  it('writes and removes the autostart file on Linux', async () => {
    const { value, calls } = deps('linux')
    await applyLaunchAtLogin(true, value)
    await applyLaunchAtLogin(false, value)
    expect(calls).toEqual([
      ['write', '/home/ann/.config/autostart/bitrix24-groups.desktop', '[Desktop Entry]'],
      ['remove', '/home/ann/.config/autostart/bitrix24-groups.desktop'],
    ])
  })

  it.each(['darwin', 'win32'] as const)('sets the login item on %s and writes no file', async (platform) => {
    const { value, calls } = deps(platform)
    await applyLaunchAtLogin(true, value)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.[0]).toBe('login-item')
  })
})

describe('autostart file on disk', () => {
  it('creates the directory, writes the entry, and removes it even twice', async () => {
    const home = await mkdtemp(join(tmpdir(), 'b24-autostart-'))
    try {
      const path = autostartPath({}, home)
      await writeEntryFile(path, 'entry')
      expect(await readFile(path, 'utf8')).toBe('entry')
      await removeEntryFile(path)
      await removeEntryFile(path)
      await expect(readFile(path, 'utf8')).rejects.toThrow(/ENOENT/)
    } finally {
      await rm(home, { recursive: true, force: true })
    }
  })
})
