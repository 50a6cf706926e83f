/// <reference types="node" />
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request as it reached the socket: the raw request line target, method, headers, body. */
export interface ServerRecord {
  method: string
  /** The request target exactly as sent on the request line (not normalised). */
  rawTarget: string
  headers: IncomingMessage['headers']
  body: string
}

/** How the test server answers one request. */
export type Handler = (req: ServerRecord) => {
  status: number
  json?: unknown
  text?: string
  headers?: Record<string, string>
}

/**
 * Starts a node:http server on 127.0.0.1 (random port) that records every request and answers with
 * `handler`. `close()` stops it.
 */
export async function startRecordServer(handler: Handler) {
  const records: ServerRecord[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const record: ServerRecord = {
        method: req.method ?? '',
        rawTarget: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      records.push(record)
      const answer = handler(record)
      const text = answer.text ?? (answer.json === undefined ? '' : JSON.stringify(answer.json))
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
      res.end(text)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    records,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
