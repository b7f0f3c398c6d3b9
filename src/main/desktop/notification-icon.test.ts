import { createIconLoader, ICON_MAX_BYTES, iconUrlAllowed } from './notification-icon'

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])

function loader(response: () => Response | Promise<Response>) {
  const fetched: string[] = []
  const load = createIconLoader({
    fetch: async (url) => {
      fetched.push(url)
      return response()
    },
    decode: (bytes) => (bytes.subarray(0, 4).equals(PNG) ? { image: bytes.length } : null),
  })
  return { load, fetched }
}

const image = (body: Buffer, type = 'image/png', status = 200) =>
  new Response(new Uint8Array(body), { status, headers: { 'content-type': type } })

describe('notification icons', () => {
  it('decodes a PNG or JPEG avatar', async () => {
    const { load } = loader(() => image(PNG))
    expect(await load('https://cdn.bitrix24.com/group/7.png')).toEqual({ image: 4 })
  })

  it('fetches nothing from another scheme, a remote plain-http host or a URL with credentials', async () => {
    const { load, fetched } = loader(() => image(PNG))
    for (const url of ['file:///etc/passwd', 'http://evil.example/a.png', 'https://user:pw@a.example/a.png', 'x'])
      expect(await load(url)).toBeUndefined()
    expect(fetched).toEqual([])
    expect(iconUrlAllowed('http://127.0.0.1:4000/a.png')).toBe(true)
  })

  it('gives up on a non-image, a failed answer, a body too large, bytes that are no image, or a network error', async () => {
    const answers: (() => Response | Promise<Response>)[] = [
      () => image(PNG, 'image/svg+xml'),
      () => image(PNG, 'image/png', 404),
      () => image(Buffer.concat([PNG, Buffer.alloc(ICON_MAX_BYTES)])),
      () => image(Buffer.from('GIF89a'), 'image/png'),
      () => Promise.reject(new TypeError('fetch failed')),
    ]
    for (const answer of answers) expect(await loader(answer).load('https://a.example/a.png')).toBeUndefined()
  })
})
