// One benchmark in its own process: runs it and sends its figures to the parent (run.ts) over IPC.
import { z } from 'zod'
import { BENCHMARK_NAMES, BENCHMARKS } from './benchmarks'
import { figureListSchema } from './figures'

const name = z.enum(BENCHMARK_NAMES as [string, ...string[]]).safeParse(process.argv[3])
if (!name.success || !process.send) {
  console.error(`child: start it through bench/run.ts with one of ${BENCHMARK_NAMES.join(', ')}`)
  process.exit(2)
}
const benchmark = BENCHMARKS[name.data as keyof typeof BENCHMARKS]
const module = await benchmark.load()
const figures = figureListSchema.parse(await module.run())
process.send({ figures }, () => process.disconnect())
