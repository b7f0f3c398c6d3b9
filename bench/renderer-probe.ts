// Measurements that run inside the page (the preview harness in Chromium), handed to page.evaluate, which sends a
// function's source alone: each probe carries its own helpers. A frame is waited for the usual way: after the next
// requestAnimationFrame the browser renders and paints that frame before a message posted from the callback arrives.

/** The harness's fake main, as the probes use it (the full type lives with the harness, in the renderer's build). */
interface HarnessHandle {
  state: { groups: Record<string, { id: string; name: string }[]> } & Record<string, unknown>
  /** Replaces main's state and sends the window what changed, cloned as IPC clones it. */
  setState(next: unknown): void
}

export interface ArrivalSamples {
  /** From main handing the data over to the first painted frame that shows the new name. */
  toPaint: number[]
  /**
   * From main handing the data over to the DOM updated, styled and laid out: the main thread's work, which the
   * frame-bound `toPaint` hides while it fits in a frame.
   */
  work: number[]
}

/**
 * A sync that renamed one group, from where main hands the data over to a painted frame that shows it: the delta is
 * built and structured-cloned (as IPC does), applied to the window's copy, the list brought up to date and painted.
 * The renamed group is the one at the top of the list, so the frame must show the new name. `rounds` times.
 */
export async function measureArrivals(rounds: number): Promise<ArrivalSamples> {
  const harness = (window as unknown as { harness: HarnessHandle }).harness
  const afterPaint = () =>
    new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve()
        channel.port2.postMessage(null)
      }),
    )
  const firstRowText = () => document.querySelector('[role="option"]')?.textContent ?? ''
  const shows = (name: string) =>
    [...document.querySelectorAll('[role="option"]')].some((row) => row.textContent?.includes(name))
  // A task after the delta: Svelte's microtask flush (and any it chains) has run by then.
  const afterMicrotasks = () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve()
      channel.port2.postMessage(null)
    })
  const samples: ArrivalSamples = { toPaint: [], work: [] }
  for (let round = 0; round < rounds; round++) {
    await afterPaint()
    const state = harness.state
    const [accountId, groups] = Object.entries(state.groups)[0] ?? []
    if (!accountId || !groups) throw new Error('the harness has no groups')
    const shown = firstRowText()
    const index = groups.findIndex((group) => shown.includes(group.name))
    if (index === -1) throw new Error('the first row shows none of the groups')
    const group = groups[index]!
    // A space before the mark keeps it first in the list (it sorts before any longer name with the same start).
    const name = `${group.name.replace(/ ~\d+$/, '')} ~${round}`
    const renamed = groups.map((candidate, at) => (at === index ? { ...candidate, name } : candidate))
    const started = performance.now()
    harness.setState({ ...state, groups: { ...state.groups, [accountId]: renamed } })
    await afterMicrotasks()
    document.body.getBoundingClientRect() // style and layout, now
    samples.work.push(performance.now() - started)
    for (let frame = 0; ; frame++) {
      await afterPaint()
      if (shows(name)) break
      if (frame > 600) throw new Error(`the renamed group ${name} was never painted`)
    }
    samples.toPaint.push(performance.now() - started)
  }
  return samples
}

/**
 * The floor of a search keystroke: a plain `Array.prototype.filter` of the same names for the same query in the same
 * page, each name lower-cased as it is compared (what a list without a prepared search key does).
 */
export function measurePlainFilter({ text, repeats }: { text: string; repeats: number }): number[] {
  const harness = (window as unknown as { harness: HarnessHandle }).harness
  const names = Object.values(harness.state.groups).flatMap((groups) => groups.map((group) => group.name))
  const samples: number[] = []
  let kept = 0
  const filter = (value: string) => {
    const query = value.toLowerCase()
    const started = performance.now()
    kept += names.filter((name) => name.toLowerCase().includes(query)).length
    samples.push(performance.now() - started)
  }
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (let length = 1; length <= text.length; length++) filter(text.slice(0, length))
    for (let length = text.length - 1; length >= 0; length--) filter(text.slice(0, length))
  }
  if (kept < 0) throw new Error('unreachable')
  return samples
}

export interface KeystrokeSamples {
  /** Input event to DOM updated, styled and laid out: the main thread's work for one keystroke. */
  work: number[]
  /** Input event to the end of the next painted frame: what the user waits for. */
  toPaint: number[]
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
