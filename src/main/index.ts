// Composition root: build the services and connect them to Electron. Behaviour lives in the modules it wires.
import { app, BrowserWindow, Menu, Tray, nativeImage, session } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resourcesDir, trayIconPath } from './desktop/paths'
import { denyAllPermissions, hardenWebContents, secureWebPreferences } from './desktop/security'

const here = dirname(fileURLToPath(import.meta.url))
let tray: Tray | null = null
let window: BrowserWindow | null = null

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 380,
    height: 560,
    show: false,
    frame: false,
    resizable: false,
    skipTaskbar: true,
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  })
  hardenWebContents(win.webContents)
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void win.loadFile(join(here, '../renderer/index.html'))
  return win
}

function toggleWindow(): void {
  if (!window || window.isDestroyed()) window = createWindow()
  if (window.isVisible()) window.hide()
  else window.show()
}

void app.whenReady().then(() => {
  app.dock?.hide()
  denyAllPermissions(session.defaultSession)
  window = createWindow()
  const resources = resourcesDir({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  })
  tray = new Tray(nativeImage.createFromPath(trayIconPath(resources, 'normal', process.platform)))
  tray.setToolTip('Bitrix24 Groups')
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open', click: toggleWindow },
      { label: 'Quit', click: () => app.quit() },
    ]),
  )
  tray.on('click', toggleWindow)
  if (process.argv.includes('--show')) window.once('ready-to-show', () => window?.show())
})

app.on('window-all-closed', () => {
  // A tray app keeps running with no window.
})
