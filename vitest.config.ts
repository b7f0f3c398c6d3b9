import { resolve } from 'node:path'
import { configDefaults, defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') }

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          globals: true,
          include: [
            'src/core/**/*.test.ts',
            'src/main/**/*.test.ts',
            'src/cli/**/*.test.ts',
            'src/shared/**/*.test.ts',
            'src/preload/**/*.test.ts',
            'bench/**/*.test.ts',
            'bin/**/*.test.ts',
          ],
          // The contract suite runs in its own project, which builds the bin first.
          exclude: [...configDefaults.exclude, 'src/cli/contract/**'],
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.node.json' },
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        // The command line as users run it: the built bin in a process of its own (src/cli/contract/bin.ts).
        resolve: { alias },
        test: {
          name: 'cli-contract',
          environment: 'node',
          globals: true,
          include: ['src/cli/contract/**/*.test.ts'],
          globalSetup: ['src/cli/contract/build-once.ts'],
          testTimeout: 60_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [svelte(), svelteTesting()],
        resolve: { alias },
        test: {
          name: 'dom',
          environment: 'jsdom',
          globals: true,
          include: ['src/renderer/**/*.test.ts'],
          setupFiles: ['src/renderer/src/test-setup.ts'],
        },
      },
    ],
  },
})
