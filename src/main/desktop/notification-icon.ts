// A group's avatar for a notification. The URL comes from the portal, so it is fetched with limits: http(s) only
// (plain http only from this computer, as for the demo portal), a few seconds, a few hundred kilobytes, PNG or JPEG
// (what Electron's nativeImage decodes). Anything else gives undefined, and the notification keeps the app icon.

export const ICON_TIMEOUT_MS = 3000
export const ICON_MAX_BYTES = 512 * 1024
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg'])
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export interface IconDeps<Image> {
  fetch(url: string, init: { signal: AbortSignal; redirect: 'follow' }): Promise<Response>
  /** nativeImage.createFromBuffer, or null when the bytes are no image. */
  decode(bytes: Buffer): Image | null
}

/** Whether a portal-supplied avatar URL may be fetched at all. */
export function iconUrlAllowed(raw: string): boolean {
  if (!URL.canParse(raw)) return false
  const url = new URL(raw)
  if (url.username || url.password) return false
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
}

export function createIconLoader<Image>(deps: IconDeps<Image>): (url: string) => Promise<Image | undefined> {
  return async (url) => {
    if (!iconUrlAllowed(url)) return undefined
    try {
      const response = await deps.fetch(url, { signal: AbortSignal.timeout(ICON_TIMEOUT_MS), redirect: 'follow' })
      const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? ''
      const declared = Number(response.headers.get('content-length') ?? 0)
      if (!response.ok || !IMAGE_TYPES.has(type) || declared > ICON_MAX_BYTES) {
        await response.body?.cancel()
        return undefined
      }
      const bytes = Buffer.from(await response.arrayBuffer())
      if (bytes.length > ICON_MAX_BYTES) return undefined
      return deps.decode(bytes) ?? undefined
    } catch {
      return undefined
    }
  }
}
