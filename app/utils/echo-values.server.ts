import { data } from '@remix-run/node'
import { echoableValues } from './form-echo.server.ts'

/**
 * After a failed submission, send the submitted text values back with the error so a page rendered
 * without JavaScript (a plain form POST) shows the form as the person filled it, not blank.
 * Repeated fields (checkbox groups) come back as arrays. handleAction already does this for every form
 * read with parseForm; this is for actions that read the form another way first (peekForm). Secrets
 * (passwords, tokens) never come back.
 */
export function echoValues<T>(result: T, form: FormData): T | ReturnType<typeof data> {
  const r = result as unknown as { type?: string; data?: unknown; init?: { status?: number } | null }
  if (!r || r.type !== 'DataWithResponseInit' || !r.data || (r.data as { ok?: unknown }).ok !== false) return result
  return data({ ...(r.data as object), values: echoableValues(form) }, { status: r.init?.status ?? 400 })
}

