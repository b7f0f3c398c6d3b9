import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import svelte from 'eslint-plugin-svelte'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import svelteConfig from './svelte.config.js'

/** The window and the preload import nothing but src/shared. */
const sharedOnly = {
  regex: '^(\\.\\./)+(core|main|cli)(/|$)',
  message: 'The window and the preload see only shared types (@shared).',
}

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,svelte}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  // The direction of imports, which is the architecture: core -> nothing of the shells; main, cli, bench -> core;
  // preload and renderer -> shared only. src/core/boundaries.test.ts proves that a wrong import fails.
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-store'],
          patterns: [{ regex: '^(\\.\\./)+(main|cli|preload|renderer)(/|$)', message: 'The core imports no shell.' }],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-store'],
          patterns: [
            {
              regex: '^(\\.\\./)+(src/)?main(/|$)',
              message: 'Import the core (src/core), not the Electron app.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the desktop glue and the composition root may import electron.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/desktop/**', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron', 'electron-store'] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,svelte}', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron-store'], patterns: [sharedOnly] }] },
  },
  {
    // What ships in the window and the preload carries no zod (the window's bundle budget; a sandboxed preload cannot
    // load packages): the model's values come from its zod-free values.ts, its types through @shared/types. The
    // preview harness is not shipped and may use the schemas.
    files: ['src/renderer/src/**/*.{ts,svelte}', 'src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron-store'],
          patterns: [
            sharedOnly,
            {
              regex: '^@shared/(model(/(?!values$).*)?|ipc-schemas)$',
              message:
                'The window and the preload load no zod: use @shared/model/values and the types of @shared/types.',
            },
          ],
        },
      ],
    },
  },
)
