// Avatars the demo portal serves itself, so the demo needs no network: a coloured SVG with initials, or a tiny PNG.
import { crc32, deflateSync } from 'node:zlib'

const PALETTE = ['#2fc6f6', '#9dcf00', '#ff5752', '#ffa900', '#7b61ff', '#00b4ac', '#f7a700', '#468ee5']

function hash(text: string): number {
  let value = 2166136261
  for (const char of text) value = Math.imul(value ^ char.codePointAt(0)!, 16777619) >>> 0
  return value
}

export function colorOf(slug: string): string {
  return PALETTE[hash(slug) % PALETTE.length] ?? '#2fc6f6'
}

function initialsOf(slug: string): string {
  const words = slug.split(/[-_.\s]+/).filter(Boolean)
  return (words.length > 1 ? `${words[0]![0]}${words[1]![0]}` : (words[0] ?? '?').slice(0, 2)).toUpperCase()
}

export function avatarSvg(slug: string): string {
  // The slug comes from the URL: keep only what cannot break out of the SVG text.
  const initials = initialsOf(slug).replace(/[^A-Z0-9?]/g, '')
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">',
    `<circle cx="32" cy="32" r="32" fill="${colorOf(slug)}"/>`,
    `<text x="32" y="41" font-family="sans-serif" font-size="24" font-weight="600" fill="#fff" text-anchor="middle">${initials}</text>`,
    '</svg>',
  ].join('')
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const checksum = Buffer.alloc(4)
  checksum.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, checksum])
}

/** A 32x32 PNG: a disc of the slug's colour on transparency. */
export function avatarPng(slug: string): Buffer {
  const size = 32
  const [r, g, b] = [1, 3, 5].map((offset) => parseInt(colorOf(slug).slice(offset, offset + 2), 16))
  const rows: Buffer[] = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4) // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) {
      const inside = (x - 15.5) ** 2 + (y - 15.5) ** 2 <= 16 ** 2
      row.set([r ?? 0, g ?? 0, b ?? 0, inside ? 255 : 0], 1 + x * 4)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
