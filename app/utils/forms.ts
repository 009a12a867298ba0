import type { FieldErrors } from './errors.ts'

export interface ActionFailureShape {
  ok: false
  formError: string
  fieldErrors: FieldErrors
}

/** Narrow useActionData() / fetcher.data to the failure shape returned by handleAction. */
export function failureOf(value: unknown): ActionFailureShape | null {
  return value && typeof value === 'object' && (value as { ok?: unknown }).ok === false ? (value as ActionFailureShape) : null
}

/** First error for a field, for the `error` prop of a field component. */
export function fieldError(failure: ActionFailureShape | null, name: string): string | undefined {
  return failure?.fieldErrors[name]?.[0]
}
