/**
 * Form schemas of the creator portal's actions. Server only: the browser build replaces `.server`
 * modules with empty ones, so these routes ship no zod (their components never validate with it).
 */
import { z } from 'zod'
import { creatorOfferActionSchema } from './campaigns.ts'
import { isoDay } from './fields.ts'
import { creatorAccountSchema, creatorContactSchema, creatorRemoveAccountSchema } from './roster.ts'

export { creatorOfferActionSchema }

/** Live post link (posts.$deliverable). */
export const creatorPostSchema = z.object({
  intent: z.literal('submit'),
  url: z.string().trim().min(1, 'Paste the link to your live post.').max(2000),
  postedOn: isoDay('Enter the date you posted.'),
  caption: z.string().max(6000, 'That caption is longer than any platform allows.').default(''),
  platformLabel: z.enum(['on', 'off'], { message: 'Say whether the platform’s paid-partnership label is on for this post.' }),
})

const count = z
  .string()
  .trim()
  .transform((s) => s.replace(/[,\s]/g, ''))
  .refine((s) => s === '' || /^\d{1,12}$/.test(s), 'Whole numbers only (e.g. 12500).')
  .transform((s) => (s === '' ? null : Number(s)))

/** Hand-entered post stats (posts.$deliverable_.stats). */
export const creatorStatsSchema = z.object({
  intent: z.literal('stats'),
  capturedOn: isoDay('Enter the day you read these numbers.'),
  impressions: count.default(''),
  reach: count.default(''),
  views: count.default(''),
  likes: count.default(''),
  comments: count.default(''),
  shares: count.default(''),
  saves: count.default(''),
  clicks: count.default(''),
  followers: count.default(''),
  // With no file chosen the browser still sends the part, as an empty text field.
  evidence: z.string().max(0).optional(),
})

/** Profile: contact details, social accounts, agency access. */
export const creatorProfileActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('revoke-grant'), grantId: z.string().min(1).max(64) }),
  creatorContactSchema,
  creatorAccountSchema,
  creatorRemoveAccountSchema,
])
