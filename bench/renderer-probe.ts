// Measurements that run inside the page (the preview harness in Chromium), handed to page.evaluate. They reach the
// page only through the small surface typed below: this file is compiled for Node, without the DOM library.
// page.evaluate sends a function's source alone, so each probe carries its own helpers.
// A frame is waited for the usual way: after the next requestAnimationFrame, the browser renders and paints that
// frame before a message posted from the callback is delivered.

/** The bits of the page the probes use. */
interface ProbePage {
  harness: { state: ProbeState; emit(event: 'state:changed', payload: ProbeState): void }
  document: {
    querySelectorAll(selector: string): { length: number }
    querySelector(selector: string): ProbeInput | null
    body: { getBoundingClientRect(): unknown }
  }
  requestAnimationFrame(callback: () => void): number
  Event: new (type: string, init: { bubbles: boolean }) => unknown
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(message: null): void } }
}

interface ProbeState {
  groups: Record<string, unknown[]>
}

interface ProbeInput {
  value: string
  dispatchEvent(event: unknown): boolean
}

export interface KeystrokeSamples {
  /** Input event to DOM updated, styled and laid out: the main thread's work for one keystroke. */
  work: number[]
  /** Input event to the end of the next painted frame: what the user waits for. */
  toPaint: number[]
}

/**
 * Data arrival to a painted list: `rounds` times, the account's groups are taken away (and that is painted), then the
 * full state arrives as main would push it; timed until a frame with the list's rows has been painted.
 */
export async function measureArrivals(rounds: number): Promise<number[]> {
  const page = globalThis as unknown as ProbePage
  const afterPaint = () =>
    new Promise<void>((resolve) =>
      page.requestAnimationFrame(() => {
        const channel = new page.MessageChannel()
        channel.port1.onmessage = () => resolve()
        channel.port2.postMessage(null)
      }),
    )
  const rowsShown = () => page.document.querySelectorAll('[role="option"]').length
  const full = page.harness.state
  const emptied: ProbeState = {
    ...full,
    groups: Object.fromEntries(Object.keys(full.groups).map((accountId) => [accountId, []])),
  }
  const samples: number[] = []
  for (let round = 0; round < rounds; round++) {
    page.harness.emit('state:changed', structuredClone(emptied))
    do {
      await afterPaint()
    } while (rowsShown() > 0)
    // A fresh copy, as IPC delivers one; made before the clock starts.
    const payload = structuredClone(full)
    const started = performance.now()
    page.harness.emit('state:changed', payload)
    do {
      await afterPaint()
    } while (rowsShown() === 0)
    samples.push(performance.now() - started)
  }
  return samples
}

/** Types `text` into the search field one character at a time and deletes it again, `repeats` times. */
export async function measureKeystrokes({
  text,
  repeats,
}: {
  text: string
  repeats: number
}): Promise<KeystrokeSamples> {
  const page = globalThis as unknown as ProbePage
  const afterPaint = () =>
    new Promise<void>((resolve) =>
      page.requestAnimationFrame(() => {
        const channel = new page.MessageChannel()
        channel.port1.onmessage = () => resolve()
        channel.port2.postMessage(null)
      }),
    )
  // A task after the input event: Svelte's microtask flush (and any it chains) has run by then.
  const afterMicrotasks = () =>
    new Promise<void>((resolve) => {
      const channel = new page.MessageChannel()
      channel.port1.onmessage = () => resolve()
      channel.port2.postMessage(null)
    })
  const input = page.document.querySelector('#group-search')
  if (!input) throw new Error('the search field #group-search is missing')
  const samples: KeystrokeSamples = { work: [], toPaint: [] }
  const typeValue = async (value: string) => {
    await afterPaint() // start from an idle page, between frames
    const started = performance.now()
    input.value = value
    input.dispatchEvent(new page.Event('input', { bubbles: true }))
    await afterMicrotasks()
    page.document.body.getBoundingClientRect() // style and layout, now
    samples.work.push(performance.now() - started)
    await afterPaint()
    samples.toPaint.push(performance.now() - started)
  }
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (let length = 1; length <= text.length; length++) await typeValue(text.slice(0, length))
    for (let length = text.length - 1; length >= 0; length--) await typeValue(text.slice(0, length))
  }
  return samples
}
