// A group's avatar for a notification. The URL comes from the portal, so it is fetched with limits: http(s) only
// (plain http only from this computer, as for the demo portal), a few seconds, a few hundred kilobytes, PNG or JPEG
// (what Electron's nativeImage decodes). Redirects are followed by hand, a few at most, each target checked by the same
// rule, and the body is read only up to the limit. Anything else gives undefined, and the notification keeps the app
// icon.

export const ICON_TIMEOUT_MS = 3000
export const ICON_MAX_BYTES = 512 * 1024
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg'])
const ICON_MAX_REDIRECTS = 3
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export interface IconDeps<Image> {
  fetch(url: string, init: { signal: AbortSignal; redirect: 'manual' }): Promise<Response>
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

/** The body's bytes, or null once it passes `limit` (the rest is not read). */
async function readAtMost(response: Response, limit: number): Promise<Buffer | null> {
  if (!response.body) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let length = 0
  for await (const chunk of response.body) {
    length += chunk.length
    if (length > limit) {
      await response.body.cancel().catch(() => {})
      return null
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

export function createIconLoader<Image>(deps: IconDeps<Image>): (url: string) => Promise<Image | undefined> {
  return async (url) => {
    try {
      const signal = AbortSignal.timeout(ICON_TIMEOUT_MS)
      let target = url
      for (let hop = 0; ; hop += 1) {
        if (!iconUrlAllowed(target)) return undefined
        const response = await deps.fetch(target, { signal, redirect: 'manual' })
        const location = response.headers.get('location')
        if (response.status >= 300 && response.status < 400 && location !== null) {
          await response.body?.cancel()
          if (hop >= ICON_MAX_REDIRECTS || !URL.canParse(location, target)) return undefined
          target = new URL(location, target).href
          continue
        }
        const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? ''
        const declared = Number(response.headers.get('content-length') ?? 0)
        if (!response.ok || !IMAGE_TYPES.has(type) || declared > ICON_MAX_BYTES) {
          await response.body?.cancel()
          return undefined
        }
        const bytes = await readAtMost(response, ICON_MAX_BYTES)
        return bytes ? (deps.decode(bytes) ?? undefined) : undefined
      }
    } catch {
      return undefined
    }
  }
}
