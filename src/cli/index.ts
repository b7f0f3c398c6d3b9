// The headless command line over the same core as the app: list, watch, open, accounts, demo-portal.
// `main` takes its outside world as an argument so tests run every command in-process.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import openInBrowser from 'open'
import os from 'node:os'
import { createTranslator, type MessageKey, resolveLanguage } from '@shared/i18n'
import { redactPatterns } from '../core/bitrix'
import type { Language } from '@shared/types'
import {
  accountsAddCommand,
  accountsListCommand,
  accountsRemoveCommand,
  accountsSetPortalCommand,
} from './commands/accounts'
import { demoPortalCommand } from './commands/demo-portal'
import { listCommand } from './commands/list'
import { openCommand } from './commands/open'
import { watchCommand } from './commands/watch'
import { createContext, type CliContext, type CliDeps, type GlobalOptions } from './context'
import { EXIT, exitCodeForKind, type ExitCode } from './exit-codes'
import { stateFailure } from './state-failure'

function integerIn(min: number, max: number, messageKey: MessageKey, language: Language) {
  return (value: string) => {
    const number = Number(value)
    if (!/^\d+$/.test(value) || number < min || number > max) {
      throw new InvalidArgumentError(createTranslator(language).t(messageKey))
    }
    return number
  }
}

function groupIdArgument(language: Language) {
  return (value: string) => {
    if (!/^\d{1,18}$/.test(value)) throw new InvalidArgumentError(createTranslator(language).t('cli:usage.badGroupId'))
    return value
  }
}

/** The language for usage errors, read before commander parses (so its own messages can be translated too). */
function earlyLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='))
  const value = index < 0 ? undefined : argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1]
  return resolveLanguage([value, env.LC_ALL, env.LC_MESSAGES, env.LANG, env.LANGUAGE])
}

export function defaultDeps(): CliDeps {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    home: os.homedir(),
    openUrl: async (url) => {
      await openInBrowser(url)
    },
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    },
    // The poll timers are unref'd, and a signal listener keeps nothing alive: without a handle of its own, `watch`
    // in a long backoff (a throttled portal's hour) would end silently with nothing left to wait for.
    untilStopped: () =>
      new Promise((resolve) => {
        const keepAlive = setInterval(() => {}, 2 ** 31 - 1)
        const stop = () => {
          clearInterval(keepAlive)
          resolve()
        }
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      }),
  }
}

export async function main(argv: readonly string[], deps: CliDeps = defaultDeps()): Promise<ExitCode> {
  const language = earlyLanguage(argv, deps.env)
  let exitCode: ExitCode = EXIT.ok
  let context: CliContext | null = null

  const program = new Command('b24-groups')
    .description('Your Bitrix24 groups and projects, from the command line.')
    .addOption(new Option('--config-dir <dir>', 'where accounts, settings and snapshots live (B24_GROUPS_CONFIG_DIR)'))
    .addOption(new Option('--webhook <url>', 'use this inbound webhook instead of stored accounts (B24_WEBHOOK_URL)'))
    .option('--json', 'machine-readable output')
    .addOption(new Option('--lang <language>', 'en, ru or de').choices(['en', 'ru', 'de']))
    .option('--demo', 'use a demo portal started in-process instead of stored accounts')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void deps.stdout.write(text),
      writeErr: (text) => void deps.stderr.write(text),
    })
    .showSuggestionAfterError(true)

  const run = (action: (ctx: CliContext) => Promise<ExitCode> | ExitCode) => async () => {
    const options = program.opts<GlobalOptions>()
    if (options.webhook && options.demo)
      throw new InvalidArgumentError(createTranslator(language).t('cli:usage.webhookAndDemo'))
    context = createContext(deps, options)
    exitCode = await action(context)
  }

  program
    .command('list')
    .description('list the groups of every enabled account')
    .action(run((ctx) => listCommand(ctx)))

  program
    .command('watch')
    .description('poll until interrupted and print every membership change')
    .addOption(
      new Option('--interval <seconds>', 'seconds between polls (default: the app setting)').argParser(
        integerIn(1, 3600, 'cli:usage.badInterval', language),
      ),
    )
    .action((options: { interval?: number }) => run((ctx) => watchCommand(ctx, options))())

  program
    .command('open')
    .description("open a group's page in the default browser")
    .argument('<group-id>', 'the group id, e.g. 77', groupIdArgument(language))
    .option('--account <id>', 'the account (HOST/USER_ID) when several have the group')
    .option('--print', 'print the URL instead of opening it')
    .action((groupId: string, options: { account?: string; print?: boolean }) =>
      run((ctx) => openCommand(ctx, groupId, options))(),
    )

  const accounts = program.command('accounts').description('manage stored accounts (secrets in the OS keychain)')
  accounts
    .command('list')
    .description('list stored accounts')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }) =>
      run((ctx) =>
        accountsListCommand({ ...ctx, options: { ...ctx.options, json: ctx.options.json || options.json } }),
      )(),
    )
  accounts
    .command('add')
    .description('prove an inbound webhook and store it')
    .option('--webhook <url>', 'the inbound webhook URL, https://HOST/rest/USER_ID/CODE/ (- reads it from stdin)')
    .option('--label <text>', 'a name for the account')
    .action(async (options: { webhook?: string; label?: string }) => {
      // Commander reads options anywhere on the line, so `accounts add --webhook URL` fills the global --webhook.
      // `--webhook -` reads the URL from standard input and B24_WEBHOOK_URL is read too, so the code need not
      // appear in the process list or the shell history.
      let webhook = options.webhook ?? program.opts<GlobalOptions>().webhook ?? deps.env.B24_WEBHOOK_URL
      if (webhook === '-') webhook = (await deps.readStdin()).trim()
      if (!webhook) throw new InvalidArgumentError(createTranslator(language).t('cli:usage.webhookRequired'))
      return run((ctx) =>
        accountsAddCommand(
          { ...ctx, options: { ...ctx.options, webhook: undefined } },
          { webhook, label: options.label },
        ),
      )()
    })
  accounts
    .command('remove')
    .description('remove an account, its keychain entry, snapshot and history')
    .argument('<id>', 'the account id, HOST/USER_ID')
    .action((id: string) => run((ctx) => accountsRemoveCommand(ctx, id))())
  accounts
    .command('set-portal')
    .description("accept a portal's move: check the new address answers for the same user, then store it")
    .argument('<id>', 'the account id, HOST/USER_ID')
    .argument('<url>', 'the new portal address, https://HOST (no path)')
    .action((id: string, url: string) => run((ctx) => accountsSetPortalCommand(ctx, id, url))())

  program
    .command('demo-portal')
    .description('run the demo portal in the foreground and print a webhook URL for it')
    .addOption(
      new Option('--port <n>', 'port to listen on (default: random)').argParser(
        integerIn(0, 65535, 'cli:usage.badPort', language),
      ),
    )
    .action((options: { port?: number }) => run((ctx) => demoPortalCommand(ctx, options))())

  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      // Thrown by our own checks in an action (commander prints the ones it throws while parsing).
      deps.stderr.write(`${error.message}\n`)
      return EXIT.usage
    }
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander reports is a usage error (already printed).
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    const stateAnswer = stateFailure(
      error,
      (context as CliContext | null) ?? createTranslator(language),
      (context as CliContext | null)?.configDir,
    )
    if (stateAnswer) {
      deps.stderr.write(`${stateAnswer.message}\n`)
      return stateAnswer.code
    }
    const view = (context as CliContext | null)?.describe(error)
    if (view && view.code !== 'UNEXPECTED') {
      // An expected failure (a bad webhook URL, a refused credential, no keychain): one plain sentence.
      deps.stderr.write(`${view.message}\n`)
      return view.code.startsWith('KEYCHAIN_') ? EXIT.credentials : exitCodeForKind(view.kind)
    }
    // Unexpected errors are ours, but their text may quote a URL; webhook paths and tokens are scrubbed all the same.
    const message = redactPatterns(error instanceof Error ? error.message : String(error))
    deps.stderr.write(`${createTranslator(language).t('cli:unexpected', { message })}\n`)
    return EXIT.unexpected
  } finally {
    await (context as CliContext | null)?.close()
  }
}
