/**
 * The README's quick start, as a file that CI typechecks. Run it against the mock server:
 *   FP_SECRET_KEY=... FP_BASE_URL=http://127.0.0.1:3000 tsx examples/quick-start.ts <requestId> <visitorId>
 */
import { FingerprintJsServerApiClient, Region, RequestError } from '@fpapi/server-api-v3'

declare const process: { env: Record<string, string | undefined>; argv: string[] }

const client = new FingerprintJsServerApiClient({
  apiKey: process.env.FP_SECRET_KEY ?? '',
  region: Region.EU,
  baseUrl: process.env.FP_BASE_URL,
})
const [requestId = '', visitorId = ''] = process.argv.slice(2)

try {
  const event = await client.getEvent(requestId)
  console.log(event.products.identification?.data?.visitorId)

  for await (const visit of client.iterateVisits(visitorId, { linked_id: 'order-1234' })) {
    console.log(visit.requestId, visit.time)
  }
} catch (error) {
  if (error instanceof RequestError) console.error(error.statusCode, error.errorCode, error.message)
  else throw error
}
