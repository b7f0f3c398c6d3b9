// The page side of the headless host's IPC: runs the real built preload (out/preload/index.cjs) in the window's page
// before any of the page's own scripts, with a `require('electron')` whose `ipcRenderer` talks to the double's
// ipcMain in Node through a Playwright binding, and whose `contextBridge` puts the api on `window`.
// What it does not model: the preload's isolated world. Electron runs it in a separate JavaScript context and
// copies the exposed api across; here it runs in the page's own context, so the page could reach the preload's
// closures (the app's renderer does not), and the two host hooks below are visible on `window`.
// Values cross the way Electron's structured clone sends them: each side structuredClone()s what it sends, so a
// function or a DOM node fails to send as in Electron; between the two, Playwright's serialiser carries the JSON
// types, Date, RegExp, URL, BigInt and typed arrays, which covers everything the IPC contract uses.

/** The binding the page calls with (channel, args); it answers `{ok, value}` or `{ok: false, message}`. */
export const INVOKE_BINDING = '__b24HeadlessInvoke'
/** What the host calls in the page to deliver a main -> renderer message. */
export const EMIT_FUNCTION = '__b24HeadlessEmit'
/** What the host calls to collect CSP violations the page saw. */
export const PROBLEMS_VARIABLE = '__b24HeadlessProblems'

/** The init script: the ipcRenderer/contextBridge shim around the preload's CommonJS source. */
export function preloadInitScript(preloadSource: string): string {
  return `(() => {
  const invokeBinding = window[${JSON.stringify(INVOKE_BINDING)}]
  const listeners = new Map()
  const problems = []
  Object.defineProperty(window, ${JSON.stringify(PROBLEMS_VARIABLE)}, { value: problems })
  // Chromium also logs a violation to the console; the event gives the directive and the URL.
  document.addEventListener('securitypolicyviolation', (event) => {
    problems.push('CSP violation: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline'))
  })
  const ipcRenderer = {
    async invoke(channel, ...args) {
      const answer = await invokeBinding(channel, structuredClone(args))
      if (!answer.ok) throw new Error(answer.message)
      return answer.value
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel).add(listener)
      return ipcRenderer
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    },
  }
  Object.defineProperty(window, ${JSON.stringify(EMIT_FUNCTION)}, {
    value(channel, args) {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: ipcRenderer, ports: [] }, ...structuredClone(args))
    },
  })
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: Object.freeze({ ...api }), enumerable: true })
    },
  }
  // A sandboxed preload may require only a few modules; the app's needs only 'electron'.
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer }
    throw new Error('module not found: ' + name)
  }
  const module = { exports: {} }
  ;(function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports)
})()`
}
