/**
 * Start-up work, called once by app/server.ts before it listens: validate configuration, open the
 * database and apply migrations (warming PGlite), start the job worker (OUTBOX_WORKER=0: web only), and
 * log which media checks are off on this host (no ffmpeg / tesseract / speech engine: the app still starts).
 */
import { config } from './config.server.ts'
import { dbHandle, initDb } from './db.server.ts'
import { startJobWorker, stopJobWorker } from './services/jobs/job-worker.server.ts'
import { ping } from '#db/index.ts'
import { installDriverFaultGuard } from '#db/driver-faults.ts'
import { demoBannerText } from '#db/seed-data.ts'
import { mediaChecksStartupLine, mediaTools } from './services/media/media-tools.server.ts'

/** Which media checks run on this server (ffmpeg, tesseract, speech engine found on PATH), logged once. */
export async function logMediaChecks(log: (line: string) => void = console.info): Promise<string> {
  let line: string
  try {
    line = mediaChecksStartupLine(await mediaTools()).line
  } catch (error) {
    line = `Media checks off: the tools could not be probed (${String(error)}) — reviewers tick them by hand.`
  }
  log(line)
  return line
}

export async function boot(opts: { worker?: boolean } = {}) {
  const c = config() // throws ConfigError with every problem listed
  const handle = await initDb({ migrate: true })
  if (handle.driver === 'postgres') installDriverFaultGuard()
  await ping(handle.db)
  if (opts.worker ?? c.OUTBOX_WORKER) startJobWorker()
  await logMediaChecks()
  return { driver: handle.driver, appUrl: c.appUrl, demo: c.GREENROOM_DEMO, env: c.NODE_ENV, host: c.host, trustProxy: c.TRUST_PROXY }
}

export async function shutdown() {
  await stopJobWorker()
  try {
    await dbHandle().close()
  } catch {
    // not open
  }
}

/** Demo mode: the demo logins, printed by the server once it listens. */
export async function demoBanner(): Promise<string | null> {
  return demoBannerText(config().appUrl)
}
