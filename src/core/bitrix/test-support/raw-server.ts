// A tiny HTTP(S) server for answers the demo portal is not meant to give (the seed document verbatim, odd headers,
// redirects), and a port where nothing listens.
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Certificate } from './tls'

export interface RawServer {
  origin: string
  /** Requests received so far, with their bodies. */
  requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[]
  close(): Promise<void>
}

/** Serves plain http, or https with `tls` (a certificate for 127.0.0.1 this process trusts). */
export async function startRawServer(
  answer: (req: IncomingMessage, res: ServerResponse, body: string) => void,
  tls?: Certificate,
): Promise<RawServer> {
  const requests: RawServer['requests'] = []
  const listener: RequestListener = (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      answer(req, res, body)
    })
  }
  const server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, listener) : createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** A loopback port nobody listens on (it was free a moment ago), for "connection refused". */
export async function unusedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
