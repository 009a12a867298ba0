/**
 * Reads the text on screen of one video or image with ffmpeg and tesseract (child processes, no npm
 * dependency). Frames are sampled every 0.5 s (2 fps) plus every scene change (`gt(scene,0.3)`), in one
 * ffmpeg pass that streams the file (never loads it whole); all frames go to one tesseract process
 * (a list file: one start-up, not one per frame). Lines of text are merged across consecutive frames into
 * time segments: a line seen on frames 0 s … 3.5 s and gone at 4 s lasts [0, 4000) ms.
 * Long videos: the first minute is read every 0.5 s (labels belong at the start), the rest with one frame
 * every `sparseIntervalMs` so the whole video fits a budget of MAX_FRAMES frames; the result says so
 * (`coverage`), and the findings name what may have been missed. Phone videos stored sideways with a
 * rotation matrix are turned upright by ffmpeg (autorotate, on by default: never pass -noautorotate).
 * Expected problems (corrupt file, no video stream, audio only, no frames, unreadable image) are MediaAnalysisError
 * with a sentence; anything else is a bug or a transient fault and is thrown as is (the job retries).
 */
import { spawn } from 'node:child_process'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { MediaBox, MediaCoverage } from '#app/domain/disclosure/media-rules.ts'
import type { MediaTools } from './media-tools.server.ts'

export class MediaAnalysisError extends Error {}

/** 2 fps: enough to catch a label shown for one second. */
export const SAMPLE_INTERVAL_MS = 500
/** Every video is read every SAMPLE_INTERVAL_MS for this long (scene changes too). */
export const DENSE_MS = 60_000
/** Frame budget of one file: after DENSE_MS the interval grows so the whole video fits (a 20-minute video: 4.8 s). */
export const MAX_FRAMES = 360
/** Scene-change frames come on top of the budget, up to this many; then ffmpeg stops and the rest is unread. */
const SCENE_FRAMES = 120
/** Words OCR is less sure of than this are noise (textures, faces). */
const MIN_WORD_CONFIDENCE = 55
/**
 * Frames are scaled down to this width for OCR and thumbnails. Tesseract is sensitive to big text: on a
 * 1080x1920 video a 110 px "#ad" scaled to 720 wide is read "fad" on some frames, at 540 every time (and
 * OCR is a third faster); captions of 36 px stay readable (18 px).
 */
const FRAME_WIDTH = 540

export interface FoundSegment {
  text: string
  confidence: number
  startMs: number
  endMs: number
  bbox: MediaBox
  /** The frame it was first seen on (a JPEG in the work directory). */
  framePath: string
}

export interface MediaAnalysisResult {
  mediaKind: 'video' | 'image'
  durationMs: number
  sampleIntervalMs: number
  frames: number
  /** Set when the video was not read every sampleIntervalMs to its end. */
  coverage: MediaCoverage | null
  segments: FoundSegment[]
  timings: Record<string, number>
}

interface Proc {
  code: number | null
  stdout: string
  stderr: string
}

/** Run a tool; stdout is kept (bounded), stderr lines go to `onStderrLine` when given (else the last 64 KB are kept). */
function runTool(cmd: string, args: string[], opts: { timeoutMs: number; onStderrLine?: (line: string) => void; maxStdout?: number }): Promise<Proc> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let partial = ''
    const max = opts.maxStdout ?? 64 << 20
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs)
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < max) stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (opts.onStderrLine) {
        const lines = (partial + d).split('\n')
        partial = lines.pop() ?? ''
        for (const l of lines) opts.onStderrLine(l)
      } else stderr = (stderr + d).slice(-65536)
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (partial && opts.onStderrLine) opts.onStderrLine(partial)
      resolve({ code: signal ? null : code, stdout, stderr })
    })
  })
}

interface Probe {
  hasVideo: boolean
  hasAudio: boolean
  durationMs: number
  codec: string | null
}

export async function probeMedia(tools: MediaTools, file: string): Promise<Probe> {
  const p = await runTool(tools.paths.ffprobe, ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type,codec_name,duration', '-of', 'json', file], { timeoutMs: 60_000 })
  if (p.code !== 0) throw new MediaAnalysisError('the file could not be read (it may be corrupt or cut short)')
  let json: { format?: { duration?: string }; streams?: { codec_type?: string; codec_name?: string; duration?: string }[] }
  try {
    json = JSON.parse(p.stdout)
  } catch {
    throw new MediaAnalysisError('the file could not be read (it may be corrupt or cut short)')
  }
  const streams = json.streams ?? []
  const video = streams.find((s) => s.codec_type === 'video')
  const duration = Number(json.format?.duration ?? video?.duration ?? 0)
  return { hasVideo: Boolean(video), hasAudio: streams.some((s) => s.codec_type === 'audio'), durationMs: Number.isFinite(duration) ? Math.round(duration * 1000) : 0, codec: video?.codec_name ?? null }
}

const IMAGE_CODECS = new Set(['mjpeg', 'png', 'gif', 'webp', 'bmp', 'tiff'])

/**
 * Analyse one file. `input` is a local path or an https URL ffmpeg can read; `workDir` receives the frames
 * (the caller keeps the ones it stores as thumbnails and removes the directory).
 */
export async function analyseMedia(tools: MediaTools, input: string, opts: { workDir: string; mimeType: string; languages: string[] }): Promise<MediaAnalysisResult> {
  const timings: Record<string, number> = {}
  const t0 = Date.now()
  const probe = await probeMedia(tools, input)
  timings.probeMs = Date.now() - t0
  const isImage = opts.mimeType.startsWith('image/') || (probe.hasVideo && probe.codec !== null && IMAGE_CODECS.has(probe.codec) && probe.durationMs <= 100)
  if (!probe.hasVideo) {
    if (probe.hasAudio) throw new MediaAnalysisError('there is no picture in this file (audio only)')
    throw new MediaAnalysisError(probe.durationMs <= 0 ? 'the file is empty: it has no frames (the recording may have stopped at once)' : 'there is no video stream in this file')
  }
  if (!isImage && probe.durationMs <= 0) throw new MediaAnalysisError('the video has no length (zero frames)')
  await mkdir(opts.workDir, { recursive: true })
  const durationMs = isImage ? 0 : probe.durationMs
  const plan = samplingPlan(durationMs)
  const interval = isImage ? 0 : SAMPLE_INTERVAL_MS

  // Frames: one pass, the timestamps read from showinfo.
  const t1 = Date.now()
  const times: number[] = []
  const scale = `scale='min(${FRAME_WIDTH},iw)':-2`
  // Tesseract reads dark text on a light background; labels are usually light on dark, so every frame is
  // read twice: as is (f-*.jpg, also the thumbnail) and as a grey negative (n-*.jpg).
  // One frame every 0.5 s and at each scene change in the first minute, then one every sparse interval.
  const dense = plan.denseUntilMs / 1000
  const step = `if(lt(t\\,${dense})\\,${interval / 1000}\\,${plan.sparseIntervalMs / 1000})`
  const select = isImage ? '' : `select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${step})+gt(scene\\,0.3)*lt(t\\,${dense})',showinfo,`
  const graph = `[0:v]${select}${scale},split=2[c][g];[g]format=gray,negate[neg]`
  const out = (prefix: string) => ['-q:v', '3', ...(isImage ? ['-frames:v', '1'] : ['-fps_mode', 'vfr', '-frames:v', String(MAX_FRAMES + SCENE_FRAMES)]), path.join(opts.workDir, `${prefix}-%05d.jpg`)]
  const args = ['-hide_banner', '-nostdin', '-v', 'info', '-threads', '1', '-i', input, '-filter_complex', graph, '-map', '[c]', ...out('f'), '-map', '[neg]', ...out('n')]
  const ff = await runTool(tools.paths.ffmpeg, args, {
    timeoutMs: Math.max(120_000, durationMs * 3),
    onStderrLine: (line) => {
      const m = /\bpts_time:\s*(-?[\d.]+)/.exec(line)
      if (m && line.includes('showinfo')) times.push(Math.max(0, Math.round(Number(m[1]) * 1000)))
    },
  })
  const names = await readdir(opts.workDir)
  const frameFiles = names.filter((f) => /^f-\d{5}\.jpg$/.test(f)).sort()
  const negatives = names.filter((f) => /^n-\d{5}\.jpg$/.test(f)).sort()
  timings.framesMs = Date.now() - t1
  if (ff.code !== 0 && frameFiles.length === 0) throw new MediaAnalysisError(isImage ? 'the image could not be read' : 'the video could not be decoded (it may be corrupt)')
  if (frameFiles.length === 0) throw new MediaAnalysisError('no frames could be read from the video')
  const frameTimes = isImage ? [0] : frameFiles.map((_, i) => times[i] ?? i * interval)
  // Stopped by the frame cap: the video is read up to the last frame (plus one step), not to its end.
  const lastAt = frameTimes.at(-1) ?? 0
  const readUntilMs = !isImage && frameFiles.length >= MAX_FRAMES + SCENE_FRAMES ? Math.min(durationMs, lastAt + (lastAt < plan.denseUntilMs ? interval : plan.sparseIntervalMs)) : durationMs
  const coverage = isImage || (plan.denseUntilMs >= durationMs && readUntilMs >= durationMs) ? null : { denseUntilMs: plan.denseUntilMs, sparseIntervalMs: plan.sparseIntervalMs, readUntilMs }

  // OCR: every frame in one tesseract run (tsv: page, block, paragraph, line, word, box, confidence, text).
  const t2 = Date.now()
  const list = path.join(opts.workDir, 'frames.txt')
  await writeFile(list, [...frameFiles, ...negatives].map((f) => path.join(opts.workDir, f)).join('\n') + '\n')
  const langs = opts.languages.filter((l) => tools.ocrLanguages.includes(l))
  const ocr = await runTool(tools.paths.tesseract, [list, 'stdout', '-l', (langs.length ? langs : ['eng']).join('+'), '--psm', '3', 'tsv'], { timeoutMs: Math.max(120_000, frameFiles.length * 10_000) })
  if (ocr.code !== 0) throw new Error(`tesseract failed: ${ocr.stderr.slice(-500)}`)
  timings.ocrMs = Date.now() - t2
  // Page p of the list is frame p (as is) or frame p - n (its negative).
  const lines = parseTesseractTsv(ocr.stdout).map((l) => ({ ...l, frame: l.frame % frameFiles.length }))
  const segments = mergeFrames(lines, frameTimes, frameFiles.map((f) => path.join(opts.workDir, f)), isImage ? 0 : readUntilMs)
  timings.totalMs = Date.now() - t0
  return { mediaKind: isImage ? 'image' : 'video', durationMs, sampleIntervalMs: interval, frames: frameFiles.length, coverage, segments, timings }
}

/** Dense for the first DENSE_MS, then the interval (in 100 ms steps) that fits the rest in the frame budget. */
export function samplingPlan(durationMs: number): { denseUntilMs: number; sparseIntervalMs: number } {
  const denseUntilMs = Math.min(durationMs, DENSE_MS)
  const rest = durationMs - denseUntilMs
  const left = MAX_FRAMES - Math.ceil(denseUntilMs / SAMPLE_INTERVAL_MS)
  return { denseUntilMs, sparseIntervalMs: rest <= 0 ? SAMPLE_INTERVAL_MS : Math.max(SAMPLE_INTERVAL_MS, Math.ceil(rest / left / 100) * 100) }
}

export interface OcrLine {
  /** 0-based frame index. */
  frame: number
  text: string
  confidence: number
  bbox: MediaBox
}

/** tesseract's tsv (level 5 rows are words) -> lines of confident words per frame. */
export function parseTesseractTsv(tsv: string): OcrLine[] {
  const lines = new Map<string, { frame: number; words: string[]; confs: number[]; x0: number; y0: number; x1: number; y1: number }>()
  for (const row of tsv.split('\n')) {
    const c = row.split('\t')
    if (c.length < 12 || c[0] !== '5') continue
    const [, page, block, par, line, , left, top, width, height, conf] = c.map(Number) as number[]
    const text = c.slice(11).join('\t').trim()
    if (!text || !(conf! >= MIN_WORD_CONFIDENCE) || !/[\p{L}\p{N}]/u.test(text)) continue
    const key = `${page}/${block}/${par}/${line}`
    const l = lines.get(key) ?? { frame: page! - 1, words: [], confs: [], x0: left!, y0: top!, x1: left! + width!, y1: top! + height! }
    l.words.push(text)
    l.confs.push(conf!)
    l.x0 = Math.min(l.x0, left!)
    l.y0 = Math.min(l.y0, top!)
    l.x1 = Math.max(l.x1, left! + width!)
    l.y1 = Math.max(l.y1, top! + height!)
    lines.set(key, l)
  }
  return [...lines.values()].map((l) => ({
    frame: l.frame,
    text: l.words.join(' '),
    confidence: Math.round(l.confs.reduce((a, b) => a + b, 0) / l.confs.length),
    bbox: { x: l.x0, y: l.y0, w: l.x1 - l.x0, h: l.y1 - l.y0 },
  }))
}

const key = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}#@]/gu, '')

/**
 * The same line of text on consecutive frames is one segment, from the first frame it is on to the next
 * frame it is not (or the end of the video).
 */
export function mergeFrames(lines: readonly OcrLine[], frameTimes: readonly number[], framePaths: readonly string[], durationMs: number): FoundSegment[] {
  const byFrame = new Map<number, OcrLine[]>()
  for (const l of lines) byFrame.set(l.frame, [...(byFrame.get(l.frame) ?? []), l])
  const open = new Map<string, { seg: FoundSegment; lastFrame: number; confs: number[] }>()
  const done: FoundSegment[] = []
  const endAt = (frame: number) => frameTimes[frame + 1] ?? Math.max(durationMs, frameTimes[frame] ?? 0)
  for (let f = 0; f < frameTimes.length; f++) {
    const here = new Set<string>()
    for (const l of byFrame.get(f) ?? []) {
      const k = key(l.text)
      if (!k || here.has(k)) continue
      here.add(k)
      const o = open.get(k)
      if (o && o.lastFrame === f - 1) {
        o.lastFrame = f
        o.confs.push(l.confidence)
      } else {
        if (o) done.push(close(o))
        open.set(k, { seg: { text: l.text, confidence: l.confidence, startMs: frameTimes[f]!, endMs: 0, bbox: l.bbox, framePath: framePaths[f]! }, lastFrame: f, confs: [l.confidence] })
      }
    }
    for (const [k, o] of open) {
      if (o.lastFrame < f - 1 || (o.lastFrame === f - 1 && !here.has(k))) {
        done.push(close(o))
        open.delete(k)
      }
    }
  }
  for (const o of open.values()) done.push(close(o))
  function close(o: { seg: FoundSegment; lastFrame: number; confs: number[] }): FoundSegment {
    return { ...o.seg, endMs: endAt(o.lastFrame), confidence: Math.round(o.confs.reduce((a, b) => a + b, 0) / o.confs.length) }
  }
  return done.sort((a, b) => a.startMs - b.startMs || a.text.localeCompare(b.text))
}
