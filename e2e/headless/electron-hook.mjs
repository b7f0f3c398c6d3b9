// Module resolve hook (module.register): every `import 'electron'` in the built main process and its dependencies
// (electron-store) gets the headless host's Electron double instead of the npm package, whose entry point only
// exports the path of a binary.
let doubleUrl = ''

export function initialize(data) {
  doubleUrl = data.doubleUrl
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: doubleUrl, shortCircuit: true }
  return nextResolve(specifier, context)
}
