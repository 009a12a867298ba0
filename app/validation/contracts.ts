import { z } from 'zod'

/** Sign (creator) or countersign (brand) one contract version: the fingerprint read and the consent tick. */
export const signContractSchema = z.object({
  intent: z.literal('sign'),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'Reload the page and try again: the document fingerprint is missing.'),
  consent: z.literal('on', { errorMap: () => ({ message: 'Tick the box to agree to sign electronically.' }) }),
})

const CLAUSE_TEXT_MAX = 8000

/**
 * The template editor form for a template whose clauses have these ids (the fields are named after them:
 * heading_<id>, body_<id>, enabled_<id>). Placeholders are checked by the service (templateProblems), which
 * puts its messages next to the same fields.
 */
export function contractTemplateSchema(clauseIds: string[]) {
  const shape: Record<string, z.ZodTypeAny> = {
    intent: z.literal('template'),
    baseVersion: z.coerce.number({ invalid_type_error: 'Reload the page and try again.' }).int().min(0).max(1_000_000),
    title: z.string({ required_error: 'Give the contract a title.' }).trim().min(1, 'Give the contract a title.').max(200, 'Keep the title under 200 characters.'),
  }
  for (const id of clauseIds) {
    shape[`heading_${id}`] = z.string({ required_error: 'Give the clause a heading.' }).trim().min(1, 'Give the clause a heading.').max(120, 'Keep the heading under 120 characters.')
    shape[`body_${id}`] = z.string().max(CLAUSE_TEXT_MAX, `Keep the clause under ${CLAUSE_TEXT_MAX} characters.`).default('')
    shape[`enabled_${id}`] = z.literal('on', { errorMap: () => ({ message: 'Tick the box or leave it empty.' }) }).optional()
  }
  return z.object(shape)
}

/** Contract settings (admins): who countersigns, when a signed contract is required, the licences' time zone. */
export const contractSettingsSchema = z.object({
  intent: z.literal('settings'),
  signerRoles: z
    .array(z.enum(['admin', 'manager', 'finance'], { errorMap: () => ({ message: 'Choose roles from the list.' }) }))
    .min(1, 'At least one role must be able to countersign.')
    .max(3)
    .default([]),
  requirement: z.enum(['french_threshold', 'always', 'never'], { errorMap: () => ({ message: 'Choose when a signed contract is required.' }) }),
  timeZone: z
    .string({ required_error: 'Give a time zone such as Europe/Paris.' })
    .trim()
    .min(1, 'Give a time zone such as Europe/Paris.')
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz })
        return true
      } catch {
        return false
      }
    }, 'Not a time zone we know. Use a name like Europe/Paris or America/New_York.'),
})
export type ContractSettingsInput = z.infer<typeof contractSettingsSchema>
