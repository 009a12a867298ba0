import { z } from 'zod'
import { isoDayMessage, isoDayProblem } from '#app/domain/dates.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'

/** Shared field rules for every form. */
export const email = z
  .string({ required_error: 'Enter your email address.', invalid_type_error: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .email('Enter a valid email address, like name@example.com.')
  .transform((v) => v.toLowerCase())

/** At least 10 characters, up to 256 kept whole (never truncated). */
export const newPassword = z
  .string({ required_error: 'Choose a password.', invalid_type_error: 'Choose a password.' })
  .min(10, 'Use at least 10 characters.')
  .max(256, 'Use at most 256 characters.')

export const currentPassword = z
  .string({ required_error: 'Enter your password.', invalid_type_error: 'Enter your password.' })
  .min(1, 'Enter your password.')
  .max(256, 'That password is longer than any we accept (256 characters).')

export const personName = z
  .string({ required_error: 'Enter a name.', invalid_type_error: 'Enter a name.' })
  .trim()
  .min(1, 'Enter a name.')
  .max(120, 'Use at most 120 characters.')

/** Only same-origin paths, normalised (app/utils/safe-redirect.ts): never an open redirect. Anything else is dropped. */
export const redirectTo = z
  .string()
  .optional()
  .transform((v) => (v ? safeRedirect(v, '') || undefined : undefined))

export const token = z.string().min(10).max(200).regex(/^[A-Za-z0-9_-]+$/)

/**
 * A day typed into a form or a query, 'YYYY-MM-DD' (trimmed): the one date field of every form. Days that
 * do not exist (2026-02-30), years outside 1900–9999 and anything around the date are refused with a
 * sentence for the field; the day is kept as typed, never moved (see parseIsoDayOrNull).
 */
export const isoDay = (required = 'Enter a date.') =>
  z
    .string({ required_error: required, invalid_type_error: required })
    .trim()
    .max(40, 'Use a date like 2026-12-31.')
    .superRefine((s, ctx) => {
      if (s === '') return void ctx.addIssue({ code: 'custom', message: required })
      const problem = isoDayProblem(s)
      if (problem) ctx.addIssue({ code: 'custom', message: isoDayMessage(s, problem) })
    })

/** isoDay() that may be left empty: '' or missing -> null. */
export const optionalIsoDay = () =>
  z
    .string({ invalid_type_error: 'Use a date like 2026-12-31.' })
    .trim()
    .max(40, 'Use a date like 2026-12-31.')
    .optional()
    .transform((v) => (v ? v : null))
    .superRefine((s, ctx) => {
      if (s === null) return
      const problem = isoDayProblem(s)
      if (problem) ctx.addIssue({ code: 'custom', message: isoDayMessage(s, problem) })
    })
