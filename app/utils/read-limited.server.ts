/**
 * The one limited body reader: reads a request body up to `max` bytes whatever the framing
 * (Content-Length or Transfer-Encoding: chunked) and stops pulling as soon as the limit is passed,
 * so memory stays flat however long the sender goes on. A declared Content-Length over the limit is
 * refused before a byte is read. Returns null when the body is larger than the limit.
 */
export async function readLimitedBytes(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (declaresMoreThan(request, max)) return null
  if (!request.body) return new Uint8Array(new ArrayBuffer(0))
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      // Not awaited: cancelling one branch of a cloned (tee) body settles only once both are cancelled.
      void reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(new ArrayBuffer(size))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

/** The body as text (UTF-8, lenient), or null when larger than the limit. */
export async function readLimitedText(request: Request, max: number): Promise<string | null> {
  const bytes = await readLimitedBytes(request, max)
  return bytes === null ? null : new TextDecoder('utf-8', { fatal: false }).decode(bytes)
}

/** True when the request declares (Content-Length) a body larger than `max`. */
export function declaresMoreThan(request: Request, max: number): boolean {
  const declared = Number(request.headers.get('content-length') ?? '0')
  return Number.isFinite(declared) && declared > max
}

/**
 * A web stream that passes `source` through but errors once more than `max` bytes went by, calling
 * `onOver` first — for streaming parsers (uploads) that must not hold the body but must stop at a limit.
 */
export function limitStream(source: ReadableStream<Uint8Array>, max: number, onOver: () => Error): ReadableStream<Uint8Array> {
  const reader = source.getReader()
  let size = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read()
      if (done) return controller.close()
      size += value.byteLength
      if (size > max) {
        // Not awaited: cancelling one branch of a cloned (tee) body settles only once both are cancelled.
        void reader.cancel().catch(() => {})
        controller.error(onOver())
        return
      }
      controller.enqueue(value)
    },
    cancel(reason) {
      return reader.cancel(reason)
    },
  })
}
