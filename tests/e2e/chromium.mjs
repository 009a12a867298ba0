/**
 * Find a Chromium for Playwright, or get one, and say what was done:
 *   1. CHROMIUM_PATH   2. chromium / chromium-browser / google-chrome on PATH
 *   3. Playwright's own downloaded browser   4. as root with apt-get: Debian's `chromium` package
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : null
}

export async function findChromium({ install = true, log = console.info } = {}) {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) {
      log(`[chromium] using CHROMIUM_PATH=${process.env.CHROMIUM_PATH}`)
      return process.env.CHROMIUM_PATH
    }
    log(`[chromium] CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist; looking elsewhere`)
  }
  for (const cmd of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = which(cmd)
    if (found) {
      log(`[chromium] using ${found} (found on PATH)`)
      return found
    }
  }
  try {
    const { chromium } = await import('@playwright/test')
    const own = chromium.executablePath()
    if (own && existsSync(own)) {
      log(`[chromium] using Playwright's own browser at ${own}`)
      return own
    }
  } catch {
    // no playwright browser downloaded
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (install && isRoot && which('apt-get')) {
    log('[chromium] none found: installing Debian\'s chromium package with apt-get (about 20 s)…')
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'], { stdio: 'inherit' })
    const found = which('chromium')
    if (found) {
      log(`[chromium] installed ${found}`)
      return found
    }
  }
  throw new Error(
    'No Chromium found. Set CHROMIUM_PATH, install chromium (Debian: apt-get install chromium), or run `npx playwright install chromium`.',
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.info(await findChromium())
}
