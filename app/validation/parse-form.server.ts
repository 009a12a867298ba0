import { z } from 'zod'
import { AppError, InvalidInputError, type FieldErrors } from '#app/utils/errors.ts'
import { rememberForm } from '#app/utils/form-echo.server.ts'
import { hasNul, NUL_FIELD_MESSAGE } from '#app/utils/request-guard.ts'
import { readLimitedBytes } from '#app/utils/read-limited.server.ts'

export const MAX_FORM_BYTES = 256 * 1024

/**
 * Read a urlencoded/multipart body (without files) and validate it with a zod object schema.
 * Hostile input is a 4xx with field errors, never a 500: unknown fields, repeated fields, files
 * where text belongs, oversize bodies and wrong types are all refused.
 */
export async function parseForm<S extends z.ZodTypeAny>(
  request: Request,
  schema: S,
  opts: { arrayFields?: string[]; maxBytes?: number } = {},
): Promise<z.infer<S>> {
  const form = await readFormLimited(request, opts.maxBytes ?? MAX_FORM_BYTES)
  return parseFormData(form, schema, opts)
}

export const FORM_TOO_LARGE_MESSAGE = 'That form is too large. Shorten the text and try again.'

/**
 * The body as FormData, read through the one limited reader (app/utils/read-limited.server.ts): reading
 * stops at the limit whatever the framing (Content-Length or chunked) and the answer is a 413.
 */
export async function readFormLimited(request: Request, max: number = MAX_FORM_BYTES): Promise<FormData> {
  const bytes = await readLimitedBytes(request, max)
  if (bytes === null) throw new AppError(413, FORM_TOO_LARGE_MESSAGE)
  try {
    const headers = new Headers()
    const type = request.headers.get('content-type')
    if (type) headers.set('content-type', type)
    return await new Request('http://local.invalid/', { method: 'POST', headers, body: bytes }).formData()
  } catch {
    throw new InvalidInputError('The form could not be read. Reload the page and try again.')
  }
}

/**
 * A copy of the submitted form to look at before parsing (the intent, values to echo back) without
 * consuming the body. An unreadable body (malformed multipart, wrong content type) is an empty form
 * here: the real parse (parseForm) then refuses it with a 400 instead of the read throwing a 500.
 */
export async function peekForm(request: Request): Promise<FormData> {
  try {
    return await readFormLimited(request.clone())
  } catch {
    return new FormData()
  }
}

export function parseFormData<S extends z.ZodTypeAny>(
  form: FormData,
  schema: S,
  opts: { arrayFields?: string[] } = {},
): z.infer<S> {
  rememberForm(form)
  const known = knownKeys(schema)
  const arrays = new Set(opts.arrayFields ?? [])
  const raw: Record<string, unknown> = {}
  const errors: FieldErrors = {}
  for (const key of new Set(form.keys())) {
    if (known && !known.has(key)) {
      throw new InvalidInputError(`Unexpected field "${key.replace(/\u0000/g, "").slice(0, 40)}". Reload the page and try again.`)
    }
    const values = form.getAll(key)
    if (values.some((v) => typeof v !== 'string')) {
      errors[key] = ['A file was sent where text was expected.']
      continue
    }
    if (hasNul(key) || values.some((v) => hasNul(v as string))) {
      errors[key.replace(/\u0000/g, '')] = [NUL_FIELD_MESSAGE]
      continue
    }
    if (arrays.has(key)) raw[key] = values
    else if (values.length > 1) errors[key] = ['This field was sent more than once.']
    else raw[key] = values[0]
  }
  if (Object.keys(errors).length) throw new InvalidInputError('Please correct the highlighted fields.', errors)
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    throw new InvalidInputError('Please correct the highlighted fields.', zodFieldErrors(parsed.error))
  }
  return parsed.data
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form'
    ;(out[key] ??= []).push(issue.message)
  }
  return out
}

function knownKeys(schema: z.ZodTypeAny): Set<string> | null {
  let s: z.ZodTypeAny = schema
  // unwrap effects/pipelines to find the object shape
  for (let i = 0; i < 5; i++) {
    if (s instanceof z.ZodEffects) s = s.innerType()
    else if (s instanceof z.ZodPipeline) s = s._def.in
    else break
  }
  if (s instanceof z.ZodObject) return new Set(Object.keys(s.shape))
  if (s instanceof z.ZodDiscriminatedUnion) {
    const keys = new Set<string>()
    for (const opt of s.options as z.ZodObject<z.ZodRawShape>[]) for (const k of Object.keys(opt.shape)) keys.add(k)
    return keys
  }
  return null
}
