/**
 * Body limits of issue #14: the one limited reader (app/utils/read-limited.server.ts, used by parseForm,
 * peekForm, the CSV imports and the conversion hook) stops a body sent with Transfer-Encoding: chunked (no
 * Content-Length) at the limit with a 413 — the bytes pulled from the stream are counted — and refuses a
 * declared oversize Content-Length before reading.
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { MAX_FORM_BYTES, parseForm, peekForm, readFormLimited } from '#app/validation/parse-form.server.ts'

const CHUNK = 16 * 1024
const enc = new TextEncoder()

/** A stream that starts with `head`, then pads with `a` until `total` bytes; counts what was pulled. */
function endless(head: string, total: number, tail = '') {
  const counter = { pulled: 0, done: false }
  const first = enc.encode(head)
  const pad = new Uint8Array(CHUNK).fill(0x61)
  let sent = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(first)
        sent += first.byteLength
      } else if (sent < total) {
        controller.enqueue(pad)
        sent += pad.byteLength
      } else {
        if (tail) controller.enqueue(enc.encode(tail))
        counter.done = true
        controller.close()
        return
      }
      counter.pulled = sent
    },
  })
  return { stream, counter }
}

function chunkedRequest(url: string, cookie: string | undefined, contentType: string, body: ReadableStream<Uint8Array>) {
  const headers = new Headers({ 'User-Agent': 'gates', 'Content-Type': contentType, 'Transfer-Encoding': 'chunked' })
  if (cookie) headers.set('Cookie', cookie)
  return new Request(`http://greenroom.test${url}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit)
}


describe('the one limited reader', () => {
  it('stops a chunked body at the limit with a 413 and reads no more than the limit plus one chunk', async () => {
    const { stream, counter } = endless('intent=x&pad=', MAX_FORM_BYTES * 10)
    const err = await readFormLimited(chunkedRequest('/x', undefined, 'application/x-www-form-urlencoded', stream)).catch((e: unknown) => e)
    expect((err as { status?: number }).status).toBe(413)
    expect((err as Error).message).toMatch(/too large/i)
    expect(counter.done).toBe(false)
    expect(counter.pulled).toBeLessThanOrEqual(MAX_FORM_BYTES + CHUNK + 64)
  })
  it('reads a chunked body under the limit whole', async () => {
    const { stream } = endless('intent=x&pad=', 10 * CHUNK, '&z=1')
    const form = await readFormLimited(chunkedRequest('/x', undefined, 'application/x-www-form-urlencoded', stream))
    expect(form.get('intent')).toBe('x')
    expect(form.get('z')).toBe('1')
  })
  it('refuses a declared oversize Content-Length before reading', async () => {
    const body = new ReadableStream<Uint8Array>({ pull(c) { c.enqueue(new Uint8Array(CHUNK)) } })
    const r = new Request('http://greenroom.test/x', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(MAX_FORM_BYTES + 1) }, body, duplex: 'half' } as RequestInit)
    const err = await readFormLimited(r).catch((e: unknown) => e)
    expect((err as { status?: number }).status).toBe(413)
    expect(r.bodyUsed).toBe(false) // no reader was taken: not a byte was read by the app
  })
})

describe('a route that peeks at its form first (the intent) and then parses it', () => {
  // peekForm reads a clone (a tee of the body). Awaiting the cancel of one tee branch never settled while the
  // other was unread, so an oversize chunked body hung the request forever (found by the sweep): now 413.
  it('answers 413 to an endless chunked body, reading no more than the limit plus a chunk or two', async () => {
    const { stream, counter } = endless('intent=send&pad=', MAX_FORM_BYTES * 100)
    const request = chunkedRequest('/x', undefined, 'application/x-www-form-urlencoded', stream)
    const peek = await peekForm(request)
    expect([...peek.keys()]).toEqual([]) // too large to peek: an empty form, the parse refuses it
    const err = await parseForm(request, z.object({ intent: z.string() })).catch((e: unknown) => e)
    expect((err as { status?: number }).status).toBe(413)
    expect(counter.done).toBe(false)
    expect(counter.pulled).toBeLessThanOrEqual(MAX_FORM_BYTES + 2 * CHUNK + 64)
  })
  it('still reads a small chunked form twice (peek, then parse)', async () => {
    const { stream } = endless('intent=send&pad=', 2 * CHUNK, '&z=1')
    const request = chunkedRequest('/x', undefined, 'application/x-www-form-urlencoded', stream)
    expect((await peekForm(request)).get('intent')).toBe('send')
    const form = await parseForm(request, z.object({ intent: z.string(), pad: z.string(), z: z.string() }))
    expect(form.z).toBe('1')
  })
})
