// Measurements that run inside the page (the preview harness in Chromium), handed to page.evaluate, which sends a
// function's source alone: each probe carries its own helpers. A frame is waited for the usual way: after the next
// requestAnimationFrame the browser renders and paints that frame before a message posted from the callback arrives.

/** The harness's fake main, as the probes use it (the full type lives with the harness, in the renderer's build). */
interface HarnessHandle {
  state: { groups: Record<string, { name: string }[]> }
  emit(event: 'state:changed', payload: unknown): void
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
  const harness = (window as unknown as { harness: HarnessHandle }).harness
  const afterPaint = () =>
    new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve()
        channel.port2.postMessage(null)
      }),
    )
  const rowsShown = () => document.querySelectorAll('[role="option"]').length
  const full = harness.state
  const emptied = {
    ...full,
    groups: Object.fromEntries(Object.keys(full.groups).map((accountId) => [accountId, []])),
  }
  const samples: number[] = []
  for (let round = 0; round < rounds; round++) {
    harness.emit('state:changed', structuredClone(emptied))
    do {
      await afterPaint()
    } while (rowsShown() > 0)
    // A fresh copy, as IPC delivers one, made before the clock starts; with one group renamed, as after a sync that
    // found a change, so that no cache of the window's can answer it from an earlier round.
    const payload = structuredClone(full)
    const groups = Object.values(payload.groups)[0] ?? []
    const renamed = groups[(round * 7919) % Math.max(1, groups.length)]
    if (renamed) renamed.name = `${renamed.name} (${round})`
    const started = performance.now()
    harness.emit('state:changed', payload)
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
  const afterPaint = () =>
    new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve()
        channel.port2.postMessage(null)
      }),
    )
  // A task after the input event: Svelte's microtask flush (and any it chains) has run by then.
  const afterMicrotasks = () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve()
      channel.port2.postMessage(null)
    })
  const input = document.querySelector<HTMLInputElement>('#group-search')
  if (!input) throw new Error('the search field #group-search is missing')
  const samples: KeystrokeSamples = { work: [], toPaint: [] }
  const typeValue = async (value: string) => {
    await afterPaint() // start from an idle page, between frames
    const started = performance.now()
    input.value = value
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await afterMicrotasks()
    document.body.getBoundingClientRect() // style and layout, now
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
