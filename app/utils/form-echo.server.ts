/**
 * Refused forms keep what was typed, with or without JavaScript. handleAction runs each action inside a
 * store; parseForm / parseFormData remember the form they read; when the action ends in a refusal
 * (an AppError), handleAction sends the typed values back with the message, and the shared fields
 * (app/components/ui.tsx) show them. Secrets (passwords, tokens) and files are never sent back.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

const g = globalThis as unknown as { __greenroomFormEcho?: AsyncLocalStorage<{ form: FormData | null }> }
const store: AsyncLocalStorage<{ form: FormData | null }> = (g.__greenroomFormEcho ??= new AsyncLocalStorage())

export function runWithFormEcho<T>(fn: () => Promise<T>): Promise<T> {
  return store.run({ form: null }, fn)
}

/** Called by the form parsers with the form they read. */
export function rememberForm(form: FormData) {
  const s = store.getStore()
  if (s) s.form = form
}

export function rememberedForm(): FormData | null {
  return store.getStore()?.form ?? null
}

/** Field names whose values are never echoed back into a page. */
export const SECRET_FIELD = /pass(word)?|confirm|token|secret|csrf/i
const MAX_ECHO_CHARS = 20_000

/** The text values of a form to send back (repeated fields as arrays), without secrets or files. */
export function echoableValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {}
  for (const key of new Set(form.keys())) {
    if (SECRET_FIELD.test(key)) continue
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, MAX_ECHO_CHARS))
    values[key] = all.length > 1 ? all : (all[0] ?? '')
  }
  return values
}
