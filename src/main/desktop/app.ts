// The desktop app: every service and piece of Electron glue, built and connected. index.ts owns the process
// (switches, single instance, quit); this file owns what runs inside it.
import {
  app,
  BrowserWindow,
  clipboard,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  screen,
  session,
  shell,
  Tray,
} from 'electron'
import ElectronStore from 'electron-store'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTranslator } from '@shared/i18n'
import { createKeychainSecretStore } from '../../core/accounts'
import { toErrorView } from '../../core/bitrix'
import { createCore } from '../../core/composition'
import { startDemoSet } from '../../core/demo'
import { createActionDispatcher } from './actions'
import { composeAppState, coreStateSources } from './app-state'
import { applyLaunchAtLogin, removeEntryFile, writeEntryFile } from './autostart'
import { createChangeNotifications } from './change-notifications'
import { createDemoMode } from './demo-mode'
import { DESKTOP_UNEXPECTED } from './error-view'
import { createExternalOpener } from './external-links'
import { createHandlers } from './handlers'
import { registerHandlers, sendToWindow } from './ipc'
import { effectiveLanguage } from './language'
import type { LaunchArgs } from './launch-args'
import { createLogger } from './logger'
import { createIconLoader } from './notification-icon'
import { createNotifier } from './notifier'
import { appIconPath, resourcesDir, trayIconPath } from './paths'
import { connectPowerEvents, watchConnectivity } from './power'
import { loadRendererPage } from './renderer-page'
import { denyAllPermissions, hardenWebContents } from './security'
import { createShortcutManager } from './shortcut'
import { watchStateDirectory } from './state-problem'
import { createStatePublisher } from './state-publisher'
import { createDeltaFeed } from '@shared/state-delta'
import { createTrayPresenter } from './tray'
import { createTrayWindowController, keepWindowOnClose, trayWindowOptions } from './tray-window'

const here = dirname(fileURLToPath(import.meta.url))

export interface DesktopApp {
  /** Shows the tray window (a second launch, the dock). */
  show(): void
  /** Stops pollers, the demo portal and timers, and writes what is pending; for the quit sequence. */
  cleanup(): Promise<void>
}

export async function startDesktopApp(args: LaunchArgs): Promise<DesktopApp> {
  const { platform } = process
  app.dock?.hide()
  denyAllPermissions(session.defaultSession)
  const userData = app.getPath('userData')
  const resources = resourcesDir({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  })
  // The core logs through this logger, so it exists first; the secrets it removes come from the core once it runs.
  let knownSecrets: () => readonly string[] = () => []
  const log = createLogger({
    userDataDir: userData,
    level: app.isPackaged ? 'info' : 'debug',
    knownSecrets: () => knownSecrets(),
  })
  const locales = [app.getLocale(), ...app.getPreferredSystemLanguages()]
  let translator = createTranslator('en')
  let online = net.isOnline()

  const core = createCore({
    dataDir: userData,
    settingsBackend: (options) => new ElectronStore(options),
    secrets: () => createKeychainSecretStore(),
    clientOptions: { fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init) },
    describeError: (error) => toErrorView(error, translator.t, DESKTOP_UNEXPECTED),
    logger: log.logger,
    stateWriter: { kind: 'app', command: 'Bitrix24 Groups' },
  })
  knownSecrets = () => core.knownSecrets.list()
  const settings = () => core.settings.getSettings()
  translator = createTranslator(effectiveLanguage(settings().language, locales))
  const notice = core.settings.takeNotice()

  const window = new BrowserWindow(trayWindowOptions(platform, join(here, '../preload/index.cjs')))
  hardenWebContents(window.webContents)
  // index.ts's quit sequence runs first on `before-quit`; from then on a close is the app ending, not the user's.
  let quitting = false
  app.on('before-quit', () => {
    quitting = true
  })
  keepWindowOnClose(window, () => quitting)
  void loadRendererPage(
    window,
    { devServerUrl: process.env.ELECTRON_RENDERER_URL, file: join(here, '../renderer/index.html') },
    log.logger,
  )
  const tray = new Tray(nativeImage.createFromPath(trayIconPath(resources, 'normal', platform)))
  const trayWindow = createTrayWindowController({
    window,
    screen,
    trayBounds: () => tray.getBounds(),
    platform,
    now: Date.now,
    onShown: () => sendToWindow(window, 'window:shown', null),
  })
  if (args.show || args.demo) {
    window.once('ready-to-show', () => trayWindow.show())
  }

  const demo = createDemoMode({ startDemo: () => startDemoSet(), accounts: core.accounts })
  const openExternal = createExternalOpener({
    openExternal: (url) => shell.openExternal(url),
    portals: () => core.accounts.list().map((account) => account.portal),
    warn: (message, details) => log.logger.warn(details, message),
  })
  // Set below, once the publisher exists; until then there is nothing to say about the directory.
  let stateDirectory: ReturnType<typeof watchStateDirectory> | null = null
  const state = () =>
    composeAppState({
      ...coreStateSources(core),
      online: () => online,
      platform,
      notice: () => notice,
      stateProblem: () => stateDirectory?.problem(translator.t) ?? null,
    })
  const actions = createActionDispatcher({
    state,
    now: () => new Date(),
    openExternal,
    window: trayWindow,
    navigate: (payload) => sendToWindow(window, 'ui:navigate', payload),
    engine: core.engine,
    settings: core.commands.settings,
    demo,
    app,
    log: log.logger,
  })
  const trayPresenter = createTrayPresenter({
    tray,
    platform,
    buildMenu: (template) => Menu.buildFromTemplate(template),
    image: (iconState) => nativeImage.createFromPath(trayIconPath(resources, iconState, platform)),
    dispatch: (action) => void actions.dispatch(action),
    onClick: () => trayWindow.toggle(),
  })
  // The window gets only what changed since its last delta (nothing at all when nothing did); the tray, every state.
  const feedWindow = createDeltaFeed((delta) => sendToWindow(window, 'state:delta', delta))
  const publisher = createStatePublisher({
    compose: state,
    publish: (current) => {
      trayPresenter.render(current, translator, new Date())
      feedWindow(current)
    },
    defer: (callback) => setImmediate(callback),
    setInterval,
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  })
  const notifier = createNotifier({
    create: (options) => new Notification(options),
    isSupported: () => Notification.isSupported(),
    onClick: (target) => void actions.openTarget(target),
    icon: appIconPath(resources),
    // macOS always shows the app's own icon beside a notification.
    ...(platform === 'darwin'
      ? {}
      : {
          loadIcon: createIconLoader({
            fetch: (url, init) => net.fetch(url, init),
            decode: (bytes) => {
              const image = nativeImage.createFromBuffer(bytes)
              return image.isEmpty() ? null : image
            },
          }),
        }),
  })
  const shortcut = createShortcutManager(globalShortcut, () => trayWindow.toggle())
  const launchAtLogin = {
    apply: (enabled: boolean) =>
      applyLaunchAtLogin(enabled, {
        platform,
        execPath: process.execPath,
        env: process.env,
        home: homedir(),
        setLoginItemSettings: (loginItem) => app.setLoginItemSettings(loginItem),
        writeFile: writeEntryFile,
        removeFile: removeEntryFile,
        entry: { name: app.getName(), comment: translator.t('tray:description'), icon: appIconPath(resources) },
      }),
  }

  registerHandlers(
    ipcMain,
    createHandlers({
      state,
      translator: () => translator,
      now: () => new Date(),
      accounts: core.commands.accounts,
      engine: core.commands.sync,
      settings: core.commands.settings,
      openExternal,
      clipboard,
      window: trayWindow,
      shortcut,
      launchAtLogin,
      demo,
      app,
      logs: { open: () => shell.openPath(dirname(log.file)) },
      log: log.logger,
    }),
  )

  const notifyChanges = createChangeNotifications({
    notifier,
    state,
    translator: () => translator,
    now: () => new Date(),
    platform,
  })
  core.engine.on('changes', (changes) => notifyChanges(changes))
  for (const event of ['status', 'groups', 'details', 'history'] as const) {
    core.engine.on(event, () => publisher.changed())
  }
  core.accounts.subscribe(() => publisher.changed())
  core.settings.onDidChange(() => {
    translator = createTranslator(effectiveLanguage(settings().language, locales))
    publisher.changed()
  })
  connectPowerEvents(powerMonitor, core.engine, log.logger)
  const stopConnectivity = watchConnectivity({
    isOnline: () => net.isOnline(),
    onChange: (value) => {
      online = value
      core.engine.setOnline(value)
      publisher.changed()
    },
    setInterval,
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  })
  const registered = shortcut.apply(settings().globalShortcut)
  if (!registered.ok) log.logger.warn({ accelerator: registered.rejected }, 'Global shortcut not available')
  if (settings().launchAtLogin) void launchAtLogin.apply(true).catch(() => log.logger.warn({}, 'Autostart not renewed'))

  // One writer per data directory: while a `b24-groups watch` writes it, the app shows what is saved and waits.
  stateDirectory = watchStateDirectory({
    dir: userData,
    startWhenFree: (wait) => core.startWhenFree(wait),
    store: () => core.syncStore,
    changed: () => publisher.changed(),
    log: (holder) => log.logger.warn({ holder }, 'data directory in use; waiting'),
  })
  stateDirectory.started.catch((error: unknown) => {
    log.logger.error({ code: (error as { code?: string }).code ?? 'UNEXPECTED' }, 'sync did not start')
  })
  publisher.changed()
  log.logger.info({ version: app.getVersion(), platform }, 'started')
  if (args.demo) {
    await demo.start().catch((error: unknown) => {
      log.logger.error({ code: (error as { code?: string }).code ?? 'UNEXPECTED' }, 'Demo portal did not start')
    })
  }
  return {
    show: () => trayWindow.show(),
    async cleanup() {
      publisher.stop()
      stateDirectory?.stop()
      stopConnectivity()
      shortcut.dispose()
      await demo.stop()
      await core.stop()
      log.flush()
    },
  }
}
