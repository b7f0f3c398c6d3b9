// The headless command line over the same core as the app: list, watch, open, accounts, demo-portal.
// `main` takes its outside world as an argument so tests run every command in-process. Each command's module loads
// when the command runs: `list` does not pay for the sync engine, the demo portal or the browser opener.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import os from 'node:os'
import { createTranslator, resolveLanguage } from '@shared/i18n'
import { inertText } from '@shared/inert-text'
import type { GroupPage, Language } from '@shared/types'
import { GROUP_PAGES } from '@shared/model/values'
import { APP_VERSION, redactPatterns } from '../core/bitrix'
import { createContext, type CliContext, type CliDeps, type GlobalOptions } from './context'
import { EXIT, exitCodeForKind, type ExitCode } from './exit-codes'
import { InputCancelled, readHiddenLine } from './hidden-input'

function integerIn(min: number, max: number, message: string) {
  return (value: string) => {
    const number = Number(value)
    if (!/^\d+$/.test(value) || number < min || number > max) throw new InvalidArgumentError(message)
    return number
  }
}

function groupIdArgument(message: string) {
  return (value: string) => {
    if (!/^\d{1,18}$/.test(value)) throw new InvalidArgumentError(message)
    return value
  }
}

/** The language for help and usage errors, read before commander parses (so its own texts can be translated too). */
function earlyLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='))
  const value = index < 0 ? undefined : argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1]
  return resolveLanguage([value, env.LC_ALL, env.LC_MESSAGES, env.LANG, env.LANGUAGE])
}

/**
 * Signal listeners do not keep Node's event loop alive, and the sync engine's timers are unref'd on purpose (a poll
 * schedule alone must not hold a process). So while a long-running command waits to be stopped (through a throttled
 * portal's hour-long backoff too), this interval keeps the process running; it goes when a signal arrives or the
 * command ends by itself.
 */
function untilSignal(cancel?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const keepAlive = setInterval(() => {}, 2 ** 31 - 1)
    const done = () => {
      clearInterval(keepAlive)
      process.off('SIGINT', done)
      process.off('SIGTERM', done)
      cancel?.removeEventListener('abort', done)
      resolve()
    }
    process.once('SIGINT', done)
    process.once('SIGTERM', done)
    if (cancel?.aborted) done()
    else cancel?.addEventListener('abort', done, { once: true })
  })
}

/** Errors of a write to a stream whose reader has gone (EPIPE), or of one after that failure closed it. */
const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED'])

/**
 * What the process prints to: `closed` aborts once one of the streams has lost its reader (`b24-groups list | head
 * -1`), which Node would otherwise throw as an unhandled error with a stack trace; any other error on them still is.
 * `flush` resolves once everything written so far is out, or has failed.
 */
export function processOutput(streams: readonly NodeJS.WritableStream[]): NonNullable<CliDeps['output']> {
  const controller = new AbortController()
  const failed = (error: NodeJS.ErrnoException | null | undefined) => {
    if (!error) return
    if (!READER_GONE.has(error.code ?? '')) throw error
    controller.abort()
  }
  for (const stream of streams) stream.on('error', failed)
  return {
    closed: controller.signal,
    // A write's callback comes after the writes before it; the error, if any, may reach it before the event.
    flush: () =>
      Promise.all(
        streams.map((stream) => new Promise<void>((resolve) => stream.write('', (error) => resolve(failed(error))))),
      ).then(() => undefined),
  }
}

export function defaultDeps(): CliDeps {
  const output = processOutput([process.stdout, process.stderr])
  return {
    output,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    home: os.homedir(),
    openUrl: async (url) => {
      const { default: openInBrowser } = await import('open')
      await openInBrowser(url)
    },
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    },
    readHidden: async (prompt) => (process.stdin.isTTY ? readHiddenLine(process.stdin, process.stderr, prompt) : null),
    // A command waiting to be stopped stops too when nobody reads what it prints.
    untilStopped: (cancel) => untilSignal(cancel ? AbortSignal.any([cancel, output.closed]) : output.closed),
  }
}

export async function main(argv: readonly string[], deps: CliDeps = defaultDeps()): Promise<ExitCode> {
  const code = await runCommand(argv, deps)
  await deps.output?.flush()
  return deps.output?.closed.aborted ? EXIT.outputClosed : code
}

async function runCommand(argv: readonly string[], deps: CliDeps): Promise<ExitCode> {
  const language = earlyLanguage(argv, deps.env)
  const { t } = createTranslator(language)
  let exitCode: ExitCode = EXIT.ok
  let context: CliContext | null = null
  const titles: Record<string, string> = {
    'Usage:': t('cli:help.titles.usage'),
    'Options:': t('cli:help.titles.options'),
    'Global Options:': t('cli:help.titles.globalOptions'),
    'Commands:': t('cli:help.titles.commands'),
    'Arguments:': t('cli:help.titles.arguments'),
  }

  // Settings made before the subcommands are added are inherited by them: help in the user's language, the global
  // options in every subcommand's help, output through deps, errors as return codes.
  const program = new Command('b24-groups')
    .description(t('cli:help.program'))
    .version(APP_VERSION, '-V, --version', t('cli:help.version'))
    .helpOption('-h, --help', t('cli:help.help'))
    .helpCommand('help [command]', t('cli:help.help'))
    .configureHelp({ showGlobalOptions: true, styleTitle: (title) => titles[title] ?? title })
    .addOption(new Option('--config-dir <dir>', t('cli:help.configDir')))
    .addOption(new Option('--webhook <url>', t('cli:help.webhook')))
    .option('--json', t('cli:help.json'))
    .addOption(new Option('--lang <language>', t('cli:help.lang')).choices(['en', 'ru', 'de']))
    .option('--demo', t('cli:help.demo'))
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void deps.stdout.write(text),
      writeErr: (text) => void deps.stderr.write(text),
    })
    .showSuggestionAfterError(true)

  const run = (action: (ctx: CliContext) => Promise<ExitCode> | ExitCode) => async () => {
    const options = program.opts<GlobalOptions>()
    if (options.webhook && options.demo) throw new InvalidArgumentError(t('cli:usage.webhookAndDemo'))
    context = createContext(deps, options)
    exitCode = await action(context)
  }

  program
    .command('list')
    .description(t('cli:help.list'))
    .action(run(async (ctx) => (await import('./commands/list')).listCommand(ctx)))

  program
    .command('watch')
    .description(t('cli:help.watch'))
    .addOption(
      new Option('--interval <seconds>', t('cli:help.interval')).argParser(
        integerIn(1, 3600, t('cli:usage.badInterval')),
      ),
    )
    .option('--verbose', t('cli:help.verbose'))
    .action((options: { interval?: number; verbose?: boolean }) =>
      run(async (ctx) => (await import('./commands/watch')).watchCommand(ctx, options))(),
    )

  const open = program
    .command('open')
    .description(t('cli:help.open'))
    .argument('<group-id>', t('cli:help.groupId'), groupIdArgument(t('cli:usage.badGroupId')))
    .option('--account <id>', t('cli:help.account'))
    .option('--print', t('cli:help.print'))
  for (const page of GROUP_PAGES) open.option(`--${page}`, t(`cli:help.page.${page}`))
  open.action((groupId: string, options: { account?: string; print?: boolean } & Partial<Record<GroupPage, true>>) => {
    const pages = GROUP_PAGES.filter((page) => options[page])
    if (pages.length > 1) throw new InvalidArgumentError(t('cli:usage.onePage'))
    const { account, print } = options
    return run(async (ctx) =>
      (await import('./commands/open')).openCommand(ctx, groupId, { account, print, page: pages[0] }),
    )()
  })

  const accounts = program.command('accounts').description(t('cli:help.accounts'))
  accounts
    .command('list')
    .description(t('cli:help.accountsList'))
    .option('--json', t('cli:help.json'))
    .action((options: { json?: boolean }) =>
      run(async (ctx) =>
        (await import('./commands/accounts')).accountsListCommand({
          ...ctx,
          options: { ...ctx.options, json: ctx.options.json || options.json },
        }),
      )(),
    )
  accounts
    .command('add')
    .description(t('cli:help.accountsAdd'))
    .option('--webhook <url>', t('cli:help.addWebhook'))
    .option('--label <text>', t('cli:help.label'))
    .action(async (options: { webhook?: string; label?: string }) => {
      const webhook = await webhookToAdd(options.webhook ?? program.opts<GlobalOptions>().webhook)
      return run(async (ctx) =>
        (await import('./commands/accounts')).accountsAddCommand(
          { ...ctx, options: { ...ctx.options, webhook: undefined } },
          { webhook, label: options.label },
        ),
      )()
    })
  accounts
    .command('remove')
    .description(t('cli:help.accountsRemove'))
    .argument('<id>', t('cli:help.accountId'))
    .action((id: string) => run(async (ctx) => (await import('./commands/accounts')).accountsRemoveCommand(ctx, id))())
  accounts
    .command('set-portal')
    .description(t('cli:help.setPortal'))
    .argument('<id>', t('cli:help.accountId'))
    .argument('<url>', t('cli:help.portalUrl'))
    .action((id: string, url: string) =>
      run(async (ctx) => (await import('./commands/accounts')).accountsSetPortalCommand(ctx, id, url))(),
    )

  program
    .command('demo-portal')
    .description(t('cli:help.demoPortal'))
    .addOption(new Option('--port <n>', t('cli:help.port')).argParser(integerIn(0, 65535, t('cli:usage.badPort'))))
    .action((options: { port?: number }) =>
      run(async (ctx) => (await import('./commands/demo-portal')).demoPortalCommand(ctx, options))(),
    )

  /**
   * The webhook `accounts add` stores. Commander reads options anywhere on the line, so `accounts add --webhook URL`
   * may fill the global --webhook. Without one it comes from B24_WEBHOOK_URL, else it is asked for with hidden input
   * on a terminal, else read from standard input (as `--webhook -` does): the code need not appear in the process
   * list, the shell history or npm's log.
   */
  async function webhookToAdd(given: string | undefined): Promise<string> {
    let webhook = given ?? (deps.env.B24_WEBHOOK_URL || undefined)
    if (webhook === undefined) webhook = (await deps.readHidden?.(t('cli:prompt.webhook'))) ?? undefined
    if (webhook === undefined || webhook === '-') webhook = await deps.readStdin()
    webhook = webhook.trim()
    if (!webhook) throw new InvalidArgumentError(t('cli:usage.webhookRequired'))
    return webhook
  }

  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      // Thrown by our own checks in an action (commander prints the ones it throws while parsing).
      deps.stderr.write(`${error.message}\n`)
      return EXIT.usage
    }
    if (error instanceof InputCancelled) {
      deps.stderr.write(`${t('cli:usage.cancelled')}\n`)
      return EXIT.usage
    }
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander reports is a usage error (already printed).
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    const ctx = context as CliContext | null
    // A directory the file system refuses, or one another writer holds: its own sentence and exit code. Loaded only
    // here, so a command that succeeds does not pay for the sync module.
    const { stateFailure } = await import('./state-failure')
    const stateAnswer = stateFailure(error, ctx ?? createTranslator(language), ctx?.configDir)
    if (stateAnswer) {
      if (ctx) ctx.err(stateAnswer.message)
      else deps.stderr.write(`${inertText(stateAnswer.message)}\n`)
      return stateAnswer.code
    }
    const view = ctx?.describe(error)
    if (ctx && view && view.code !== 'UNEXPECTED') {
      // An expected failure (a bad webhook URL, a refused credential, no keychain): one plain sentence.
      ctx.err(view.message)
      return view.code.startsWith('KEYCHAIN_') ? EXIT.credentials : exitCodeForKind(view.kind)
    }
    // Unexpected errors are ours, but their text may quote a URL or a portal's words: webhook paths and tokens are
    // scrubbed, and control characters shown inert, all the same.
    const message = redactPatterns(error instanceof Error ? error.message : String(error))
    const line = t('cli:unexpected', { message })
    if (ctx) ctx.err(line)
    else deps.stderr.write(`${inertText(line)}\n`)
    return EXIT.unexpected
  } finally {
    await (context as CliContext | null)?.close()
  }
}
