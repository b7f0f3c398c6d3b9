// Reads a secret from the terminal without echoing it, so a webhook URL never lands in the shell history, the
// process list or npm's debug log (as it does when given on the command line).

/** The parts of a TTY stream this needs (process.stdin on a terminal). */
export interface RawInput {
  isTTY?: boolean
  isRaw?: boolean
  setRawMode(mode: boolean): unknown
  setEncoding(encoding: BufferEncoding): unknown
  on(event: 'data', listener: (chunk: string) => void): unknown
  off(event: 'data', listener: (chunk: string) => void): unknown
  resume(): unknown
  pause(): unknown
}

export class InputCancelled extends Error {
  constructor() {
    super('input cancelled')
    this.name = 'InputCancelled'
  }
}

const ENTER = new Set(['\r', '\n'])
const CTRL_C = '\u0003'
const CTRL_D = '\u0004'
const BACKSPACE = new Set(['\u007f', '\b'])

/**
 * Prompts on `output` and reads one line from a raw-mode terminal, echoing nothing. Backspace deletes; Ctrl+C (or
 * Ctrl+D on an empty line) cancels with InputCancelled. The terminal's mode is restored whatever happens.
 */
export function readHiddenLine(input: RawInput, output: { write(text: string): unknown }, prompt: string) {
  return new Promise<string>((resolve, reject) => {
    const wasRaw = input.isRaw ?? false
    let text = ''
    const finish = (error: Error | null) => {
      input.off('data', onData)
      input.setRawMode(wasRaw)
      input.pause()
      output.write('\n')
      if (error) reject(error)
      else resolve(text)
    }
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (ENTER.has(character)) return finish(null)
        if (character === CTRL_C || (character === CTRL_D && text === '')) return finish(new InputCancelled())
        if (BACKSPACE.has(character)) text = Array.from(text).slice(0, -1).join('')
        else if (character >= ' ') text += character
      }
    }
    output.write(prompt)
    input.setEncoding('utf8')
    input.setRawMode(true)
    input.on('data', onData)
    input.resume()
  })
}
