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
