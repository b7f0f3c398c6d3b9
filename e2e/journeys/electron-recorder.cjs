// What the Electron driver records in the main process, so that the same OsView can be read back as on the headless
// host. Electron loads this file before the app's own main module (`-r`, as Playwright loads its own loader), so
// everything the app hands to the OS is seen from its first call: the first tray menu, the tray image the first
// render sets, the shortcut. Tray, Notification, shell, clipboard, globalShortcut and nativeImage are wrapped in
// place; the app's ESM `import { Tray } from 'electron'` sees the same objects.
// A NativeImage does not keep its path, so images made with nativeImage.createFromPath are tagged with their file
// name, and Tray#setImage records the tag, as the double records the name of the file it was given.
// This file has never run on our machines, which have no Electron binary: treat its first run elsewhere as its test.
'use strict'
/* eslint-disable @typescript-eslint/no-require-imports -- `-r` preloads CommonJS, ahead of the app's ES modules */
const { Tray, Notification, shell, clipboard, globalShortcut, nativeImage } = require('electron')
const { basename } = require('node:path')
/* eslint-enable @typescript-eslint/no-require-imports */

const record = {
  tray: null,
  tooltip: '',
  image: '',
  menu: [],
  notifications: [],
  opened: [],
  openedPaths: [],
  clipboard: null,
  shortcuts: new Map(),
}
globalThis.b24Record = record

const imageNames = new WeakMap()
const createFromPath = nativeImage.createFromPath.bind(nativeImage)
nativeImage.createFromPath = (path) => {
  const image = createFromPath(path)
  imageNames.set(image, basename(path))
  return image
}
const imageName = (image) => (typeof image === 'string' ? basename(image) : (imageNames.get(image) ?? ''))

const snapshot = (menu) =>
  menu.items.map((item) => ({
    label: item.label,
    type: item.type,
    enabled: item.enabled,
    ...(item.type === 'checkbox' || item.type === 'radio' ? { checked: item.checked } : {}),
    ...(item.submenu ? { submenu: snapshot(item.submenu) } : {}),
    click: () => item.click(),
  }))

const setContextMenu = Tray.prototype.setContextMenu
Tray.prototype.setContextMenu = function (menu) {
  record.tray = this
  record.menu = menu ? snapshot(menu) : []
  setContextMenu.call(this, menu)
}
const setToolTip = Tray.prototype.setToolTip
Tray.prototype.setToolTip = function (text) {
  record.tray = this
  record.tooltip = text
  setToolTip.call(this, text)
}
const setImage = Tray.prototype.setImage
Tray.prototype.setImage = function (image) {
  record.tray = this
  record.image = imageName(image)
  setImage.call(this, image)
}

let nextId = 1
Notification.prototype.show = function () {
  record.notifications.push({ id: nextId++, title: this.title, body: this.body, clicked: false, n: this })
}

// Recorded, not opened: a test run must not open browsers or file managers. Electron answers '' once a path is
// handed over.
shell.openExternal = async (url) => {
  record.opened.push(url)
}
shell.openPath = async (path) => {
  record.openedPaths.push(path)
  return ''
}

const writeText = clipboard.writeText.bind(clipboard)
clipboard.writeText = (text) => {
  writeText(text)
  record.clipboard = text
}

const register = globalShortcut.register.bind(globalShortcut)
globalShortcut.register = (accelerator, callback) => {
  const ok = register(accelerator, callback)
  if (ok) record.shortcuts.set(accelerator, callback)
  return ok
}
const unregister = globalShortcut.unregister.bind(globalShortcut)
globalShortcut.unregister = (accelerator) => {
  unregister(accelerator)
  record.shortcuts.delete(accelerator)
}
