import type { Rect } from './window-position'
import {
  BLUR_GRACE_MS,
  closeDecision,
  createTrayWindowController,
  keepWindowOnClose,
  shouldHideOnBlur,
  toggleDecision,
  trayWindowOptions,
} from './tray-window'

function fakeWindow() {
  const calls: string[] = []
  let visible = false
  let blur: () => void = () => {}
  return {
    calls,
    blur: () => blur(),
    window: {
      isVisible: () => visible,
      isDestroyed: () => false,
      show: () => (calls.push('show'), (visible = true)),
      hide: () => (calls.push('hide'), (visible = false)),
      focus: () => calls.push('focus'),
      setPosition: (x: number, y: number) => calls.push(`position ${x},${y}`),
      getSize: () => [380, 560],
      on: (_event: 'blur', listener: () => void) => (blur = listener),
    },
  }
}

function setup(trayBounds: Rect = { x: 1700, y: 1044, width: 24, height: 32 }) {
  let clock = 1_000
  const fake = fakeWindow()
  const shown: number[] = []
  const displaysAskedFor: unknown[] = []
  const controller = createTrayWindowController({
    window: fake.window,
    screen: {
      getCursorScreenPoint: () => ({ x: 5, y: 6 }),
      getDisplayNearestPoint: (point) => (
        displaysAskedFor.push(point),
        { workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
      ),
    },
    trayBounds: () => trayBounds,
    platform: 'win32',
    now: () => clock,
    onShown: () => shown.push(clock),
  })
  return { controller, fake, shown, displaysAskedFor, advance: (ms: number) => (clock += ms) }
}

describe('tray window decisions', () => {
  it('ignores a blur inside the grace period after showing', () => {
    expect(shouldHideOnBlur(1_000, 1_000 + BLUR_GRACE_MS - 1)).toBe(false)
    expect(shouldHideOnBlur(1_000, 1_000 + BLUR_GRACE_MS)).toBe(true)
    expect(shouldHideOnBlur(null, 5)).toBe(true)
  })

  it('treats a click right after a blur-hide as closing', () => {
    expect(toggleDecision(true, null, 0)).toBe('hide')
    expect(toggleDecision(false, 1_000, 1_100)).toBe('none')
    expect(toggleDecision(false, 1_000, 1_000 + BLUR_GRACE_MS)).toBe('show')
    expect(toggleDecision(false, null, 0)).toBe('show')
  })

  it('builds a frameless, fixed-size, secure window; a floating panel on macOS', () => {
    const linux = trayWindowOptions('linux', '/app/preload.cjs')
    expect(linux).toMatchObject({ width: 380, height: 560, frame: false, show: false, skipTaskbar: true })
    expect(linux.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(linux.type).toBeUndefined()
    expect(trayWindowOptions('darwin', '/app/preload.cjs').type).toBe('panel')
  })

  it("asks for the platform's popover material and rounded corners, and leaves Linux opaque", () => {
    expect(trayWindowOptions('darwin', '/p.cjs')).toMatchObject({ vibrancy: 'popover', roundedCorners: true })
    expect(trayWindowOptions('win32', '/p.cjs')).toMatchObject({ backgroundMaterial: 'acrylic', roundedCorners: true })
    const linux = trayWindowOptions('linux', '/p.cjs')
    expect([linux.vibrancy, linux.backgroundMaterial, linux.transparent]).toEqual([undefined, undefined, undefined])
  })
})

describe('tray window controller', () => {
  it('shows next to the tray, focused, and tells the renderer', () => {
    const { controller, fake, shown, displaysAskedFor } = setup()
    controller.show()
    expect(fake.calls).toEqual(['position 1522,476', 'show', 'focus'])
    expect(displaysAskedFor).toEqual([{ x: 1712, y: 1060 }])
    expect(shown).toHaveLength(1)
  })

  it('uses the display under the cursor where the tray cannot be located', () => {
    const { controller, displaysAskedFor, fake } = setup({ x: 0, y: 0, width: 0, height: 0 })
    controller.show()
    expect(displaysAskedFor).toEqual([{ x: 5, y: 6 }])
    expect(fake.calls[0]).toBe('position 770,240')
  })

  it('toggles between shown and hidden', () => {
    const { controller, fake } = setup()
    controller.toggle()
    controller.toggle()
    expect(fake.calls.filter((call) => call === 'show' || call === 'hide')).toEqual(['show', 'hide'])
  })

  it('hides on blur, but not on the blur the platform sends right after showing', () => {
    const { controller, fake, advance } = setup()
    controller.show()
    advance(50)
    fake.blur()
    expect(fake.window.isVisible()).toBe(true)
    advance(BLUR_GRACE_MS)
    fake.blur()
    expect(fake.window.isVisible()).toBe(false)
  })

  it('does not reopen when the tray click that caused the blur arrives', () => {
    const { controller, fake, advance } = setup()
    controller.show()
    advance(5_000)
    fake.blur()
    advance(20)
    controller.toggle()
    expect(fake.window.isVisible()).toBe(false)
    advance(BLUR_GRACE_MS)
    controller.toggle()
    expect(fake.window.isVisible()).toBe(true)
  })
})

describe('closing the tray window', () => {
  function closable(quitting: () => boolean) {
    const calls: string[] = []
    let close: (event: { preventDefault(): void }) => void = () => {}
    keepWindowOnClose(
      { hide: () => calls.push('hide'), on: (_event: 'close', listener) => void (close = listener) },
      quitting,
    )
    return { calls, close: () => close({ preventDefault: () => calls.push('preventDefault') }) }
  }

  it('hides the window instead of closing it while the app keeps running', () => {
    expect(closeDecision(false)).toBe('hide')
    const window = closable(() => false)
    window.close()
    expect(window.calls).toEqual(['preventDefault', 'hide'])
  })

  it('lets the window close once the app is quitting', () => {
    expect(closeDecision(true)).toBe('close')
    let quitting = false
    const window = closable(() => quitting)
    quitting = true
    window.close()
    expect(window.calls).toEqual([])
  })
})
