import type { PositionInput } from './window-position'
import { anchorPoint, trayEdge, trayWindowPosition } from './window-position'

const windowSize = { width: 380, height: 560 }
const zeros = { x: 0, y: 0, width: 0, height: 0 }

function place(overrides: Partial<PositionInput>) {
  return trayWindowPosition({
    trayBounds: zeros,
    windowSize,
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    platform: 'win32',
    ...overrides,
  })
}

describe('tray window position', () => {
  it('macOS: hangs flush below the menu bar, centred on the icon', () => {
    const position = place({
      platform: 'darwin',
      trayBounds: { x: 1200, y: 0, width: 24, height: 24 },
      workArea: { x: 0, y: 25, width: 1440, height: 875 },
    })
    expect(position).toEqual({ x: 1200 + 12 - 190, y: 25 })
  })

  it('macOS: an icon near the right corner keeps the window on the screen', () => {
    const position = place({
      platform: 'darwin',
      trayBounds: { x: 1420, y: 0, width: 20, height: 24 },
      workArea: { x: 0, y: 25, width: 1440, height: 875 },
    })
    expect(position).toEqual({ x: 1440 - 380, y: 25 })
  })

  it('Windows, taskbar at the bottom: sits above the taskbar', () => {
    const position = place({ trayBounds: { x: 1700, y: 1044, width: 24, height: 32 } })
    expect(position).toEqual({ x: 1712 - 190, y: 1040 - 560 - 4 })
  })

  it('Windows, taskbar at the top', () => {
    const position = place({
      trayBounds: { x: 1700, y: 4, width: 24, height: 32 },
      workArea: { x: 0, y: 40, width: 1920, height: 1040 },
    })
    expect(position).toEqual({ x: 1522, y: 44 })
  })

  it('Windows, taskbar on the left: beside the taskbar, level with the icon', () => {
    const position = place({
      trayBounds: { x: 20, y: 900, width: 24, height: 24 },
      workArea: { x: 64, y: 0, width: 1856, height: 1080 },
    })
    expect(position).toEqual({ x: 68, y: 1080 - 560 })
  })

  it('Windows, taskbar on the right', () => {
    const position = place({
      trayBounds: { x: 1876, y: 300, width: 24, height: 24 },
      workArea: { x: 0, y: 0, width: 1856, height: 1080 },
    })
    expect(position).toEqual({ x: 1856 - 380 - 4, y: 312 - 280 })
  })

  it('Windows, auto-hidden taskbar: uses the work-area edge nearest to the icon', () => {
    const position = place({
      trayBounds: { x: 1700, y: 1050, width: 24, height: 24 },
      workArea: { x: 0, y: 0, width: 1920, height: 1080 },
    })
    expect(position).toEqual({ x: 1522, y: 1080 - 560 - 4 })
  })

  it('Linux with AppIndicator or Wayland (no tray bounds): centres in the work area', () => {
    const position = place({ platform: 'linux', workArea: { x: 0, y: 32, width: 1920, height: 1048 } })
    expect(position).toEqual({ x: 770, y: 32 + 244 })
  })

  it('Linux under X11 with real tray bounds: a top panel like GNOME or XFCE', () => {
    const position = place({
      platform: 'linux',
      trayBounds: { x: 1800, y: 4, width: 22, height: 22 },
      workArea: { x: 0, y: 32, width: 1920, height: 1048 },
    })
    expect(position).toEqual({ x: 1920 - 380, y: 36 })
  })

  it('a second display to the right, with negative and offset coordinates', () => {
    const position = place({
      trayBounds: { x: 3500, y: 1044, width: 24, height: 32 },
      workArea: { x: 1920, y: -200, width: 1920, height: 1240 },
    })
    expect(position).toEqual({ x: 3512 - 190, y: 1040 - 560 - 4 })
  })

  it('a screen smaller than the window: pinned to the top-left of the work area', () => {
    const position = place({
      trayBounds: { x: 300, y: 500, width: 24, height: 24 },
      workArea: { x: 0, y: 0, width: 320, height: 480 },
    })
    expect(position).toEqual({ x: 0, y: 0 })
  })

  it('rounds fractional coordinates from scaled displays to whole pixels', () => {
    const position = place({ trayBounds: { x: 1000.5, y: 1044, width: 21, height: 32 } })
    expect(Number.isInteger(position.x) && Number.isInteger(position.y)).toBe(true)
  })
})

describe('tray edge and anchor', () => {
  const workArea = { x: 0, y: 40, width: 1000, height: 700 }
  it.each([
    [{ x: 500, y: 0, width: 20, height: 30 }, 'top'],
    [{ x: 500, y: 745, width: 20, height: 30 }, 'bottom'],
    [{ x: -30, y: 300, width: 20, height: 20 }, 'left'],
    [{ x: 1005, y: 300, width: 20, height: 20 }, 'right'],
    [{ x: 900, y: 50, width: 20, height: 20 }, 'top'],
  ] as const)('tray at %j is on the %s edge', (bounds, edge) => {
    expect(trayEdge(bounds, workArea)).toBe(edge)
  })

  it('anchors on the cursor where the tray cannot be located', () => {
    expect(anchorPoint(zeros, { x: 10, y: 20 })).toEqual({ x: 10, y: 20 })
    expect(anchorPoint({ x: 100, y: 0, width: 20, height: 20 }, { x: 10, y: 20 })).toEqual({ x: 110, y: 10 })
  })
})
