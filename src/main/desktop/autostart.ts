// Launch at login, the way each OS expects: a login item on macOS and Windows (Electron's setLoginItemSettings),
// and on Linux an XDG autostart entry (~/.config/autostart/NAME.desktop), which every freedesktop session honours
// and Electron does not write.
import type { Settings } from 'electron'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

export const AUTOSTART_FILE_NAME = 'bitrix24-groups.desktop'

export interface AutostartEntryInput {
  name: string
  comment: string
  /** The executable to start: $APPIMAGE for an AppImage, else the installed binary. */
  exec: string
  args?: readonly string[]
  icon?: string
}

// Characters that force quoting of an Exec argument (Desktop Entry Specification, "The Exec key").
const RESERVED = /[\s"'\\><~|&;$*?#()`]/

/** Quotes one Exec argument: inside double quotes `"`, `` ` ``, `$` and `\` take a backslash; `%` is doubled. */
export function quoteExecArgument(argument: string): string {
  const percentSafe = argument.replace(/%/g, '%%')
  if (!RESERVED.test(percentSafe) && percentSafe !== '') return percentSafe
  return `"${percentSafe.replace(/(["`$\\])/g, '\\$1')}"`
}

/** A string value may not hold a line break; a backslash is itself escaped (applied after quoting, per the spec). */
function stringValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r?\n|\r/g, ' ')
}

export function xdgAutostartEntry(input: AutostartEntryInput): string {
  const exec = [input.exec, ...(input.args ?? [])].map(quoteExecArgument).join(' ')
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${stringValue(input.name)}`,
    `Comment=${stringValue(input.comment)}`,
    `Exec=${stringValue(exec)}`,
    ...(input.icon ? [`Icon=${stringValue(input.icon)}`] : []),
    'Terminal=false',
    'Categories=Network;Office;',
    'X-GNOME-Autostart-enabled=true',
    // A tray app started before the panel's StatusNotifierWatcher exists gets no icon on some desktops; a short
    // delay lets the panel come up first.
    'X-GNOME-Autostart-Delay=5',
    '',
  ].join('\n')
}

/** Where the entry goes: $XDG_CONFIG_HOME/autostart, defaulting to ~/.config/autostart. */
export function autostartPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const configHome =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config')
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME)
}

/** An AppImage runs from a temporary mount that is gone after logout; $APPIMAGE is the file the user keeps. */
export function autostartExecutable(execPath: string, env: Readonly<Record<string, string | undefined>>): string {
  return env.APPIMAGE || execPath
}

/** Login-item settings for macOS and Windows. */
export function loginItemSettings(enabled: boolean, platform: NodeJS.Platform, execPath: string): Settings {
  // Windows registers a Run key for a given path; without it, an update that moves the binary breaks the entry.
  return platform === 'win32' ? { openAtLogin: enabled, path: execPath, args: [] } : { openAtLogin: enabled }
}

export interface AutostartDeps {
  platform: NodeJS.Platform
  execPath: string
  env: Readonly<Record<string, string | undefined>>
  home: string
  setLoginItemSettings(settings: Settings): void
  writeFile(path: string, content: string): Promise<void>
  removeFile(path: string): Promise<void>
  entry: Omit<AutostartEntryInput, 'exec'>
}

/** Turns launch at login on or off for this platform. */
export async function applyLaunchAtLogin(enabled: boolean, deps: AutostartDeps): Promise<void> {
  if (deps.platform === 'darwin' || deps.platform === 'win32') {
    deps.setLoginItemSettings(loginItemSettings(enabled, deps.platform, deps.execPath))
    return
  }
  const path = autostartPath(deps.env, deps.home)
  if (!enabled) return deps.removeFile(path)
  await deps.writeFile(path, xdgAutostartEntry({ ...deps.entry, exec: autostartExecutable(deps.execPath, deps.env) }))
}

/** Writes the entry, creating the autostart directory on a fresh account. */
export async function writeEntryFile(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, content, { mode: 0o644 })
}

/** Turning off twice, or after the user deleted the file, is not an error. */
export async function removeEntryFile(path: string): Promise<void> {
  await rm(path, { force: true })
}
