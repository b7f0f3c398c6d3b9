// `npm run bench`: builds what the renderer benchmark needs, runs each benchmark in a process of its own, prints
// the figures as a table and writes them to bench/results.json. Exits 1 when a budget fails.
import { spawn, fork } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { BENCHMARK_NAMES, BENCHMARKS, type Benchmark, type BenchmarkName } from './benchmarks'
import { figureListSchema, missing, type Figure } from './figures'
import { formatTable, formatVerdict } from './table'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const ENTRY = fileURLToPath(new URL('./tsx-entry.mjs', import.meta.url))
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url))
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url))

const argsSchema = z.object({
  only: z
    .string()
    .optional()
    .transform((list, context) => {
      if (list === undefined) return BENCHMARK_NAMES
      const names = list.split(',').map((name) => name.trim())
      const unknown = names.filter((name) => !(BENCHMARK_NAMES as string[]).includes(name))
      if (unknown.length > 0) {
        context.addIssue({ code: 'custom', message: `unknown benchmark ${unknown.join(', ')}` })
        return z.NEVER
      }
      return names as BenchmarkName[]
    }),
  'skip-build': z.boolean().default(false),
  'no-write': z.boolean().default(false),
})

const USAGE = `usage: npm run bench [-- --only=${BENCHMARK_NAMES.join(',')}] [--skip-build] [--no-write]`

function parseCommandLine() {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(3),
      options: {
        only: { type: 'string' },
        'skip-build': { type: 'boolean' },
        'no-write': { type: 'boolean' },
      },
    })
    const parsed = argsSchema.safeParse(values)
    if (parsed.success) return parsed.data
    console.error(`${parsed.error.issues[0]?.message}\n${USAGE}`)
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
  }
  process.exit(2)
}

function npmRun(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const child = spawn(npm, ['run', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run ${script} exited with ${code}`))))
  })
}

function runChild(name: BenchmarkName): Promise<Figure[]> {
  return new Promise((resolve, reject) => {
    const child = fork(ENTRY, [CHILD, name], {
      cwd: ROOT,
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    let figures: Figure[] | null = null
    child.on('message', (message) => {
      const parsed = z.object({ figures: figureListSchema }).safeParse(message)
      if (parsed.success) figures = parsed.data.figures
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      if (figures && code === 0) resolve(figures)
      else reject(new Error(`the ${name} benchmark exited with code ${code}`))
    })
  })
}

// The benchmarks use Node 22 APIs (tls.setDefaultCACertificates among them), as the project does (package.json engines).
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`npm run bench needs Node 22.12 or newer; this is Node ${process.versions.node}`)
  process.exit(2)
}

const options = parseCommandLine()
const started = performance.now()
const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}, ${process.platform}`
console.log(`Benchmarks on ${machine}\n`)

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

let buildFailure: string | null = null
if (!options['skip-build'] && options.only.some((name) => 'needsBuild' in BENCHMARKS[name])) {
  console.log('Building the renderer (npm run build) and the preview harness (npm run harness)...')
  try {
    await npmRun('build')
    await npmRun('harness')
  } catch (error) {
    buildFailure = message(error)
  }
}

const figures: Figure[] = []
for (const name of options.only) {
  const benchmark: Benchmark = BENCHMARKS[name]
  const benchmarkStarted = performance.now()
  console.log(`${benchmark.title}...`)
  try {
    // Stale output would be measured as if it were current: without a fresh build, the benchmark does not run.
    if (benchmark.needsBuild && buildFailure) throw new Error(buildFailure)
    figures.push(...(await runChild(name)))
  } catch (error) {
    figures.push(missing(benchmark.title, '', 'completes', message(error)))
  }
  console.log(`  done in ${((performance.now() - benchmarkStarted) / 1000).toFixed(1)} s`)
}

console.log(`\n${formatTable(figures)}\n\n${formatVerdict(figures)}`)
console.log(`Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s.`)
// The results file always holds one whole run: a partial run would leave it half old, half new.
const whole = options.only.length === BENCHMARK_NAMES.length
if (!options['no-write'] && whole) {
  writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`)
  console.log(`Wrote ${RESULTS}`)
} else if (!options['no-write']) {
  console.log(`A partial run: ${RESULTS} is left as it was.`)
}
process.exitCode = figures.every((figure) => figure.pass !== false) ? 0 : 1
