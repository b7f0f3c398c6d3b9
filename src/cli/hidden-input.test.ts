import { EventEmitter } from 'node:events'
import { InputCancelled, readHiddenLine, type RawInput } from './hidden-input'

function fakeTerminal() {
  const events = new EventEmitter()
  const modes: boolean[] = []
  const input: RawInput & { type(text: string): void } = {
    isTTY: true,
    isRaw: false,
    setRawMode: (mode: boolean) => modes.push(mode),
    setEncoding: () => {},
    on: (event, listener) => events.on(event, listener),
    off: (event, listener) => events.off(event, listener),
    resume: () => {},
    pause: () => {},
    type: (text) => void events.emit('data', text),
  }
  let shown = ''
  return { input, modes, output: { write: (text: string) => (shown += text) }, shown: () => shown }
}

describe('hidden input', () => {
  it('reads a line without echoing it, honouring backspace, and restores the terminal', async () => {
    const terminal = fakeTerminal()
    const line = readHiddenLine(terminal.input, terminal.output, 'URL: ')
    terminal.input.type('https://a.bitrix24.com/rest/1/secrett')
    terminal.input.type('\u007f/\r')
    expect(await line).toBe('https://a.bitrix24.com/rest/1/secret/')
    expect(terminal.shown()).toBe('URL: \n')
    expect(terminal.modes).toEqual([true, false])
  })

  it('cancels on Ctrl+C and restores the terminal', async () => {
    const terminal = fakeTerminal()
    const line = readHiddenLine(terminal.input, terminal.output, 'URL: ')
    terminal.input.type('abc\u0003')
    await expect(line).rejects.toBeInstanceOf(InputCancelled)
    expect(terminal.modes).toEqual([true, false])
  })
})
