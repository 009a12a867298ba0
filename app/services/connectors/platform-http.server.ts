/**
 * HTTP for the platform clients: JSON in, zod-checked JSON out, and the platform's error answers
 * mapped to a PlatformError the jobs act on (back off, mark the connection, skip a deleted post).
 */
import type { z } from 'zod'

export type PlatformErrorKind = 'rate_limited' | 'token_expired' | 'token_revoked' | 'permission' | 'not_found' | 'private' | 'unavailable' | 'bad_response' | 'other'

export class PlatformError extends Error {
  constructor(
    public kind: PlatformErrorKind,
    message: string,
    public retryAfterMs: number | null = null,
  ) {
    super(message)
    this.name = 'PlatformError'
  }
}

export const isPlatformError = (e: unknown): e is PlatformError => e instanceof PlatformError

const TIMEOUT_MS = 15_000

export async function fetchJson<S extends z.ZodTypeAny>(
  url: string,
  schema: S,
  classify: (status: number, body: unknown, headers: Headers) => PlatformError,
  init: RequestInit = {},
): Promise<z.output<S>> {
  let res: Response
  try {
    res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (error) {
    throw new PlatformError('unavailable', `The platform could not be reached: ${(error as Error).message}`)
  }
  const text = await res.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  if (!res.ok) {
    const e = classify(res.status, body, res.headers)
    const retryAfter = Number(res.headers.get('retry-after'))
    if (e.kind === 'rate_limited' && Number.isFinite(retryAfter) && retryAfter > 0) e.retryAfterMs = retryAfter * 1000
    throw e
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    // Some platforms answer 200 with an error object (TikTok's error.code != "ok").
    const e = classify(res.status, body, res.headers)
    if (e.kind !== 'other') throw e
    throw new PlatformError('bad_response', `The platform answered in an unexpected shape: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`)
  }
  return parsed.data as z.output<S>
}

/** An OAuth authorize URL: the platform's parameters, then the S256 PKCE challenge (RFC 7636) when one is given. */
export function authorizeUrlOf(base: string, params: Record<string, string>, codeChallenge?: string): string {
  const u = new URL(base)
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v)
  if (codeChallenge) {
    u.searchParams.set('code_challenge', codeChallenge)
    u.searchParams.set('code_challenge_method', 'S256')
  }
  return u.toString()
}

/** A form-encoded POST (the OAuth token and revoke endpoints). */
export const formPost = (body: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(body).toString(),
})
