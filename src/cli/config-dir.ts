import path from 'node:path'

/**
 * Electron's `app.getPath('userData')` for our product name, computed without Electron, so that the command line
 * and the app share accounts, settings and snapshots by default.
 */
export function defaultConfigDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  const product = 'Bitrix24 Groups'
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', product)
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), product)
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), product)
}

/** `--config-dir` wins over `B24_GROUPS_CONFIG_DIR`, which wins over the app's directory; relative paths resolve. */
export function resolveConfigDir(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
  cwd: string,
): string {
  const chosen = option ?? env.B24_GROUPS_CONFIG_DIR
  return chosen ? path.resolve(cwd, chosen) : defaultConfigDir(platform, env, home)
}
