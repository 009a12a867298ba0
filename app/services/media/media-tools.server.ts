/**
 * The command-line tools the media checks use (ffmpeg/ffprobe for frames, tesseract for on-screen text),
 * found on PATH once per process. The app starts without them: the checks are then "unavailable" with a
 * sentence saying which tool is missing, and the reviewer ticks the media checks by hand.
 * FFMPEG_PATH / FFPROBE_PATH / TESSERACT_PATH override the names (tests point one at a missing file).
 */
import { execFile } from 'node:child_process'

export interface MediaTools {
  ffmpeg: string | null
  ffprobe: string | null
  tesseract: string | null
  /** tesseract languages installed (eng, fra, deu…). */
  ocrLanguages: string[]
  /** No offline speech engine reaches usable accuracy here (DECISIONS.md): VD-02 stays manual. */
  speech: null
  paths: { ffmpeg: string; ffprobe: string; tesseract: string }
}

function run(cmd: string, args: string[], timeoutMs = 10_000): Promise<{ stdout: string; stderr: string } | null> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 1 << 20 }, (err, stdout, stderr) => resolve(err ? null : { stdout: String(stdout), stderr: String(stderr) }))
  })
}

let cached: Promise<MediaTools> | null = null

export function resetMediaTools() {
  cached = null
}

export function mediaTools(): Promise<MediaTools> {
  cached ??= (async () => {
    const paths = { ffmpeg: process.env.FFMPEG_PATH || 'ffmpeg', ffprobe: process.env.FFPROBE_PATH || 'ffprobe', tesseract: process.env.TESSERACT_PATH || 'tesseract' }
    const [ff, fp, ts, langs] = await Promise.all([run(paths.ffmpeg, ['-version']), run(paths.ffprobe, ['-version']), run(paths.tesseract, ['--version']), run(paths.tesseract, ['--list-langs'])])
    const version = (out: { stdout: string; stderr: string } | null, re: RegExp) => (out ? (re.exec(out.stdout + out.stderr)?.[1] ?? 'unknown') : null)
    return {
      ffmpeg: version(ff, /ffmpeg version (\S+)/),
      ffprobe: version(fp, /ffprobe version (\S+)/),
      tesseract: version(ts, /tesseract (\S+)/),
      ocrLanguages: langs ? (langs.stdout + langs.stderr).split('\n').slice(1).map((l) => l.trim()).filter((l) => /^[a-z_]{3,}$/.test(l) && l !== 'osd') : [],
      speech: null,
      paths,
    }
  })()
  return cached
}

/** Why the media checks cannot run here, or null when they can. */
export function mediaChecksOff(t: MediaTools): string | null {
  const missing = [!t.ffmpeg && 'ffmpeg', !t.ffprobe && 'ffprobe', !t.tesseract && 'tesseract-ocr', t.tesseract && !t.ocrLanguages.includes('eng') && 'tesseract-ocr-eng'].filter(Boolean)
  return missing.length ? `media checks are off on this server: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not installed` : null
}

/** The media checks and what each needs, for the start-up log. */
const CHECKS = [
  { name: 'on-screen disclosure (VD-01, VD-03, VD-04, ST-01, FR-02)', needs: ['ffmpeg', 'ocr'] },
  { name: 'spoken disclosure (VD-02)', needs: ['ffmpeg', 'speech'] },
] as const

/**
 * One line for the start-up log naming the media checks that are off and why ("no ffmpeg", "no
 * tesseract", "no speech engine"); reviewers tick those by hand. The app starts either way.
 */
export function mediaChecksStartupLine(t: MediaTools): { off: string[]; line: string } {
  const why = (need: 'ffmpeg' | 'ocr' | 'speech'): string | null => {
    if (need === 'ffmpeg') return !t.ffmpeg ? 'no ffmpeg' : !t.ffprobe ? 'no ffprobe' : null
    if (need === 'ocr') return !t.tesseract ? 'no tesseract' : !t.ocrLanguages.includes('eng') ? 'no tesseract English data (tesseract-ocr-eng)' : null
    return t.speech ? null : 'no speech engine'
  }
  const on: string[] = []
  const off: string[] = []
  for (const c of CHECKS) {
    const reasons = c.needs.map(why).filter((r): r is string => !!r)
    if (reasons.length) off.push(`${c.name}: ${[...new Set(reasons)].join(', ')}`)
    else on.push(c.name)
  }
  const missingLangs = t.tesseract ? ['fra', 'deu'].filter((l) => !t.ocrLanguages.includes(l)) : []
  const tools = [t.ffmpeg && `ffmpeg ${t.ffmpeg}`, t.tesseract && `tesseract ${t.tesseract} (${t.ocrLanguages.join(', ') || 'no languages'})`].filter(Boolean).join(', ')
  const parts = [
    on.length ? `on: ${on.join('; ')}${tools ? ` with ${tools}` : ''}` : null,
    off.length ? `off: ${off.join('; ')} — reviewers tick these by hand` : null,
    missingLangs.length ? `French/German labels are read with English OCR only (missing tesseract-ocr-${missingLangs.join(', tesseract-ocr-')})` : null,
  ].filter(Boolean)
  return { off, line: `Media checks ${parts.join('. ')}.` }
}
