import '@testing-library/jest-dom/vitest'

// jsdom has no layout. The virtual list measures its viewport and its rows with a ResizeObserver (and skips rows
// without an offsetParent), so this observer reports the tray window's size for the list and the designed row
// heights for rows: group options 48 px, account headers 30 px. Rows it has not measured stay hidden.
function fakeHeight(target: Element): number {
  if (target.getAttribute('role') === 'option') return 48
  if (target.hasAttribute('data-row-index')) return 30
  return 560
}

class TrayWindowResizeObserver implements ResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    const entry = { target, contentRect: { width: 380, height: fakeHeight(target) } } as unknown as ResizeObserverEntry
    queueMicrotask(() => this.callback([entry], this))
  }
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver ??= TrayWindowResizeObserver

Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    return this.parentElement
  },
})

// jsdom keeps scrollTop but has no scrollTo/scrollBy; the list scrolls the highlighted row into view with them.
function scrollElementTo(this: Element, optionsOrX?: ScrollToOptions | number, y?: number): void {
  const top = typeof optionsOrX === 'object' ? optionsOrX.top : y
  if (top !== undefined) this.scrollTop = top
  this.dispatchEvent(new Event('scroll'))
}
Element.prototype.scrollTo ??= scrollElementTo
Element.prototype.scrollBy ??= function (this: Element, options?: ScrollToOptions | number, y?: number) {
  const delta = typeof options === 'object' ? (options.top ?? 0) : (y ?? 0)
  scrollElementTo.call(this, { top: this.scrollTop + delta })
}

// No system colour scheme in jsdom: report "light" and never change.
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }) as MediaQueryList
