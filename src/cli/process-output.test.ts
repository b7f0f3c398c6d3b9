// The process's own output streams: a reader that goes away is noticed and said once; any other failure still throws.
import { Writable } from 'node:stream'
import { processOutput } from './index'

/** A stream whose writes fail with `code` once `fail` is set, as a pipe does when its reader has gone. */
function stream(code: string) {
  const state = { fail: false, written: '' }
  const writable = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!state.fail) {
        state.written += chunk.toString()
        callback()
        return
      }
      callback(Object.assign(new Error(`write ${code}`), { code }))
    },
  })
  return { writable, state }
}

it('says the output is closed when a write finds no reader, and flushes what came before', async () => {
  const out = stream('EPIPE')
  const err = stream('EPIPE')
  const output = processOutput([out.writable, err.writable])
  out.writable.write('kept\n')
  await output.flush()
  expect(out.state.written).toBe('kept\n')
  expect(output.closed.aborted).toBe(false)
  out.state.fail = true
  out.writable.write('lost\n')
  await output.flush()
  expect(output.closed.aborted).toBe(true)
})

it('throws any other failure of a write, as Node would', async () => {
  const out = stream('EIO')
  const output = processOutput([out.writable])
  out.state.fail = true
  const thrown = new Promise((resolve) => process.once('uncaughtException', resolve))
  out.writable.write('x')
  expect(await thrown).toMatchObject({ code: 'EIO' })
  expect(output.closed.aborted).toBe(false)
})
