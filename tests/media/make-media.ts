/**
 * Test media made by ffmpeg: a vertical video with text drawn at chosen times (drawtext, DejaVu Sans Bold,
 * each text from a file so "#" and ":" need no escaping), and still images. Used by the integration and
 * e2e tests of the media checks (issue #15).
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

/** An H.264 MP4, 540x960 at 25 fps, `seconds` long, background a moving test pattern. */
export function makeVideo(dir: string, name: string, seconds: number, list: Overlay[]): string {
  mkdirSync(dir, { recursive: true })
  const out = path.join(dir, name)
  const vf = ['drawbox=x=0:y=0:w=iw:h=ih:color=0x305070@1:t=fill', ...overlays(dir, list)].join(',')
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=s=540x960:d=${seconds}:r=25`, '-vf', vf, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', out])
  return out
}

/** A PNG still (540x960) with the given texts (a long one may set a smaller size to fit the width). */
export function makeImage(dir: string, name: string, texts: (string | { text: string; size: number })[]): string {
  mkdirSync(dir, { recursive: true })
  const out = path.join(dir, name)
  const list = texts.map((t, i) => ({ ...(typeof t === 'string' ? { text: t } : t), from: 0, to: 1, y: 120 + i * 140 }))
  const vf = overlays(dir, list).join(',') || 'null'
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0x305070:s=540x960:d=1', '-vf', vf, '-frames:v', '1', out])
  return out
}
