// Runs the built mock server in its own process for the load script, so the server and the load
// generator do not share one event loop. Reports its URL and keys to the parent over IPC.
import { startMockServer } from '../dist/index.js'

const server = await startMockServer({
  rateLimit: false,
  events: Number(process.env.BENCH_EVENTS ?? 1000),
  visitors: 50,
  seed: 1,
})
// performance.now() counts from process start: Node boot, import, validator compilation, seeding.
const cpu = process.cpuUsage()
process.send?.({
  url: server.url,
  apiKey: server.apiKey,
  startupMs: Math.round(performance.now()),
  startupCpuMs: Math.round((cpu.user + cpu.system) / 1000),
})
process.on('message', async (message) => {
  if (message === 'stop') {
    await server.stop()
    process.exit(0)
  }
})
