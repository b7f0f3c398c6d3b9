// The command line, built for Node 22 into out/cli/: one entry module with the code every command runs, and chunks
// that load only when a command needs them (the demo portal, the `open` package, the keychain binding stays outside).
// `npm run build` makes it; bin/b24-groups.mjs builds it itself when it is missing or older than a source it was
// built from (the list is written beside it as inputs.json).
import { writeFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'

const root = import.meta.dirname
export const CLI_OUT_DIR = resolve(root, 'out/cli')

/** Writes the files the bundle was built from, so the bin can tell a stale build from a fresh one cheaply. */
function recordInputs(): Plugin {
  return {
    name: 'b24-groups:record-inputs',
    apply: 'build',
    writeBundle() {
      const inputs = [...this.getModuleIds()]
        .filter((id) => id.startsWith(root) && !id.includes('?') && !id.includes('/node_modules/'))
        .map((id) => relative(root, id))
        .sort()
      // Dependencies change only with the lock file.
      inputs.push('vite.cli.config.ts', 'package-lock.json')
      writeFileSync(resolve(CLI_OUT_DIR, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`)
    },
  }
}

export default defineConfig({
  root,
  resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
  // Dependencies are bundled (one file to load instead of hundreds); keytar is a native addon and stays a package.
  ssr: { noExternal: true, external: ['keytar'], target: 'node' },
  plugins: [recordInputs()],
  logLevel: 'warn',
  build: {
    ssr: resolve(root, 'src/cli/index.ts'),
    outDir: CLI_OUT_DIR,
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      output: { format: 'es', entryFileNames: 'index.mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
})
