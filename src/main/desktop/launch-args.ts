// The app's own command-line switches. Electron and Chromium add switches of their own (and the app path when run
// unpackaged), so unknown arguments are ignored rather than refused.
import { isAbsolute } from 'node:path'
import { z } from 'zod'

export interface LaunchArgs {
  /** Start the demo portal in-process with a demo account. */
  demo: boolean
  /** Show the window at start (a tray app otherwise starts hidden). */
  show: boolean
  /** Keep settings, state and logs here instead of the default user-data directory (tests, portable use). */
  userDataDir: string | null
}

const userDataDir = z.string().min(1).refine(isAbsolute, { message: '--user-data-dir must be an absolute path' })

export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const args: LaunchArgs = { demo: false, show: false, userDataDir: null }
  argv.forEach((argument, index) => {
    if (argument === '--demo') args.demo = true
    else if (argument === '--show') args.show = true
    else if (argument.startsWith('--user-data-dir=')) args.userDataDir = userDataDir.parse(argument.slice(16))
    else if (argument === '--user-data-dir') args.userDataDir = userDataDir.parse(argv[index + 1] ?? '')
  })
  return args
}
