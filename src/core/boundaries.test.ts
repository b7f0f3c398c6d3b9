// The import direction is the architecture, and ESLint enforces it (eslint.config.js). These cases lint one line of
// source as if it stood in a given file, so a rule that stopped matching fails here rather than letting a wrong import in.
import { ESLint } from 'eslint'

const eslint = new ESLint({ cwd: process.cwd() })

async function restrictedImports(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(`${source}\nexport {}\n`, { filePath })
  return result?.messages.filter((message) => message.ruleId === 'no-restricted-imports').length ?? -1
}

describe('import boundaries', () => {
  it.each([
    ['src/core/sync/x.ts', "import 'electron'"],
    ['src/core/sync/x.ts', "import '../../main/desktop/app'"],
    ['src/core/bitrix/x.ts', "import '../../cli/context'"],
    ['src/core/x.ts', "import '../renderer/src/lib/theme'"],
    ['src/shared/x.ts', "import '../main/desktop/app'"],
    ['src/cli/commands/x.ts', "import '../../main/desktop/app'"],
    ['src/core/composition/x.ts', "import '../../main/desktop/handlers'"],
    ['bench/figures/x.ts', "import '../../src/main/desktop/app'"],
    ['src/renderer/src/lib/x.ts', "import '../../../core/sync'"],
    ['src/preload/x.ts', "import '../main/desktop/ipc'"],
    ['src/renderer/src/lib/x.ts', "import '@shared/model'"],
    ['src/renderer/src/lib/x.ts', "import '@shared/model/settings'"],
    ['src/preload/x.ts', "import '@shared/ipc-schemas'"],
    ['src/main/x.ts', "import 'electron'"],
  ])('refuses, in %s, %s', async (filePath, source) => {
    expect(await restrictedImports(filePath, source)).toBe(1)
  })

  it.each([
    ['src/core/sync/x.ts', "import '../bitrix'"],
    ['src/core/sync/x.ts', "import '@shared/types'"],
    ['src/shared/i18n/x.ts', "import './cli'"],
    ['src/cli/commands/x.ts', "import '../../core/sync'"],
    ['src/cli/x.ts', "import '../core/composition'"],
    ['src/main/desktop/x.ts', "import '../../core/composition'"],
    ['src/core/sync/x.ts', "import '@shared/model'"],
    ['bench/figures/x.ts', "import '../../src/core/sync'"],
    ['src/main/desktop/x.ts', "import 'electron'"],
    ['src/main/desktop/x.ts', "import '../../core/sync'"],
    ['src/renderer/src/lib/x.ts', "import '@shared/types'"],
    ['src/renderer/src/lib/x.ts', "import '@shared/model/values'"],
    ['src/renderer/harness/x.ts', "import '@shared/model'"],
    ['src/preload/x.ts', "import 'electron'"],
  ])('allows, in %s, %s', async (filePath, source) => {
    expect(await restrictedImports(filePath, source)).toBe(0)
  })
})
