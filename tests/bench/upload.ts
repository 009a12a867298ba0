/**
 * The 1 GB upload benchmark: stream a multipart body of SIZE bytes (a valid MP4 header, then zeros)
 * to a URL, sampling the receiving process's resident memory from /proc every 20 ms. The same client
 * also feeds a raw node:http server that pipes the request straight to a file on the same disk: the
 * app's MB/s is compared with that in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

export interface UploadResult {
  status: number
  seconds: number
  mbPerSecond: number
  /** Peak RSS during the upload minus RSS just before it, in MB. */
  rssGrowthMb: number
  body: string
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return kb * 1024
}

/** The first 32 bytes of an MP4 (ftyp box, brand isom): enough for the byte sniffer. */
function mp4Head(): Buffer {
  const b = Buffer.alloc(32)
  b.writeUInt32BE(32, 0)
  b.write('ftypisom', 4, 'ascii')
  b.writeUInt32BE(0x200, 12)
  b.write('isomiso2avc1mp41', 16, 'ascii')
  return b
}

export async function streamUpload(opts: {
  url: string
  pid: number
  sizeBytes: number
  fileField: string
  fields?: Record<string, string>
  headers?: Record<string, string>
}): Promise<UploadResult> {
  const boundary = `----greenroom-bench-${randomBytes(8).toString('hex')}`
  let pre = ''
  for (const [k, v] of Object.entries(opts.fields ?? {})) pre += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`
  pre += `--${boundary}\r\nContent-Disposition: form-data; name="${opts.fileField}"; filename="bench.mp4"\r\nContent-Type: video/mp4\r\n\r\n`
  const post = `\r\n--${boundary}--\r\n`
  const length = Buffer.byteLength(pre) + opts.sizeBytes + Buffer.byteLength(post)
  const before = rssOf(opts.pid)
  let peak = before
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssOf(opts.pid))
    } catch {
      // the process went away; the request will say so
    }
  }, 20)
  const started = performance.now()
  try {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(opts.url, {
        method: 'POST',
        headers: { ...opts.headers, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(length) },
      })
      req.on('response', (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (text.length < 4000 ? (text += c) : null))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      })
      req.on('error', reject)
      const chunk = Buffer.alloc(1 << 20)
      const first = Buffer.alloc(1 << 20)
      mp4Head().copy(first, 0)
      let sent = 0
      req.write(pre)
      const write = () => {
        let ok = true
        while (ok && sent < opts.sizeBytes) {
          const src = sent === 0 ? first : chunk
          const piece = src.subarray(0, Math.min(src.length, opts.sizeBytes - sent))
          sent += piece.length
          ok = req.write(piece)
        }
        if (sent >= opts.sizeBytes) req.end(post)
        else req.once('drain', write)
      }
      write()
    })
    const seconds = (performance.now() - started) / 1000
    return { status, seconds, mbPerSecond: opts.sizeBytes / (1 << 20) / seconds, rssGrowthMb: (peak - before) / (1 << 20), body }
  } finally {
    clearInterval(sampler)
  }
}

/** A bare node:http server in its own process that pipes each request body to a file: the raw baseline. */
export async function startRawSink(port: number): Promise<{ pid: number; url: string; stop: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'greenroom-raw-'))
  const code = `
    const http = require('node:http'); const fs = require('node:fs'); const path = require('node:path');
    let n = 0
    http.createServer((req, res) => {
      const file = path.join(${JSON.stringify(dir)}, 'upload-' + (n++))
      const out = fs.createWriteStream(file)
      req.pipe(out)
      out.on('finish', () => { fs.rmSync(file, { force: true }); res.end('ok') })
    }).listen(${port}, '127.0.0.1', () => process.stdout.write('ready\\n'))`
  const child: ChildProcess = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()))
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}/`,
    stop: () => {
      child.kill()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
