// Preloaded (`node --import`) into every process the CLI benchmark measures, ours and the floor alike: at exit it
// writes the process's own CPU time (user + system, microseconds, bootstrap included) to file descriptor 3.
import { writeSync } from 'node:fs'

process.on('exit', () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage()
  writeSync(3, `${userCPUTime + systemCPUTime}\n`)
})
