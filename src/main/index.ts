// Composition root: the process's lifecycle around the desktop app, which desktop/app.ts builds from the services.
import { app, dialog } from 'electron'
import type { DesktopApp } from './desktop/app'
import { startDesktopApp } from './desktop/app'
import type { LaunchArgs } from './desktop/launch-args'
import { parseLaunchArgs } from './desktop/launch-args'
import { createQuitSequence } from './desktop/quit'

function launchArgs(): LaunchArgs | null {
  try {
    return parseLaunchArgs(process.argv)
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    return null
  }
}
const args = launchArgs()
// Before anything reads the path: settings, sync state, logs and the browser profile all live under it.
if (args?.userDataDir) app.setPath('userData', args.userDataDir)

// Wayland compositors grant global shortcuts only through the desktop portal, which Chromium uses when asked.
if (process.platform === 'linux') app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal')
// Windows attributes notifications to this id; without it they do not show for an unpackaged app.
if (process.platform === 'win32') app.setAppUserModelId('org.bitrix24groups.app')

let desktop: DesktopApp | null = null

// A second launch only shows the first instance's window.
if (!args) app.exit(2)
else if (!app.requestSingleInstanceLock()) app.quit()
else {
  app.on('second-instance', () => desktop?.show())
  // A tray app keeps running with no window.
  app.on('window-all-closed', () => {})
  app.on(
    'before-quit',
    createQuitSequence({
      cleanup: async () => desktop?.cleanup(),
      exit: () => app.exit(0),
      setTimeout,
      log: { warn: (fields, message) => console.warn(message, fields) },
    }),
  )
  void app
    .whenReady()
    .then(async () => {
      desktop = await startDesktopApp(args)
    })
    .catch((error: unknown) => {
      // Nothing started (e.g. the settings directory cannot be written): say why rather than sit in no tray at all.
      dialog.showErrorBox('Bitrix24 Groups', error instanceof Error ? error.message : String(error))
      app.exit(1)
    })
}
