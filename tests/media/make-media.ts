/**
 * Test media made by ffmpeg: a vertical video with text drawn at chosen times (drawtext, DejaVu Sans Bold,
 * each text from a file so "#" and ":" need no escaping), still images, and the hard files real uploads
 * bring (a rotated phone video, variable frame rate, audio only, no frames, 20 minutes, odd and tiny sizes).
 * Used by the integration and e2e tests of the media checks (issue #15) and the media benchmark.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'

export interface Overlay {
  text: string
  from: number
  to: number
  y?: number
  size?: number
}

let n = 0
function overlays(dir: string, list: Overlay[]) {
  return list.map((o) => {
    const file = path.join(dir, `text-${process.pid}-${n++}.txt`)
    writeFileSync(file, o.text)
    return `drawtext=fontfile=${FONT}:textfile=${file}:fontsize=${o.size ?? 56}:fontcolor=white:box=1:boxcolor=black@0.7:boxborderw=14:x=30:y=${o.y ?? 120}:enable='between(t,${o.from},${o.to})'`
  })
}

const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args])
const H264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p']

export interface VideoOptions {
  /** WxH, default 540x960. */
  size?: string
  fps?: number
  /** Filters before the overlays (e.g. a retiming). */
  before?: string[]
  /** Filters after the overlays (e.g. a transpose for the rotated phone video). */
  after?: string[]
  /** Output options before the file name (e.g. rotation metadata, -fps_mode vfr). */
  out?: string[]
  /** A still background (color source) instead of the moving test pattern: cheap to encode and decode. */
  still?: boolean
}

/** An H.264 MP4, 540x960 at 25 fps by default, `seconds` long, background a moving test pattern. */
export function makeVideo(dir: string, name: string, seconds: number, list: Overlay[], opts: VideoOptions = {}): string {
  mkdirSync(dir, { recursive: true })
  const out = path.join(dir, name)
  const size = opts.size ?? '540x960'
  const src = opts.still ? `color=c=0x305070:s=${size}:d=${seconds}:r=${opts.fps ?? 25}` : `testsrc2=s=${size}:d=${seconds}:r=${opts.fps ?? 25}`
  const vf = [...(opts.before ?? []), ...(opts.still ? [] : ['drawbox=x=0:y=0:w=iw:h=ih:color=0x305070@1:t=fill']), ...overlays(dir, list), ...(opts.after ?? [])].join(',') || 'null'
  ffmpeg(['-f', 'lavfi', '-i', src, '-vf', vf, ...H264, '-movflags', '+faststart', ...(opts.out ?? []), out])
  return out
}

/**
 * A portrait phone video as phones store it: the picture is kept landscape (960x540, the text lying on its
 * side) and a display matrix says "turn 90° clockwise to show" (ffprobe: rotation -90), like an iPhone.
 */
export function makeRotatedVideo(dir: string, name: string, seconds: number, list: Overlay[]): string {
  const stored = makeVideo(dir, `stored-${name}`, seconds, list, { after: ['transpose=2'] })
  const out = path.join(dir, name)
  // the rotation tag is only written on a stream copy (ffmpeg 5: rotate=270 is ffprobe's "rotation: -90")
  ffmpeg(['-i', stored, '-c', 'copy', '-metadata:s:v:0', 'rotate=270', out])
  return out
}

/** Variable frame rate: 25 fps for the first 2 s, then a frame every 0.32 s (as phones do in low light; 0.32 s is 8 ticks of the 1/25 s time base, so the times are exact: the pts are set in ticks). */
export function makeVfrVideo(dir: string, name: string, seconds: number, list: Overlay[]): string {
  const frames = 50 + Math.ceil((seconds - 2) / 0.32)
  // the retiming runs before the overlays, so their times are the times shown
  return makeVideo(dir, name, Math.ceil(frames / 25) + 1, list, { before: ['setpts=\'if(lt(N,50),N,50+(N-50)*8)\''], out: ['-frames:v', String(frames), '-fps_mode', 'vfr'] })
}

/** Audio only: an AAC tone (`.m4a`, ftyp M4A) or the same audio in an MP4 (ftyp isom) with no video stream. */
export function makeAudioOnly(dir: string, name: string, seconds: number): string {
  mkdirSync(dir, { recursive: true })
  const out = path.join(dir, name)
  ffmpeg(['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-c:a', 'aac', ...(name.endsWith('.mp4') ? ['-f', 'mp4', '-brand', 'isom'] : []), out])
  return out
}

/**
 * A video with a spoken sentence (espeak-ng's voice, as a creator reading out a disclosure) over a still
 * picture with the given on-screen texts: the audio track the speech check (VD-02) would listen to.
 */
export function makeSpokenVideo(dir: string, name: string, seconds: number, spoken: string, list: Overlay[], voice = 'en'): string {
  mkdirSync(dir, { recursive: true })
  const wav = path.join(dir, `speech-${name}.wav`)
  execFileSync('espeak-ng', ['-v', voice, '-w', wav, spoken])
  const picture = makeVideo(dir, `picture-${name}`, seconds, list, { still: true })
  const out = path.join(dir, name)
  ffmpeg(['-i', picture, '-i', wav, '-map', '0:v', '-map', '1:a', '-c:v', 'copy', '-c:a', 'aac', '-t', String(seconds), out])
  return out
}

/** An MP4 with a video stream and not one frame in it (a recording stopped at once). */
export function makeEmptyVideo(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true })
  const out = path.join(dir, name)
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=black:s=540x960:r=25', '-frames:v', '0', ...H264, out])
  return out
}

/** A PNG still (540x960) with the given texts (a long one may set a smaller size to fit the width). */
export function makeImage(dir: string, name: string, texts: (string | { text: string; size: number })[]): string {
  mkdirSync(dir, { recursive: true })
  const out = path.join(dir, name)
  const list = texts.map((t, i) => ({ ...(typeof t === 'string' ? { text: t } : t), from: 0, to: 1, y: 120 + i * 140 }))
  const vf = overlays(dir, list).join(',') || 'null'
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=0x305070:s=540x960:d=1', '-vf', vf, '-frames:v', '1', out])
  return out
}
