import { data } from '@remix-run/node'

/**
 * After a failed submission, send the submitted text values back with the error so a page rendered
 * without JavaScript (a plain form POST) shows the form as the person filled it, not blank.
 * Repeated fields (checkbox groups) come back as arrays.
 */
export function echoValues<T>(result: T, form: FormData): T | ReturnType<typeof data> {
  const r = result as unknown as { type?: string; data?: unknown; init?: { status?: number } | null }
  if (!r || r.type !== 'DataWithResponseInit' || !r.data || (r.data as { ok?: unknown }).ok !== false) return result
  const values: Record<string, string | string[]> = {}
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string')
    values[key] = all.length > 1 ? all : (all[0] ?? '')
  }
  return data({ ...(r.data as object), values }, { status: r.init?.status ?? 400 })
}

