import { z } from 'zod'
import { PLATFORMS } from '#app/domain/catalog.ts'

/** The creator's draft form (multipart; the files are streamed separately by parseUpload). */
export const draftFormSchema = z.object({
  intent: z.literal('submit-draft'),
  caption: z.string().max(6000, 'That caption is longer than any platform allows.').default(''),
  /** Ids of files already uploaded to UploadThing for this draft. */
  uploadedFileIds: z.array(z.string().regex(/^[a-z0-9]{1,40}$/)).max(10).default([]),
})

const comment = (msg: string) => z.string().trim().max(4000, 'Keep the comment under 4,000 characters.').refine((s) => s.length === 0 || s.length >= 3, msg)

/** The reviewer's decision bar and the conversation on the review page. */
export const reviewFormSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('approve'),
    attestations: z.array(z.string().max(20)).max(20).default([]),
    comment: comment('Write a little more, or leave the comment empty.').default(''),
    overrideReason: z.string().trim().max(2000).default(''),
  }),
  z.object({
    intent: z.literal('request-changes'),
    attestations: z.array(z.string().max(20)).max(20).default([]),
    comment: z.string().trim().min(3, 'Tell the creator what to change.').max(4000, 'Keep the comment under 4,000 characters.'),
    internalNote: comment('Write a little more, or leave the note empty.').default(''),
    confirmExtraRound: z.literal('on').optional(),
  }),
  z.object({
    intent: z.literal('comment'),
    body: z.string().trim().min(1, 'Write a comment first.').max(4000, 'Keep the comment under 4,000 characters.'),
    visibility: z.enum(['creator', 'internal'], { errorMap: () => ({ message: 'Choose who can see the comment.' }) }),
  }),
])

/** The brand's verify / send-back form on a live post (posts.$post). */
export const postVerifySchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('verify'), attestations: z.array(z.string().max(40)).max(20).default([]) }),
  z.object({ intent: z.literal('send-back'), note: z.string().trim().min(3, 'Say what the creator needs to change.').max(2000) }),
])

/** The review queue's filters (query string): a malformed value is dropped, never an error. */
export const reviewQueueFiltersSchema = z.object({
  campaign: z.string().regex(/^[a-z0-9]{1,40}$/).optional().catch(undefined),
  platform: z.enum(PLATFORMS).optional().catch(undefined),
  reviewer: z.string().regex(/^[a-z0-9]{1,40}$/).optional().catch(undefined),
})
