// Scripted misbehaviour: what a real portal, a proxy or the network does on a bad day, one request at a time.
import type { ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { documentedStatusOf } from '../bitrix/error-codes'
import { timerMs } from '../bitrix/wait-limits'
import { errorAnswer, html, writeAnswer, type Answer } from './http-answer'
import type { DemoFault } from './types'

export interface FaultContext {
  res: ServerResponse
  /** The answer the portal would have given. */
  normal: () => Answer
  /** Aborts when the portal closes, so a delayed answer does not outlive it. */
  closing: AbortSignal
}

const MALFORMED = '{"result":[{"GROUP_ID":"77","GROUP_NAME":\'New Project Title\',}],"time":{'

export async function answerWithFault(fault: DemoFault, { res, normal, closing }: FaultContext): Promise<void> {
  switch (fault.type) {
    case 'error':
      return writeAnswer(
        res,
        errorAnswer(
          fault.status ?? documentedStatusOf(fault.code),
          fault.code,
          fault.description ?? `Demo fault ${fault.code}`,
        ),
      )
    case 'status': {
      const body =
        fault.body === undefined ? '' : typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body)
      return writeAnswer(res, { status: fault.status, headers: { 'Content-Type': 'application/json' }, body })
    }
    case 'delay':
      try {
        await delay(timerMs(fault.ms), undefined, { signal: closing })
      } catch {
        return // the portal is closing: its sockets are being destroyed anyway
      }
      return writeAnswer(res, normal())
    case 'hang':
      return // no answer at all; close() destroys the socket
    case 'malformed':
      return writeAnswer(res, { status: 200, headers: { 'Content-Type': 'application/json' }, body: MALFORMED })
    case 'html':
      return writeAnswer(res, html(fault.status ?? 502, `${fault.status ?? 502} Bad Gateway`))
    case 'truncated': {
      const answer = normal()
      const body = Buffer.from(answer.body)
      res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(body.length) })
      res.write(body.subarray(0, Math.max(1, Math.floor(body.length / 2))))
      // Let the half reach the client before the connection dies, as when a proxy or link gives out mid-answer.
      setImmediate(() => res.socket?.destroy())
      return
    }
    case 'drop':
      res.socket?.destroy()
      return
    case 'redirect':
      return writeAnswer(res, { status: fault.status ?? 302, headers: { Location: fault.location }, body: '' })
  }
}
