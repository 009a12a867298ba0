/**
 * The fake Instagram as a process of its own, for the e2e (playwright.config.ts starts it as a webServer):
 * `FAKE_INSTAGRAM_PORT=3612 npx tsx tests/fakes/instagram-server.ts`. It shows a consent page to the browser
 * and takes its users and media through the test-control endpoints (see tests/fakes/instagram.ts).
 * GET /__control/health answers 200 once it listens.
 */
import { startFakeInstagram } from './instagram.ts'

const port = Number(process.env.FAKE_INSTAGRAM_PORT ?? 3612)
const fake = await startFakeInstagram({ port, consentPage: true, clientId: process.env.INSTAGRAM_CLIENT_ID, clientSecret: process.env.INSTAGRAM_CLIENT_SECRET })
// The process runs for the whole e2e run: the fake's clock follows the real one.
setInterval(() => (fake.now = Date.now()), 1000).unref()
console.info(`fake Instagram on ${fake.url}`)
const stop = () => fake.close().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
