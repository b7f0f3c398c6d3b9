// Where the tray window goes, as a pure function of what Electron reports. The platform quirks this absorbs:
// - macOS: the status item sits in the menu bar above the work area; the window hangs from it like a menu.
// - Windows: the taskbar can sit on any edge, so the edge is read from where the tray is relative to the work
//   area, not assumed to be the bottom. With an auto-hiding taskbar the tray lies inside the work area; the
//   nearest edge is used then.
// - Linux: under AppIndicator/StatusNotifierItem (GNOME, KDE, Cinnamon, XFCE) `tray.getBounds()` is all zeros,
//   because the panel draws the icon and never says where; on Wayland a client may not place its own windows at
//   all. Both get the centre of the work area, which is also where a Wayland compositor tends to put it.
// - Every platform: the result is clamped to the work area, so a tray near a screen corner or a window taller
//   than a small screen never lands partly off-screen.

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface Size {
  width: number
  height: number
}

export interface Point {
  x: number
  y: number
}

export type TrayEdge = 'top' | 'bottom' | 'left' | 'right'

export interface PositionInput {
  /** `tray.getBounds()`; zeros where the platform cannot tell. */
  trayBounds: Rect
  windowSize: Size
  /** The work area of the display that holds the tray (or the cursor, when the tray cannot be located). */
  workArea: Rect
  platform: NodeJS.Platform | 'other'
}

/** macOS windows hang flush from the menu bar like its menus; elsewhere a small gap keeps the taskbar's edge visible. */
function edgeGap(platform: PositionInput['platform']): number {
  return platform === 'darwin' ? 0 : 4
}

export function hasTrayBounds(bounds: Rect): boolean {
  return bounds.width > 0 && bounds.height > 0
}

/** The point whose display should hold the window: the tray's centre, or the cursor where the tray is unknown. */
export function anchorPoint(trayBounds: Rect, cursor: Point): Point {
  if (!hasTrayBounds(trayBounds)) return cursor
  return { x: trayBounds.x + trayBounds.width / 2, y: trayBounds.y + trayBounds.height / 2 }
}

/** Which edge of the work area the tray is on: outside it (a reserved panel) or, failing that, the nearest one. */
export function trayEdge(trayBounds: Rect, workArea: Rect): TrayEdge {
  const centre = anchorPoint(trayBounds, { x: 0, y: 0 })
  const right = workArea.x + workArea.width
  const bottom = workArea.y + workArea.height
  if (centre.y < workArea.y) return 'top'
  if (centre.y >= bottom) return 'bottom'
  if (centre.x < workArea.x) return 'left'
  if (centre.x >= right) return 'right'
  const distances: [TrayEdge, number][] = [
    ['top', centre.y - workArea.y],
    ['bottom', bottom - centre.y],
    ['left', centre.x - workArea.x],
    ['right', right - centre.x],
  ]
  return distances.reduce((best, candidate) => (candidate[1] < best[1] ? candidate : best))[0]
}

/** Keeps [value, value + length] inside [start, start + span], preferring the start when it cannot fit. */
function clamp(value: number, length: number, start: number, span: number): number {
  return Math.max(start, Math.min(value, start + span - length))
}

export function trayWindowPosition({ trayBounds, windowSize, workArea, platform }: PositionInput): Point {
  const { width, height } = windowSize
  if (!hasTrayBounds(trayBounds)) {
    return {
      x: Math.round(clamp(workArea.x + (workArea.width - width) / 2, width, workArea.x, workArea.width)),
      y: Math.round(clamp(workArea.y + (workArea.height - height) / 2, height, workArea.y, workArea.height)),
    }
  }
  const gap = edgeGap(platform)
  const centre = anchorPoint(trayBounds, { x: 0, y: 0 })
  const edge = trayEdge(trayBounds, workArea)
  let x = centre.x - width / 2
  let y = centre.y - height / 2
  if (edge === 'top') y = workArea.y + gap
  if (edge === 'bottom') y = workArea.y + workArea.height - height - gap
  if (edge === 'left') x = workArea.x + gap
  if (edge === 'right') x = workArea.x + workArea.width - width - gap
  return {
    x: Math.round(clamp(x, width, workArea.x, workArea.width)),
    y: Math.round(clamp(y, height, workArea.y, workArea.height)),
  }
}
