// How the demo portal reads requests and writes answers: one Answer value per response, so that a fault can send
// it late, cut it short or replace it.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { parsePhpQuery, type PhpValue } from './php-query'

export interface Answer {
  status: number
  headers?: Record<string, string>
  body: string | Buffer
}

const MAX_REQUEST_BYTES = 1024 * 1024

export function json(status: number, value: unknown): Answer {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) }
}

export function errorAnswer(status: number, code: string, description: string): Answer {
  return json(status, { error: code, error_description: description })
}

export function html(status: number, title: string): Answer {
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>`,
  }
}

export function writeAnswer(res: ServerResponse, answer: Answer): void {
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(body.length) })
  res.end(body)
}

export class RequestTooLarge extends Error {}
export class UnreadableBody extends Error {}

export async function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_REQUEST_BYTES) throw new RequestTooLarge('request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Query parameters merged with a JSON or form body, as Bitrix24 reads them (the body wins). */
export function requestParams(
  url: URL,
  contentType: string | undefined,
  body: Buffer,
): Record<string, PhpValue | unknown> {
  const params: Record<string, PhpValue | unknown> = parsePhpQuery(url.searchParams)
  if (body.length === 0) return params
  const text = body.toString('utf8')
  if (contentType?.includes('application/json')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new UnreadableBody('body is not JSON')
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new UnreadableBody('body is not an object')
    return { ...params, ...(parsed as Record<string, unknown>) }
  }
  return { ...params, ...parsePhpQuery(new URLSearchParams(text)) }
}
