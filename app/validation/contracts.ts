import { z } from 'zod'

/** Sign (creator) or countersign (brand) one contract version: the fingerprint read and the consent tick. */
export const signContractSchema = z.object({
  intent: z.literal('sign'),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'Reload the page and try again: the document fingerprint is missing.'),
  consent: z.literal('on', { errorMap: () => ({ message: 'Tick the box to agree to sign electronically.' }) }),
})
