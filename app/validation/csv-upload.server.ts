import { AppError, InvalidInputError } from '#app/utils/errors.ts'
import { readFormLimited } from '#app/validation/parse-form.server.ts'

export const MAX_CSV_BYTES = 5 * 1024 * 1024

/**
 * Read a CSV import form: `intent` plus either an uploaded `file` (the preview step) or the same text
 * sent back in `csv` (the confirm step). Unknown fields, oversize bodies and non-text files are refused.
 */
export async function readCsvUpload(
  request: Request,
  intents: readonly string[],
  opts: { maxBytes?: number } = {},
): Promise<{ intent: string; csv: string; fileName: string | null }> {
  const max = opts.maxBytes ?? MAX_CSV_BYTES
  const mb = `${Math.round(max / 1024 / 1024)} MB`
  const length = Number(request.headers.get('content-length') ?? '0')
  if (length > max + 64 * 1024) throw new InvalidInputError(`That file is larger than ${mb}. Split it and import each part.`, { file: [`That file is larger than ${mb}.`] })
  let form: FormData
  try {
    form = await readFormLimited(request, max + 64 * 1024)
  } catch (e) {
    if (e instanceof AppError && e.status === 413) throw new AppError(413, `That file is larger than ${mb}. Split it and import each part.`, { file: [`That file is larger than ${mb}.`] })
    throw e
  }
  for (const key of form.keys()) {
    if (!['intent', 'file', 'csv'].includes(key)) throw new InvalidInputError(`Unexpected field "${key.slice(0, 40)}". Reload the page and try again.`)
  }
  const intent = form.get('intent')
  if (typeof intent !== 'string' || !intents.includes(intent)) throw new InvalidInputError('Reload the page and try again.')
  const file = form.get('file')
  const text = form.get('csv')
  if (file && typeof file !== 'string' && file.size > 0) {
    if (file.size > max) throw new InvalidInputError(`That file is larger than ${mb}.`, { file: [`That file is larger than ${mb}.`] })
    const bytes = new Uint8Array(await file.arrayBuffer())
    if (bytes.includes(0)) throw new InvalidInputError('That is not a CSV file.', { file: ['That is not a CSV file (export as CSV, UTF-8).'] })
    return { intent, csv: new TextDecoder('utf-8').decode(bytes), fileName: file.name.slice(0, 120) }
  }
  if (typeof text === 'string' && text.trim()) {
    if (text.length > max) throw new InvalidInputError(`That file is larger than ${mb}.`, { file: [`That file is larger than ${mb}.`] })
    return { intent, csv: text, fileName: null }
  }
  throw new InvalidInputError('Choose a CSV file.', { file: ['Choose a CSV file.'] })
}

/**
 * The action of a two-step CSV import page: `preview` runs the import as a dry run and answers with the
 * text to send back; `import` runs it for real and `done` says where to go. Refusals throw as above.
 */
export async function previewOrImport<T, R>(request: Request, run: (csv: string, opts?: { dryRun: true }) => Promise<T>, done: (result: T) => Promise<R>) {
  const { intent, csv, fileName } = await readCsvUpload(request, ['preview', 'import'])
  if (intent === 'preview') return { ok: true as const, csv, fileName, preview: await run(csv, { dryRun: true }) }
  return done(await run(csv))
}

/** " 3 rows skipped." after an import that refused some rows; empty when none was. */
export function skippedRowsSentence(errors: readonly unknown[]) {
  return errors.length ? ` ${errors.length} row${errors.length === 1 ? '' : 's'} skipped.` : ''
}
