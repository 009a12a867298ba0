import { data, redirect } from '@remix-run/node'
import { AppError, type FieldErrors } from './errors.ts'
import { flashCookie, type FlashTone } from './flash.server.ts'
import { echoableValues, rememberedForm, runWithFormEcho } from './form-echo.server.ts'

export interface ActionFailure {
  ok: false
  formError: string
  fieldErrors: FieldErrors
  /** What was typed (no secrets), so the page shows the form as it was sent, even without JavaScript. */
  values?: Record<string, string | string[]>
}

/**
 * Run an action body; expected failures (AppError) become a 4xx with the message and field
 * errors the form shows next to the fields, and the values that were typed (see form-echo.server.ts).
 * Anything else is rethrown: a 500 is a bug.
 */
export async function handleAction<T>(fn: () => Promise<T>): Promise<T | ReturnType<typeof data<ActionFailure>>> {
  return runWithFormEcho(async () => {
    try {
      return await fn()
    } catch (error) {
      if (error instanceof AppError) {
        const form = rememberedForm()
        return data<ActionFailure>(
          { ok: false, formError: error.message, fieldErrors: error.fieldErrors, ...(form ? { values: echoableValues(form) } : {}) },
          { status: error.status },
        )
      }
      throw error
    }
  })
}

/** Map an AppError thrown inside a loader to a Response the error boundary shows. */
export async function handleLoader<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof AppError) throw new Response(error.message, { status: error.status })
    throw error
  }
}

export async function redirectWithFlash(to: string, message: string, opts: { tone?: FlashTone; headers?: HeadersInit } = {}) {
  const headers = new Headers(opts.headers)
  headers.append('Set-Cookie', await flashCookie(message, opts.tone))
  return redirect(to, { headers })
}
